/**
 * The policy's environment variables, each with the field it sets and its minimum:
 * written once, read by the functions at cold start and by the CDK stack at synth,
 * so a bad value fails `cdk synth` with the variable's name instead of a cold start.
 */
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { parseLadder, splitLadderSetting, type LadderStep } from '../domain/fallback';
import { ConfigError, readInt, readString, type Env } from './env';

type NumericField = { [K in keyof Policy]: Policy[K] extends number ? K : never }[keyof Policy];

export interface PolicyVariableSpec {
  readonly name: string;
  readonly field: NumericField;
  readonly min: number;
}

export const POLICY_VARIABLE_SPECS = [
  { name: 'ONETIME_CODE_LENGTH', field: 'codeLength', min: 4 },
  { name: 'ONETIME_CODE_TTL_SECONDS', field: 'codeTtlSeconds', min: 1 },
  { name: 'ONETIME_REUSE_MIN_REMAINING_SECONDS', field: 'reuseMinRemainingSeconds', min: 0 },
  { name: 'ONETIME_RESEND_COOLDOWN_SECONDS', field: 'resendCooldownSeconds', min: 0 },
  { name: 'ONETIME_MAX_SENDS_PER_HOUR', field: 'maxSendsPerHour', min: 1 },
  { name: 'ONETIME_MAX_SENDS_PER_DAY', field: 'maxSendsPerDay', min: 1 },
  { name: 'ONETIME_MAX_ATTEMPTS', field: 'maxAttempts', min: 1 },
  { name: 'ONETIME_FIRST_LOCKOUT_SECONDS', field: 'firstLockoutSeconds', min: 1 },
  { name: 'ONETIME_LOCKOUT_SECONDS', field: 'lockoutSeconds', min: 1 },
  { name: 'ONETIME_HARD_LOCK_AFTER', field: 'hardLockAfter', min: 1 },
  { name: 'ONETIME_DEVICE_TTL_DAYS', field: 'deviceTtlDays', min: 1 },
  { name: 'ONETIME_MAX_FACTORS', field: 'maxFactors', min: 1 },
  { name: 'ONETIME_TOTP_WINDOW', field: 'totpWindow', min: 0 },
  { name: 'ONETIME_EVENT_RETENTION_DAYS', field: 'eventRetentionDays', min: 1 },
  { name: 'ONETIME_CHALLENGE_RETENTION_SECONDS', field: 'challengeRetentionSeconds', min: 86_400 },
  { name: 'ONETIME_MAX_SENDS_PER_PREFIX_PER_HOUR', field: 'maxSendsPerPrefixPerHour', min: 1 },
  { name: 'ONETIME_MAX_SENDS_PER_COUNTRY_PER_HOUR', field: 'maxSendsPerCountryPerHour', min: 1 },
  { name: 'ONETIME_MAX_SENDS_PER_IP_PER_HOUR', field: 'maxSendsPerIpPerHour', min: 1 },
  { name: 'ONETIME_MAX_SENDS_PER_KEY_PER_HOUR', field: 'maxSendsPerKeyPerHour', min: 1 },
  { name: 'ONETIME_MAX_SMS_PER_HOUR', field: 'maxSmsPerHour', min: 1 },
  { name: 'ONETIME_MAX_VOICE_PER_HOUR', field: 'maxVoicePerHour', min: 1 },
] as const satisfies readonly PolicyVariableSpec[];

/** The one policy variable that is not a number: the ladder `fallback: true` climbs. */
export const FALLBACK_VARIABLE = 'ONETIME_FALLBACK';

export type PolicyVariable = (typeof POLICY_VARIABLE_SPECS)[number]['name'] | typeof FALLBACK_VARIABLE;

/** The names of docs/api.md's policy table, in its order. */
export const POLICY_VARIABLES: readonly PolicyVariable[] = [
  ...POLICY_VARIABLE_SPECS.map((v) => v.name),
  FALLBACK_VARIABLE,
];

/** The policy from the environment; a malformed or too small value throws ConfigError naming it. */
export function readPolicy(env: Env): Policy {
  const policy: { -readonly [K in keyof Policy]: Policy[K] } = { ...DEFAULT_POLICY };
  for (const { name, field, min } of POLICY_VARIABLE_SPECS) {
    policy[field] = readInt(env, name, DEFAULT_POLICY[field], min);
  }
  policy.fallback = readFallback(env, policy.codeTtlSeconds, DEFAULT_POLICY.fallback);
  return policy;
}

/**
 * ONETIME_FALLBACK, read with the rules of a ladder in a request (docs/api.md,
 * "Fallback ladders"), its delays within the code's life; a bad one throws ConfigError.
 */
export function readFallback(
  env: Env,
  codeTtlSeconds: number,
  fallback: readonly LadderStep[],
): readonly LadderStep[] {
  const raw = readString(env, FALLBACK_VARIABLE, '');
  if (raw === '') return fallback;
  const parsed = parseLadder(splitLadderSetting(raw), codeTtlSeconds);
  if (!parsed.ok) {
    const why = parsed.errors.map((e) => `${e.path.replace('/fallback', 'step ')}: ${e.message}`).join('; ');
    throw new ConfigError(
      `${FALLBACK_VARIABLE} must read like sms,voice@60,email@180, got "${raw}" (${why})`,
    );
  }
  return parsed.steps;
}
