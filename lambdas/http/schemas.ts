/**
 * Request schemas (zod): the edge where input is validated, so the use cases can
 * trust what they get. Bodies are strict: an unknown member is a client bug worth
 * reporting, not something to ignore silently.
 */
import { z } from 'zod';
import { DELIVERY_CHANNELS, FACTOR_TYPES } from '../domain/channel';

export const userIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:@-]{1,128}$/, 'must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -');

/** Ids onetime creates (ULIDs), checked loosely: anything else simply is not found. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a valid id');

/** Report tokens are base64url payload + '.' + MAC; anything else is simply not genuine. */
export const reportTokenSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,512}$/, 'is not a valid report token');

export const contextSchema = z
  .object({
    ip: z.string().max(64).optional(),
    userAgent: z.string().max(512).optional(),
  })
  .strict();

/** `enroll` is reserved for codes that activate a new factor. */
export const purposeSchema = z
  .string()
  .regex(/^[a-z0-9_.:-]{1,64}$/, 'must be 1 to 64 characters of a-z 0-9 _ . : -')
  .refine((p) => p !== 'enroll', 'enroll is reserved for factor activation');

export const codeSchema = z.string().min(1).max(64);

export const addFactorBody = z
  .object({
    type: z.enum(FACTOR_TYPES),
    destination: z.string().min(1).max(320).optional(),
    label: z.string().min(1).max(64).optional(),
    context: contextSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.type !== 'totp' && body.destination === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['destination'],
        message: `is required for ${body.type} factors`,
      });
    }
    if (body.type === 'totp' && body.destination !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['destination'], message: 'is not used by totp factors' });
    }
  });

export const activateBody = z.object({ code: codeSchema, context: contextSchema.optional() }).strict();

export const startChallengeBody = z
  .object({
    purpose: purposeSchema.default('sign_in'),
    factorId: idSchema.optional(),
    channel: z.enum(DELIVERY_CHANNELS).optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag')
      .optional(),
    context: contextSchema.optional(),
  })
  .strict();

export const verifyBody = z
  .object({
    code: codeSchema,
    purpose: purposeSchema.default('sign_in'),
    method: z.enum(['challenge', 'totp', 'recovery_code']).optional(),
    rememberDevice: z.boolean().optional(),
    deviceName: z.string().min(1).max(64).optional(),
    context: contextSchema.optional(),
  })
  .strict();

export const deviceVerifyBody = z
  .object({ deviceToken: z.string().min(1).max(256), context: contextSchema.optional() })
  .strict();

/** Routes whose body is optional: an absent body stands for `{}`. */
export const optionalContextBody = z.object({ context: contextSchema.optional() }).strict();
