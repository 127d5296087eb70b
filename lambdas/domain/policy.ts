/**
 * The policy (docs/api.md, "Policy"): the domain's rules as one plain value with its
 * defaults. lambdas/contract/policy-env.ts reads the environment into it; tests pass
 * their own.
 */
import type { ConversionThresholds } from './conversion-guard';
import type { LadderStep } from './fallback';

export interface Policy extends ConversionThresholds {
  /** Digits of an out-of-band code. @default 6 (ONETIME_CODE_LENGTH) */
  readonly codeLength: number;
  /** Life of a code, in seconds. @default 600 (ONETIME_CODE_TTL_SECONDS) */
  readonly codeTtlSeconds: number;
  /** A resend repeats the current code while it has at least this much life left. @default 120 */
  readonly reuseMinRemainingSeconds: number;
  /** Per user, purpose and channel. @default 60 (ONETIME_RESEND_COOLDOWN_SECONDS) */
  readonly resendCooldownSeconds: number;
  /** Sends per user and per destination in a clock hour. @default 5 (ONETIME_MAX_SENDS_PER_HOUR) */
  readonly maxSendsPerHour: number;
  /** Sends per user and per destination in a UTC day. @default 20 (ONETIME_MAX_SENDS_PER_DAY) */
  readonly maxSendsPerDay: number;
  /** Consecutive wrong codes before the user is locked. @default 5 (ONETIME_MAX_ATTEMPTS) */
  readonly maxAttempts: number;
  /** The first lock after a success. @default 300 (ONETIME_FIRST_LOCKOUT_SECONDS) */
  readonly firstLockoutSeconds: number;
  /** Every further consecutive lock. @default 1800 (ONETIME_LOCKOUT_SECONDS) */
  readonly lockoutSeconds: number;
  /** Consecutive wrong codes, across locks, after which only a support unlock helps. @default 50 */
  readonly hardLockAfter: number;
  /** Life of a remembered device, in days. @default 30 (ONETIME_DEVICE_TTL_DAYS) */
  readonly deviceTtlDays: number;
  /** Factors per user. @default 5 (ONETIME_MAX_FACTORS) */
  readonly maxFactors: number;
  /** TOTP time steps accepted either side of now. @default 1 (ONETIME_TOTP_WINDOW) */
  readonly totpWindow: number;
  /** How long account events are kept, in days. @default 400 (ONETIME_EVENT_RETENTION_DAYS) */
  readonly eventRetentionDays: number;
  /** How long a challenge record outlives its code, so late entries get a precise answer. @default 86400 */
  readonly challengeRetentionSeconds: number;
  /** SMS and voice sends per number prefix (E.164 without its last 4 digits) in a clock hour. @default 30 */
  readonly maxSendsPerPrefixPerHour: number;
  /** SMS and voice sends per destination country in a clock hour. @default 1000 */
  readonly maxSendsPerCountryPerHour: number;
  /** SMS and voice sends per end-user IP (`context.ip`) in a clock hour. @default 10 */
  readonly maxSendsPerIpPerHour: number;
  /** SMS and voice sends per API key in a clock hour. @default 1000 (ONETIME_MAX_SENDS_PER_KEY_PER_HOUR) */
  readonly maxSendsPerKeyPerHour: number;
  /** The whole service's SMS in a clock hour: a circuit breaker on spend. @default 2000 */
  readonly maxSmsPerHour: number;
  /** The whole service's voice calls in a clock hour. @default 200 */
  readonly maxVoicePerHour: number;
  /** The ladder `fallback: true` climbs: channel@seconds after the first send. @default sms,voice@60,email@180 (ONETIME_FALLBACK) */
  readonly fallback: readonly LadderStep[];
}

export const DEFAULT_POLICY: Policy = {
  codeLength: 6,
  codeTtlSeconds: 600,
  reuseMinRemainingSeconds: 120,
  resendCooldownSeconds: 60,
  maxSendsPerHour: 5,
  maxSendsPerDay: 20,
  maxAttempts: 5,
  firstLockoutSeconds: 300,
  lockoutSeconds: 1800,
  hardLockAfter: 50,
  deviceTtlDays: 30,
  maxFactors: 5,
  totpWindow: 1,
  eventRetentionDays: 400,
  challengeRetentionSeconds: 86_400,
  maxSendsPerPrefixPerHour: 30,
  maxSendsPerCountryPerHour: 1000,
  maxSendsPerIpPerHour: 10,
  maxSendsPerKeyPerHour: 1000,
  maxSmsPerHour: 2000,
  maxVoicePerHour: 200,
  // The conversion guard's thresholds: why these, docs/decisions.md 42.
  conversionGuard: 'enforce',
  conversionMinPercent: 20,
  conversionPrefixSample: 6,
  conversionCountrySample: 40,
  conversionBlockSeconds: 21_600,
  fallback: [
    { channel: 'sms', delaySeconds: 0 },
    { channel: 'voice', delaySeconds: 60 },
    { channel: 'email', delaySeconds: 180 },
  ],
};
