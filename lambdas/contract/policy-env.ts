/**
 * The policy's environment variables, each with the field it sets and its minimum:
 * written once, read by the functions at cold start and by the CDK stack at synth,
 * so a bad value fails `cdk synth` with the variable's name instead of a cold start.
 */
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { CONVERSION_MODES, type ConversionMode } from '../domain/conversion-guard';
import { parseLadder, splitLadderSetting, type LadderStep } from '../domain/fallback';
import { ConfigError, readInt, readString, type Env } from './env';

type NumericField = { [K in keyof Policy]: Policy[K] extends number ? K : never }[keyof Policy];

export interface PolicyVariableSpec {
  readonly name: string;
  readonly field: NumericField;
  readonly min: number;
  readonly max?: number;
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
  { name: 'ONETIME_CONVERSION_MIN_PERCENT', field: 'conversionMinPercent', min: 0, max: 100 },
  { name: 'ONETIME_CONVERSION_PREFIX_SAMPLE', field: 'conversionPrefixSample', min: 1 },
  { name: 'ONETIME_CONVERSION_COUNTRY_SAMPLE', field: 'conversionCountrySample', min: 1 },
  // A block is written onto every hour it covers, so it is capped at a day (26 small writes).
  { name: 'ONETIME_CONVERSION_BLOCK_SECONDS', field: 'conversionBlockSeconds', min: 60, max: 86_400 },
] as const satisfies readonly PolicyVariableSpec[];

/** The conversion guard's mode: a policy variable that is not a number. */
export const CONVERSION_GUARD_VARIABLE = 'ONETIME_CONVERSION_GUARD';

/** A policy variable that is not a number: the ladder `fallback: true` climbs. */
export const FALLBACK_VARIABLE = 'ONETIME_FALLBACK';

export type PolicyVariable =
  | (typeof POLICY_VARIABLE_SPECS)[number]['name']
  | typeof CONVERSION_GUARD_VARIABLE
  | typeof FALLBACK_VARIABLE;

/** The names of docs/api.md's policy table, in its order. */
export const POLICY_VARIABLES: readonly PolicyVariable[] = [
  ...POLICY_VARIABLE_SPECS.map((v) => v.name),
  CONVERSION_GUARD_VARIABLE,
  FALLBACK_VARIABLE,
];

/** The policy from the environment; a malformed or too small value throws ConfigError naming it. */
export function readPolicy(env: Env): Policy {
  const policy: { -readonly [K in keyof Policy]: Policy[K] } = { ...DEFAULT_POLICY };
  for (const spec of POLICY_VARIABLE_SPECS as readonly PolicyVariableSpec[]) {
    const value = readInt(env, spec.name, DEFAULT_POLICY[spec.field], spec.min);
    if (spec.max !== undefined && value > spec.max) {
      throw new ConfigError(`${spec.name} must be at most ${spec.max}, got ${value}`);
    }
    policy[spec.field] = value;
  }
  policy.conversionGuard = readMode(env);
  policy.fallback = readFallback(env, policy.codeTtlSeconds, DEFAULT_POLICY.fallback);
  return policy;
}

function readMode(env: Env): ConversionMode {
  const raw = readString(env, CONVERSION_GUARD_VARIABLE, DEFAULT_POLICY.conversionGuard);
  const mode = CONVERSION_MODES.find((m) => m === raw);
  if (!mode)
    throw new ConfigError(`${CONVERSION_GUARD_VARIABLE} must be enforce, monitor or off, got "${raw}"`);
  return mode;
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
