/**
 * Delivery codes: created with the delivery and sent at once, the same code on
 * every resend (cooldown and caps apply), entered by the courier inside the
 * delivery window and confirmed once. Wrong codes are counted per delivery.
 */
import type { DeliveryChannel } from '../domain/channel';
import { codeMatches, deriveCode, keyedHash, newSeed } from '../domain/codes';
import { normaliseEnteredCode } from '../domain/challenge-match';
import { MAX_WINDOW_MS, windowPosition, type DeliveryRecord } from '../domain/delivery';
import { capForm, normaliseDestination, phoneRules, type Destination } from '../domain/destination';
import { pickFactor } from '../domain/records';
import {
  AlreadyConfirmedError,
  CodeIncorrectError,
  DeliveryExistsError,
  DeliveryNotFoundError,
  InvalidRequestError,
  NoActiveFactorError,
  OutsideWindowError,
  type DomainError,
} from '../domain/errors';
import { DeliveryFailedError, DeliveryLockedError } from '../domain/refusal-errors';
import { chooseLocale } from '../domain/locale';
import { renderCodeMessage } from '../domain/messages';
import type { AppDeps } from './deps';
import { newEvent } from './events';
import { iso, type Reply } from './reply';
import { alternativesTo, sendCounters, sendRefusalError } from './send-caps';

export interface CreateDeliveryInput {
  readonly deliveryId: string;
  readonly userId: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly factorId?: string;
  readonly channel?: DeliveryChannel;
  readonly destination?: string;
}

function deliveryView(d: DeliveryRecord, now: number) {
  return {
    deliveryId: d.deliveryId,
    userId: d.userId,
    status: d.status,
    channel: d.channel,
    destinationMasked: d.destinationMasked,
    validFrom: iso(d.windowStart),
    validUntil: iso(d.windowEnd),
    ...(d.confirmedAt !== undefined ? { confirmedAt: iso(d.confirmedAt) } : {}),
    windowState: windowPosition(d, now),
  };
}

function parseWindow(input: CreateDeliveryInput, now: number): { start: number; end: number } {
  const start = Date.parse(input.windowStart);
  const end = Date.parse(input.windowEnd);
  const errors = [];
  if (Number.isNaN(start)) errors.push({ path: '/windowStart', message: 'must be an ISO 8601 time' });
  if (Number.isNaN(end)) errors.push({ path: '/windowEnd', message: 'must be an ISO 8601 time' });
  else if (end <= now) errors.push({ path: '/windowEnd', message: 'must be in the future' });
  if (!errors.length && end <= start)
    errors.push({ path: '/windowEnd', message: 'must be after windowStart' });
  if (!errors.length && end - start > MAX_WINDOW_MS) {
    errors.push({ path: '/windowEnd', message: 'the window may last at most 14 days' });
  }
  if (errors.length) throw new InvalidRequestError('The delivery window is not valid.', errors);
  return { start, end };
}

export async function createDelivery(deps: AppDeps, input: CreateDeliveryInput): Promise<Reply> {
  const now = deps.clock.now();
  const window = parseWindow(input, now);
  const key = await deps.secret.hmacKey();

  let target: { channel: DeliveryChannel; destination: Destination; factorId?: string };
  if (input.destination !== undefined && input.channel !== undefined) {
    // The recipient need not have enrolled anything: the sender names the destination.
    target = {
      channel: input.channel,
      destination: await normaliseDestination(input.channel, input.destination, phoneRules(deps.messaging)),
    };
  } else {
    const snapshot = await deps.state.loadUser(input.userId, now);
    const factor = pickFactor(snapshot.factors, input);
    if (!factor) throw new NoActiveFactorError('The user has no active factor for this delivery.');
    target = {
      channel: factor.type as DeliveryChannel,
      destination: { value: factor.destination, masked: factor.destinationMasked ?? '' },
      factorId: factor.factorId,
    };
  }

  const record: DeliveryRecord = {
    deliveryId: input.deliveryId,
    userId: input.userId,
    ...(target.factorId !== undefined ? { factorId: target.factorId } : {}),
    channel: target.channel,
    destination: target.destination.value,
    destinationMasked: target.destination.masked,
    seed: newSeed(),
    codeLength: deps.policy.codeLength,
    windowStart: window.start,
    windowEnd: window.end,
    status: 'pending',
    failures: 0,
    lastSentAt: now,
    createdAt: now,
  };
  const destinationHash = keyedHash(key, 'destination', capForm(target.channel, target.destination.value));
  const result = await deps.deliveries.createDelivery({
    record,
    counters: sendCounters(deps.policy, destinationHash, now),
    events: [
      newEvent(deps, input.userId, 'challenge_sent', now, {
        channel: target.channel,
        factorId: target.factorId,
        purpose: 'delivery',
      }),
    ],
  });
  if (!result.ok) {
    if (result.reason === 'exists') {
      throw new DeliveryExistsError();
    }
    throw sendRefusalError(result.reason, now, now);
  }
  await send(deps, record, key, now);
  return { statusCode: 201, body: deliveryView(record, now) };
}

export async function resendDelivery(deps: AppDeps, deliveryId: string): Promise<Reply> {
  const now = deps.clock.now();
  const delivery = await deps.deliveries.getDelivery(deliveryId, now);
  if (!delivery) throw new DeliveryNotFoundError();
  if (delivery.status === 'delivered') throw new AlreadyConfirmedError();
  // Locked for good: resending its code would only help whoever guessed wrong.
  if (delivery.failures >= deps.policy.maxAttempts) throw lockedDelivery();
  if (windowPosition(delivery, now) === 'after') throw outsideWindow(delivery);
  const cooldownEnd = delivery.lastSentAt + deps.policy.resendCooldownSeconds * 1000;
  if (cooldownEnd > now) throw sendRefusalError('cooldown', now, cooldownEnd);
  const key = await deps.secret.hmacKey();
  const result = await deps.deliveries.recordResend({
    deliveryId,
    userId: delivery.userId,
    now,
    cooldownCutoff: now - deps.policy.resendCooldownSeconds * 1000,
    maxAttempts: deps.policy.maxAttempts,
    counters: sendCounters(
      deps.policy,
      keyedHash(key, 'destination', capForm(delivery.channel, delivery.destination)),
      now,
    ),
  });
  if (!result.ok) {
    if (result.reason === 'not_pending') throw new AlreadyConfirmedError();
    if (result.reason === 'locked') throw lockedDelivery();
    throw sendRefusalError(result.reason, now, now + deps.policy.resendCooldownSeconds * 1000);
  }
  await send(deps, delivery, key, now);
  return {
    statusCode: 202,
    body: {
      ...deliveryView(delivery, now),
      resendAvailableAt: iso(now + deps.policy.resendCooldownSeconds * 1000),
    },
  };
}

export async function confirmDelivery(deps: AppDeps, deliveryId: string, code: string): Promise<Reply> {
  const now = deps.clock.now();
  const max = deps.policy.maxAttempts;
  const delivery = await deps.deliveries.getDelivery(deliveryId, now);
  if (!delivery) throw new DeliveryNotFoundError();
  if (delivery.status === 'delivered') throw new AlreadyConfirmedError();
  if (delivery.failures >= max) throw lockedDelivery();
  if (windowPosition(delivery, now) !== 'inside') throw outsideWindow(delivery);
  const key = await deps.secret.hmacKey();
  if (codeMatches(key, delivery.seed, delivery.codeLength, normaliseEnteredCode(code))) {
    if (await deps.deliveries.confirm(deliveryId, now, max)) {
      return { statusCode: 200, body: { deliveryId, status: 'delivered', confirmedAt: iso(now) } };
    }
    throw await changedUnderUs(deps, deliveryId, now);
  }
  const failures = await deps.deliveries.countFailure(deliveryId, max);
  if (failures === undefined) throw await changedUnderUs(deps, deliveryId, now);
  if (failures >= max) throw lockedDelivery();
  throw new CodeIncorrectError(max - failures);
}

/** A delivery past its limit of wrong codes stays locked: the sender makes a new one. */
const lockedDelivery = () => new DeliveryLockedError();

/** A write refused because a concurrent request confirmed or locked the delivery: say which. */
async function changedUnderUs(deps: AppDeps, deliveryId: string, now: number): Promise<DomainError> {
  const current = await deps.deliveries.getDelivery(deliveryId, now);
  return current?.status === 'delivered' ? new AlreadyConfirmedError() : lockedDelivery();
}

export async function getDelivery(deps: AppDeps, deliveryId: string): Promise<Reply> {
  const now = deps.clock.now();
  const delivery = await deps.deliveries.getDelivery(deliveryId, now);
  if (!delivery) throw new DeliveryNotFoundError();
  return {
    statusCode: 200,
    body: {
      ...deliveryView(delivery, now),
      attemptsRemaining: Math.max(0, deps.policy.maxAttempts - delivery.failures),
    },
  };
}

function outsideWindow(d: DeliveryRecord): OutsideWindowError {
  return new OutsideWindowError(iso(d.windowStart), iso(d.windowEnd));
}

async function send(deps: AppDeps, d: DeliveryRecord, key: Buffer, now: number): Promise<void> {
  // A delivery names no language: the phone's country chooses, else the default.
  const { locale } = await chooseLocale({
    destination: d.destination,
    defaultLocale: deps.messaging.defaultLocale ?? 'en',
  });
  const message = renderCodeMessage(
    {
      channel: d.channel,
      to: d.destination,
      code: deriveCode(key, d.seed, d.codeLength),
      purpose: 'delivery',
      ttlSeconds: Math.max(60, Math.round((d.windowEnd - now) / 1000)),
      locale,
    },
    deps.messaging,
  );
  try {
    await deps.senders[d.channel].send(message);
    deps.outcomes.record({ kind: 'code_sent', channel: d.channel });
  } catch (cause) {
    deps.outcomes.record({ kind: 'delivery_failed', channel: d.channel });
    const snapshot = await deps.state.loadUser(d.userId, now);
    const failure = new DeliveryFailedError(d.channel, alternativesTo(snapshot, d.factorId ?? ''));
    failure.cause = cause;
    throw failure;
  }
}
