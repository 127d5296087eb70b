/**
 * Key layout of the single table (see docs/data-model.md). Everything the hot paths
 * need about a user shares one partition, so one Query reads it; events and
 * per-destination counters live in partitions of their own.
 */
import { TABLE_SCHEMA } from '../../contract/table';
export const pk = {
  user: (userId: string) => `USER#${userId}`,
  events: (userId: string) => `EVENTS#${userId}`,
  devices: (userId: string) => `DEVICES#${userId}`,
  /** Pointers to a user's deliveries, so erasure finds them (a delivery is keyed by its own id). */
  deliveries: (userId: string) => `DELIVERIES#${userId}`,
  destination: (destinationHash: string) => `DEST#${destinationHash}`,
};

export const sk = {
  state: 'STATE',
  recovery: 'RECOVERY',
  factor: (factorId: string) => `FACTOR#${factorId}`,
  challenge: (challengeId: string) => `CHALLENGE#${challengeId}`,
  idempotency: (key: string) => `IDEM#${key}`,
  /** A destination's sends of one UTC day (its hours are attributes of the same item). */
  daySends: (bucket: number) => `SENDS#${bucket}`,
  event: (eventId: string) => `EVENT#${eventId}`,
  device: (deviceId: string) => `DEVICE#${deviceId}`,
  notice: (kind: string) => `NOTICE#${kind}`,
  deliveryPointer: (deliveryId: string) => `DELIVERY#${deliveryId}`,
};

export const SK_PREFIX = {
  factor: 'FACTOR#',
  challenge: 'CHALLENGE#',
  idempotency: 'IDEM#',
  event: 'EVENT#',
} as const;

/**
 * Top-level attributes of the state item, one per key, so one conditional write can
 * check and change exactly the ones a request is about (DynamoDB cannot set a path
 * inside a map that does not exist yet).
 */
export const STATE_ATTR = {
  /** Last send time per cooldown key. */
  cooldown: (key: string) => `cd:${key}`,
  /** The live challenge id of a slot. */
  live: (slot: string) => `l:${slot}`,
  /** A challenge of the last retention period, as a compact map (challengeToEntry). */
  challenge: (challengeId: string) => `c:${challengeId}`,
  /** The user's sends in one UTC hour / day bucket. */
  hourSends: (bucket: number) => `sh:${bucket}`,
  daySends: (bucket: number) => `sd:${bucket}`,
  /** When a factor last produced an accepted code. */
  factorUsed: (factorId: string) => `u:${factorId}`,
} as const;

export const STATE_PREFIX = {
  cooldown: 'cd:',
  live: 'l:',
  challenge: 'c:',
  hourSends: 'sh:',
  daySends: 'sd:',
  factorUsed: 'u:',
} as const;

/** A destination's sends in one UTC hour, an attribute of its day item. */
export const destinationHourAttribute = (bucket: number) => `h:${bucket}`;

/** The TTL attribute: epoch seconds at which DynamoDB may delete the item. */
export const TTL_ATTRIBUTE = TABLE_SCHEMA.ttlAttribute;

export const toTtl = (ms: number) => Math.ceil(ms / 1000);

/** A delivery, keyed by its own id (the caller's). */
export const deliveryKey = (deliveryId: string) => ({ pk: `DELIVERY#${deliveryId}`, sk: 'DELIVERY' });
