/**
 * The answers' shapes, as zod mini schemas, for the OpenAPI document only: the use
 * cases build their answers in lambdas/app (views.ts and each use case), and the
 * integration test `openapi-answers.test.ts` checks real answers of the local server
 * against these, so the document cannot describe a shape the service does not give.
 * Answers may gain members over time; clients should ignore members they do not know.
 */
import * as z from 'zod/v4-mini';
import { DELIVERY_CHANNELS, FACTOR_TYPES } from '../../domain/channel';
import { EVENT_TYPES } from '../../domain/events';
import '../../contract/zod';

const time = z.string().check(z.iso.datetime());
const channel = z.enum(DELIVERY_CHANNELS);

export const factorView = z.looseObject({
  factorId: z.string(),
  type: z.enum(FACTOR_TYPES),
  status: z.enum(['pending', 'active']),
  destinationMasked: z.optional(z.string()),
  label: z.optional(z.string()),
  createdAt: time,
  lastUsedAt: z.optional(time),
});

/** One step of a fallback ladder (docs/api.md, "Fallback ladders"). */
export const fallbackStep = z.looseObject({
  channel,
  factorId: z.optional(z.string()),
  destinationMasked: z.optional(z.string()),
  at: time,
  status: z.enum(['scheduled', 'unscheduled', 'sent', 'delivered', 'failed', 'skipped', 'canceled']),
});

export const sentChallenge = z.looseObject({
  challengeId: z.string(),
  purpose: z.string(),
  channel,
  factorId: z.string(),
  destinationMasked: z.string(),
  expiresAt: time,
  resendAvailableAt: time,
  sendsRemaining: z.number().check(z.int()),
  reusedCode: z.boolean(),
  codeLength: z.number().check(z.int(), z.gte(4)),
  fallback: z.optional(z.array(fallbackStep)),
});

export const enrolledOutOfBand = z.looseObject({ factor: factorView, challenge: sentChallenge });
export const enrolledTotp = z.looseObject({
  factor: factorView,
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeSvg: z.string(),
});
export const factorAlreadyActive = z.looseObject({ factor: factorView });

export const activated = z.looseObject({
  factor: factorView,
  recoveryCodes: z.optional(z.array(z.string())),
});

export const factorList = z.looseObject({ factors: z.array(factorView), twoStepEnabled: z.boolean() });

export const challengeStatus = z.looseObject({
  challengeId: z.string(),
  purpose: z.string(),
  status: z.enum(['pending', 'approved', 'expired', 'superseded', 'canceled']),
  channel,
  factorId: z.string(),
  destinationMasked: z.string(),
  expiresAt: time,
  delivery: z.looseObject({
    status: z.enum(['sent', 'delivered', 'failed', 'unknown']),
    at: z.optional(time),
  }),
  codeLength: z.number().check(z.int(), z.gte(4)),
  fallback: z.optional(z.array(fallbackStep)),
});

export const reported = z.looseObject({ status: z.literal('reported'), codeCanceled: z.boolean() });

export const approved = z.looseObject({
  status: z.literal('approved'),
  method: z.enum(['challenge', 'totp', 'recovery_code']),
  factorId: z.optional(z.string()),
  deviceToken: z.optional(z.string()),
  deviceTokenExpiresAt: z.optional(time),
  recoveryCodesRemaining: z.optional(z.number().check(z.int())),
});

export const recoveryCodes = z.looseObject({ recoveryCodes: z.array(z.string()) });

export const deviceCheck = z.union([
  z.looseObject({ trusted: z.literal(true), deviceId: z.string(), expiresAt: time }),
  z.looseObject({ trusted: z.literal(false) }),
]);

export const deviceList = z.looseObject({
  devices: z.array(
    z.looseObject({
      deviceId: z.string(),
      name: z.optional(z.string()),
      createdAt: time,
      expiresAt: time,
      lastUsedAt: z.optional(time),
    }),
  ),
});

export const eventPage = z.looseObject({
  events: z.array(
    z.looseObject({
      eventId: z.string(),
      type: z.enum(EVENT_TYPES),
      at: time,
      channel: z.optional(z.enum(['sms', 'voice', 'email', 'totp', 'recovery_code'])),
      factorId: z.optional(z.string()),
      purpose: z.optional(z.string()),
      context: z.optional(z.looseObject({ ip: z.optional(z.string()), userAgent: z.optional(z.string()) })),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

export const delivery = z.looseObject({
  deliveryId: z.string(),
  userId: z.string(),
  status: z.enum(['pending', 'delivered']),
  channel,
  destinationMasked: z.string(),
  validFrom: time,
  validUntil: time,
  confirmedAt: z.optional(time),
  windowState: z.enum(['before', 'inside', 'after']),
});
export const deliveryResent = z.looseObject({ ...delivery.shape, resendAvailableAt: time });
export const deliveryRead = z.looseObject({
  ...delivery.shape,
  attemptsRemaining: z.number().check(z.int()),
});
export const deliveryConfirmed = z.looseObject({
  deliveryId: z.string(),
  status: z.literal('delivered'),
  confirmedAt: time,
});

export const health = z.looseObject({ status: z.literal('ok') });

/** POST factors answers one of two shapes, told apart by `challenge` or `secret`. */
export const enrolledOrTotp = z.union([enrolledOutOfBand, enrolledTotp]);
