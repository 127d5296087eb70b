/**
 * Key layout of the single table (see docs/data-model.md). Everything the hot paths
 * need about a user shares one partition, so one Query reads it; events and
 * per-destination counters live in partitions of their own.
 */
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
  hourSends: (bucket: number) => `SENDS#H#${bucket}`,
  daySends: (bucket: number) => `SENDS#D#${bucket}`,
  event: (eventId: string) => `EVENT#${eventId}`,
  device: (deviceId: string) => `DEVICE#${deviceId}`,
  notice: (kind: string) => `NOTICE#${kind}`,
  deliveryPointer: (deliveryId: string) => `DELIVERY#${deliveryId}`,
};

export const SK_PREFIX = {
  factor: 'FACTOR#',
  challenge: 'CHALLENGE#',
  idempotency: 'IDEM#',
  hourSends: 'SENDS#H#',
  daySends: 'SENDS#D#',
  event: 'EVENT#',
} as const;

/** Cooldown stamps are top-level attributes of the state item, one per key. */
export const cooldownAttribute = (key: string) => `cd:${key}`;
export const COOLDOWN_PREFIX = 'cd:';

/** The TTL attribute: epoch seconds at which DynamoDB may delete the item. */
export const TTL_ATTRIBUTE = 'ttl';

export const toTtl = (ms: number) => Math.ceil(ms / 1000);
