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
import { EMPTY_STATE, slotOf, type DeliveryAttempt } from '../../domain/records';
import { ladderFromEntry, ladderToEntry, type LadderEntry } from './ladder-mapping';
import { SK_PREFIX, STATE_ATTR, STATE_PREFIX, TTL_ATTRIBUTE, pk, sk, toTtl } from './keys';

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
  const live: Record<string, string> = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(STATE_PREFIX.cooldown) && typeof value === 'number') {
      cooldowns[name.slice(STATE_PREFIX.cooldown.length)] = value;
    } else if (name.startsWith(STATE_PREFIX.live) && typeof value === 'string') {
      live[name.slice(STATE_PREFIX.live.length)] = value;
    }
  }
  const lockedUntil = optNum(item.lockedUntil);
  const lastAttemptAt = optNum(item.lastAttemptAt);
  const locale = optStr(item.locale);
  return {
    attempts: num(item.attempts),
    attemptLimit: num(item.attemptLimit),
    locks: num(item.lockCount),
    ...(lockedUntil !== undefined ? { lockedUntil } : {}),
    hardLocked: item.hardLocked === true,
    epoch: num(item.epoch),
    ...(lastAttemptAt !== undefined ? { lastAttemptAt } : {}),
    cooldowns,
    factorsVersion: num(item.factorsVersion),
    live,
    ...(locale !== undefined ? { locale } : {}),
  };
}

/**
 * A challenge as stored inside the state item: short member names keep the item
 * under 1 KB, so each write of it costs one write unit.
 * p purpose, k seed, n code length, f factor, c channel, m masked destination,
 * t status, a created, e expires, v approved, r reported, d deliveries
 * ({ c channel, f factor, a at, t status, u status at }), l fallback ladder
 * (lambdas/adapters/dynamodb/ladder-mapping.ts).
 */
export interface ChallengeEntry {
  readonly p: string;
  readonly k: string;
  readonly n: number;
  readonly f: string;
  readonly c: string;
  readonly m: string;
  readonly t: string;
  readonly a: number;
  readonly e: number;
  readonly v?: number;
  readonly r?: number;
  readonly d: ReadonlyArray<DeliveryEntry>;
  readonly l?: LadderEntry;
}

export interface DeliveryEntry {
  readonly c: string;
  readonly f: string;
  readonly a: number;
  readonly t: string;
  readonly u?: number;
}

export function deliveryToEntry(d: DeliveryAttempt): DeliveryEntry {
  return defined({ c: d.channel, f: d.factorId, a: d.at, t: d.status, u: d.statusAt });
}

export function challengeToEntry(c: ChallengeRecord): ChallengeEntry {
  return defined({
    p: c.purpose,
    k: c.seed,
    n: c.codeLength,
    f: c.factorId,
    c: c.channel,
    m: c.destinationMasked,
    t: c.status,
    a: c.createdAt,
    e: c.expiresAt,
    v: c.approvedAt,
    r: c.reportedAt,
    d: c.deliveries.map(deliveryToEntry),
    l: c.fallback ? ladderToEntry(c.fallback) : undefined,
  });
}

export function challengeFromEntry(userId: string, challengeId: string, e: ChallengeEntry): ChallengeRecord {
  return defined({
    userId,
    challengeId,
    purpose: e.p,
    slot: slotOf(e.p, e.f),
    seed: e.k,
    codeLength: num(e.n),
    factorId: e.f,
    channel: e.c as ChallengeRecord['channel'],
    destinationMasked: e.m,
    status: e.t as ChallengeRecord['status'],
    createdAt: num(e.a),
    expiresAt: num(e.e),
    approvedAt: optNum(e.v),
    reportedAt: optNum(e.r),
    deliveries: (e.d ?? []).map((d) =>
      defined({
        channel: d.c as DeliveryAttempt['channel'],
        factorId: d.f,
        at: num(d.a),
        status: d.t as DeliveryAttempt['status'],
        statusAt: optNum(d.u),
      }),
    ),
    fallback: e.l ? ladderFromEntry(e.l) : undefined,
  });
}

/** A challenge entry is kept this long past its code's expiry, then treated as absent. */
export function challengeRetained(e: ChallengeEntry, now: number, retentionMs: number): boolean {
  return num(e.e) + retentionMs > now;
}

/** The challenges held in a state item that are still within their retention. */
export function challengesFromState(
  userId: string,
  item: Item | undefined,
  now: number,
  retentionMs: number,
): ChallengeRecord[] {
  if (!item) return [];
  const out: ChallengeRecord[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(STATE_PREFIX.challenge) || typeof value !== 'object' || value === null) continue;
    const entry = value as ChallengeEntry;
    if (challengeRetained(entry, now, retentionMs))
      out.push(challengeFromEntry(userId, name.slice(STATE_PREFIX.challenge.length), entry));
  }
  return out;
}

/**
 * Attributes of the state item that no longer mean anything at `now`: cooldown
 * stamps older than any cooldown, send buckets of past hours and days, challenges
 * past their retention and the live pointers to them. The next write removes them.
 */
export function staleStateAttributes(
  item: Item | undefined,
  now: number,
  horizon: { cooldownMs: number; retentionMs: number; hourBucket: number; dayBucket: number },
): string[] {
  if (!item) return [];
  const stale: string[] = [];
  const gone = new Set<string>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(STATE_PREFIX.cooldown)) {
      if (typeof value === 'number' && value <= now - horizon.cooldownMs) stale.push(name);
    } else if (name.startsWith(STATE_PREFIX.hourSends)) {
      if (Number(name.slice(STATE_PREFIX.hourSends.length)) < horizon.hourBucket) stale.push(name);
    } else if (name.startsWith(STATE_PREFIX.daySends)) {
      if (Number(name.slice(STATE_PREFIX.daySends.length)) < horizon.dayBucket) stale.push(name);
    } else if (name.startsWith(STATE_PREFIX.challenge)) {
      if (!challengeRetained(value as ChallengeEntry, now, horizon.retentionMs)) {
        stale.push(name);
        gone.add(name.slice(STATE_PREFIX.challenge.length));
      }
    }
  }
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(STATE_PREFIX.live) && typeof value === 'string' && gone.has(value)) stale.push(name);
  }
  return stale;
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

export function recoveryToItem(userId: string, set: RecoveryCodeSet): Item {
  return {
    pk: pk.user(userId),
    sk: sk.recovery,
    kind: 'recovery',
    hashes: new Set(set.hashes),
    generatedAt: set.generatedAt,
  };
  // `used` (hashes of codes already accepted) is added by acceptance; a new set starts without it.
}

export function recoveryFromItem(item: Item): RecoveryCodeSet {
  const hashes = item.hashes instanceof Set ? [...(item.hashes as Set<string>)] : [];
  const used = item.used instanceof Set ? [...(item.used as Set<string>)] : [];
  return { hashes, used, generatedAt: num(item.generatedAt) };
}

export function idempotentFromItem(item: Item): IdempotentResponse {
  return {
    key: item.key as string,
    requestHash: item.requestHash as string,
    ...(typeof item.statusCode === 'number' ? { statusCode: item.statusCode } : {}),
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
    notice: optStr(item.notice),
    reason: optStr(item.reason),
    context: item.context as AccountEvent['context'],
  });
}

/** Builds the snapshot from every live item of the user's partition. */
export function snapshotFromItems(
  userId: string,
  items: readonly Item[],
  now: number,
  horizon: { cooldownMs: number; retentionMs: number; hourBucket: number; dayBucket: number },
): UserSnapshot {
  let stateItem: Item | undefined;
  let recovery: RecoveryCodeSet | undefined;
  const factors: FactorRecord[] = [];
  const idempotent: IdempotentResponse[] = [];
  for (const item of items) {
    if (!isLive(item, now)) continue;
    const key = item.sk as string;
    if (key === sk.state) stateItem = item;
    else if (key === sk.recovery) recovery = recoveryFromItem(item);
    else if (key.startsWith(SK_PREFIX.factor)) factors.push(factorFromItem(item));
    else if (key.startsWith(SK_PREFIX.idempotency)) idempotent.push(idempotentFromItem(item));
  }
  // A factor's last use is stamped on the state item by the write that accepts its code.
  const used = (f: FactorRecord): FactorRecord => {
    const stamp = optNum(stateItem?.[STATE_ATTR.factorUsed(f.factorId)]);
    return stamp !== undefined && stamp > (f.lastUsedAt ?? 0) ? { ...f, lastUsedAt: stamp } : f;
  };
  factors.sort((a, b) => a.createdAt - b.createdAt || a.factorId.localeCompare(b.factorId));
  return {
    userId,
    state: stateFromItem(stateItem),
    factors: factors.map(used),
    challenges: challengesFromState(userId, stateItem, now, horizon.retentionMs),
    ...(recovery ? { recovery } : {}),
    idempotent,
    sendCounts: {
      hour: num(stateItem?.[STATE_ATTR.hourSends(horizon.hourBucket)]),
      day: num(stateItem?.[STATE_ATTR.daySends(horizon.dayBucket)]),
    },
    stateExists: stateItem !== undefined,
    stale: staleStateAttributes(stateItem, now, horizon),
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
