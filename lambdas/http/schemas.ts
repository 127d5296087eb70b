/**
 * Request schemas (zod mini): the edge where input is validated, so the use cases
 * can trust what they get. Bodies are strict: an unknown member is a client bug
 * worth reporting, not something to ignore silently.
 */
import { DELIVERY_CHANNELS, FACTOR_TYPES } from '../domain/channel';
import { MAX_LADDER_STEPS } from '../domain/fallback';
import { isIP } from 'node:net';
import * as z from 'zod/v4-mini';
import '../contract/zod';

const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const pattern = (re: RegExp, message: string) => z.string().check(z.regex(re, message));

export const userIdSchema = pattern(
  /^[A-Za-z0-9._:@-]{1,128}$/,
  'must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -',
);

/** Ids onetime creates (ULIDs), checked loosely: anything else simply is not found. */
export const idSchema = pattern(/^[A-Za-z0-9_-]{1,64}$/, 'is not a valid id');

/** Report tokens are base64url; anything else is simply not genuine. */
export const reportTokenSchema = pattern(/^[A-Za-z0-9_.-]{1,512}$/, 'is not a valid report token');

export const contextSchema = z.strictObject({
  // The end user's IP counts toward the abuse limits: it must be one (IPv4 or IPv6).
  ip: z.optional(text(1, 64).check(z.refine((ip) => isIP(ip) !== 0, 'must be an IPv4 or IPv6 address'))),
  userAgent: z.optional(text(1, 512)),
});

/**
 * the Routes section's purpose alphabet. `enroll` and everything starting with it are
 * reserved: enrolment codes live in `enroll:<factorId>` slots, so a caller's
 * `enroll…` purpose could otherwise name (and supersede) one of them.
 */
export const purposeSchema = z.string().check(
  z.regex(/^[a-z0-9_.-]{1,64}$/, 'must be 1 to 64 characters of a-z 0-9 _ . -'),
  z.refine(
    (p) => !p.startsWith('enroll'),
    'enroll and purposes starting with it are reserved for factor activation',
  ),
);

export const codeSchema = text(1, 64);

/** A BCP 47 tag; any well-formed tag is accepted and matched to a catalogue language (docs/api.md, Messages). */
export const localeSchema = pattern(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag');

export const addFactorBody = z
  .strictObject({
    type: z.enum(FACTOR_TYPES),
    destination: z.optional(text(1, 320)),
    label: z.optional(text(1, 64)),
    locale: z.optional(localeSchema),
    context: z.optional(contextSchema),
  })
  .check((payload) => {
    const body = payload.value;
    const issue = (message: string) =>
      payload.issues.push({ code: 'custom', input: body.destination, path: ['destination'], message });
    if (body.type !== 'totp' && body.destination === undefined) issue(`is required for ${body.type} factors`);
    if (body.type === 'totp' && body.destination !== undefined) issue('is not used by totp factors');
  });

export const activateBody = z.strictObject({ code: codeSchema, context: z.optional(contextSchema) });

/**
 * A fallback ladder (docs/api.md, "Fallback ladders"): `true` for the policy's, or
 * steps like `["sms", "voice@45", "email@120"]`. Its size is bounded here; each step,
 * their order and delays (which depend on the code's life) are read by the use case
 * (lambdas/domain/fallback.ts), which answers a precise error per step.
 */
export const fallbackSchema = z.union([
  z.boolean(),
  // Bounded here (each step short, a few more than a ladder may hold); each step is read by the use case.
  z.array(text(1, 16)).check(z.maxLength(MAX_LADDER_STEPS * 2)),
]);

export const startChallengeBody = z.strictObject({
  purpose: z._default(purposeSchema, 'sign_in'),
  factorId: z.optional(idSchema),
  channel: z.optional(z.enum(DELIVERY_CHANNELS)),
  locale: z.optional(localeSchema),
  context: z.optional(contextSchema),
  fallback: z.optional(fallbackSchema),
});

export const verifyBody = z.strictObject({
  code: codeSchema,
  purpose: z._default(purposeSchema, 'sign_in'),
  method: z.optional(z.enum(['challenge', 'totp', 'recovery_code'])),
  rememberDevice: z.optional(z.boolean()),
  deviceName: z.optional(text(1, 64)),
  context: z.optional(contextSchema),
});

export const deviceVerifyBody = z.strictObject({
  deviceToken: text(1, 256),
  context: z.optional(contextSchema),
});

/** Delivery ids are the sender's own (an order or parcel number): the same alphabet as user ids. */
export const deliveryIdSchema = userIdSchema;

export const createDeliveryBody = z
  .strictObject({
    deliveryId: deliveryIdSchema,
    userId: userIdSchema,
    windowStart: text(1, 64),
    windowEnd: text(1, 64),
    factorId: z.optional(idSchema),
    channel: z.optional(z.enum(DELIVERY_CHANNELS)),
    destination: z.optional(text(1, 320)),
    context: z.optional(contextSchema),
  })
  .check((payload) => {
    const body = payload.value;
    if (body.destination !== undefined && body.channel === undefined) {
      payload.issues.push({
        code: 'custom',
        input: body,
        path: ['channel'],
        message: 'is required with destination',
      });
    }
    if (body.factorId !== undefined && (body.channel !== undefined || body.destination !== undefined)) {
      payload.issues.push({
        code: 'custom',
        input: body,
        path: ['factorId'],
        message: 'is used alone: give factorId, or channel, or channel and destination',
      });
    }
  });

export const confirmDeliveryBody = z.strictObject({ code: codeSchema, context: z.optional(contextSchema) });

/** Routes whose body is optional: an absent body stands for `{}`. */
export const optionalContextBody = z.strictObject({ context: z.optional(contextSchema) });
