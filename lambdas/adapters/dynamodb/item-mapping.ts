/**
 * Translation between DynamoDB items and domain records. Reading treats every item
 * past its TTL as absent, because DynamoDB deletes expired items late (and
 * DynamoDB Local never does).
 */
import type { AccountEvent } from '../../domain/events';
import type {
  ChallengeRecord,
  DeviceRecord,
  FactorRecord,
  IdempotentResponse,
  RecoveryCodeSet,
  UserSnapshot,
  UserState,
} from '../../domain/records';
import { EMPTY_STATE } from '../../domain/records';
import { COOLDOWN_PREFIX, SK_PREFIX, TTL_ATTRIBUTE, pk, sk, toTtl } from './keys';

export type Item = Record<string, unknown>;

export function isLive(item: Item, now: number): boolean {
  const ttl = item[TTL_ATTRIBUTE];
  return typeof ttl !== 'number' || ttl * 1000 > now;
}

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);
const optNum = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function stateFromItem(item: Item | undefined): UserState {
  if (!item) return EMPTY_STATE;
  const cooldowns: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(COOLDOWN_PREFIX) && typeof value === 'number') {
      cooldowns[name.slice(COOLDOWN_PREFIX.length)] = value;
    }
  }
  const lockedUntil = optNum(item.lockedUntil);
  const locale = optStr(item.locale);
  return {
    failures: num(item.failures),
    consecutiveFailures: num(item.consecutiveFailures),
    locks: num(item.lockCount),
    ...(lockedUntil !== undefined ? { lockedUntil } : {}),
    hardLocked: item.hardLocked === true,
    cooldowns,
    factorsVersion: num(item.factorsVersion),
    ...(locale !== undefined ? { locale } : {}),
  };
}

/** Drops undefined members so records round-trip exactly. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function factorToItem(f: FactorRecord, ttlMs?: number): Item {
  return defined({
    pk: pk.user(f.userId),
    sk: sk.factor(f.factorId),
    kind: 'factor',
    ...f,
    [TTL_ATTRIBUTE]: ttlMs === undefined ? undefined : toTtl(ttlMs),
  });
}

export function factorFromItem(item: Item): FactorRecord {
  return defined({
    userId: item.userId as string,
    factorId: item.factorId as string,
    type: item.type as FactorRecord['type'],
    status: item.status as FactorRecord['status'],
    destination: optStr(item.destination),
    destinationMasked: optStr(item.destinationMasked),
    label: optStr(item.label),
    createdAt: num(item.createdAt),
    activatedAt: optNum(item.activatedAt),
    lastUsedAt: optNum(item.lastUsedAt),
    secretCiphertext: optStr(item.secretCiphertext),
    lastTotpStep: optNum(item.lastTotpStep),
    totpDrift: optNum(item.totpDrift),
  });
}

export function challengeToItem(c: ChallengeRecord, retentionSeconds: number): Item {
  return {
    pk: pk.user(c.userId),
    sk: sk.challenge(c.challengeId),
    kind: 'challenge',
    ...defined(c),
    deliveries: c.deliveries.map((d) => defined({ ...d })),
    [TTL_ATTRIBUTE]: toTtl(c.expiresAt + retentionSeconds * 1000),
  };
}

export function challengeFromItem(item: Item): ChallengeRecord {
  return defined({
    userId: item.userId as string,
    challengeId: item.challengeId as string,
    purpose: item.purpose as string,
    slot: item.slot as string,
    seed: item.seed as string,
    codeLength: num(item.codeLength),
    factorId: item.factorId as string,
    channel: item.channel as ChallengeRecord['channel'],
    destinationMasked: item.destinationMasked as string,
    status: item.status as ChallengeRecord['status'],
    createdAt: num(item.createdAt),
    expiresAt: num(item.expiresAt),
    approvedAt: optNum(item.approvedAt),
    deliveries: (item.deliveries as ChallengeRecord['deliveries'] | undefined) ?? [],
  });
}

export function recoveryToItem(userId: string, set: RecoveryCodeSet): Item {
  return {
    pk: pk.user(userId),
    sk: sk.recovery,
    kind: 'recovery',
    hashes: new Set(set.hashes),
    generatedAt: set.generatedAt,
  };
}

export function recoveryFromItem(item: Item): RecoveryCodeSet {
  const hashes = item.hashes instanceof Set ? [...(item.hashes as Set<string>)] : [];
  return { hashes, generatedAt: num(item.generatedAt) };
}

export function idempotentFromItem(item: Item): IdempotentResponse {
  return {
    key: item.key as string,
    requestHash: item.requestHash as string,
    statusCode: num(item.statusCode),
    body: item.body as string,
  };
}

export function eventToItem(e: AccountEvent, retentionDays: number): Item {
  return defined({
    pk: pk.events(e.userId),
    sk: sk.event(e.eventId),
    kind: 'event',
    ...e,
    [TTL_ATTRIBUTE]: toTtl(e.at + retentionDays * 86_400_000),
  });
}

export function eventFromItem(item: Item): AccountEvent {
  return defined({
    eventId: item.eventId as string,
    userId: item.userId as string,
    type: item.type as AccountEvent['type'],
    at: num(item.at),
    channel: optStr(item.channel) as AccountEvent['channel'],
    factorId: optStr(item.factorId),
    purpose: optStr(item.purpose),
    context: item.context as AccountEvent['context'],
  });
}

/** Builds the snapshot from every live item of the user's partition. */
export function snapshotFromItems(
  userId: string,
  items: readonly Item[],
  now: number,
  buckets: { hour: number; day: number },
): UserSnapshot {
  let state: UserState = EMPTY_STATE;
  let recovery: RecoveryCodeSet | undefined;
  const factors: FactorRecord[] = [];
  const challenges: ChallengeRecord[] = [];
  const idempotent: IdempotentResponse[] = [];
  const sendCounts = { hour: 0, day: 0 };
  for (const item of items) {
    if (!isLive(item, now)) continue;
    const key = item.sk as string;
    if (key === sk.state) state = stateFromItem(item);
    else if (key === sk.recovery) recovery = recoveryFromItem(item);
    else if (key.startsWith(SK_PREFIX.factor)) factors.push(factorFromItem(item));
    else if (key.startsWith(SK_PREFIX.challenge)) challenges.push(challengeFromItem(item));
    else if (key.startsWith(SK_PREFIX.idempotency)) idempotent.push(idempotentFromItem(item));
    else if (key === sk.hourSends(buckets.hour)) sendCounts.hour = num(item.n);
    else if (key === sk.daySends(buckets.day)) sendCounts.day = num(item.n);
  }
  factors.sort((a, b) => a.createdAt - b.createdAt || a.factorId.localeCompare(b.factorId));
  return {
    userId,
    state,
    factors,
    challenges,
    ...(recovery ? { recovery } : {}),
    idempotent,
    sendCounts,
  };
}

export function deviceToItem(d: DeviceRecord): Item {
  return defined({
    pk: pk.devices(d.userId),
    sk: sk.device(d.deviceId),
    kind: 'device',
    ...d,
    [TTL_ATTRIBUTE]: toTtl(d.expiresAt),
  });
}

export function deviceFromItem(item: Item): DeviceRecord {
  return defined({
    userId: item.userId as string,
    deviceId: item.deviceId as string,
    tokenHash: item.tokenHash as string,
    name: optStr(item.name),
    createdAt: num(item.createdAt),
    expiresAt: num(item.expiresAt),
    lastUsedAt: optNum(item.lastUsedAt),
  });
}
