/**
 * Messaging settings: sender identities and the wording knobs of docs/api.md, "Messages".
 */
import { isNumberTypeName, NUMBER_TYPE_NAMES, type NumberTypeName } from '../domain/number-types';
import { ConfigError, readList, readOptional, readString, type Env } from './env';
import type { Language } from '../domain/catalogue';
import { matchLanguage } from '../domain/locale';

/**
 * The longest service name accepted: the SMS one-segment test renders every language
 * with a name this long (a longer one would only ever be cut in an SMS anyway).
 */
export const MAX_SERVICE_NAME_LENGTH = 40;

export interface MessagingConfig {
  /** The name users see in messages. @default "onetime" (ONETIME_SERVICE_NAME) */
  readonly serviceName: string;
  /**
   * The language of messages when neither the request's `locale` nor the destination's
   * country chooses one. @default "en" (ONETIME_DEFAULT_LOCALE, a BCP 47 tag matched to a catalogue language)
   */
  readonly defaultLocale?: Language;
  /** WebOTP origin-bound domain: adds `@domain #code` to SMS. @default unset (ONETIME_WEBOTP_DOMAIN) */
  readonly webOtpDomain?: string;
  /** Public base URL, used for the report link in emails. @default unset (ONETIME_PUBLIC_URL) */
  readonly publicUrl?: string;
  /** SES "From" address. @default "no-reply@example.com" (ONETIME_EMAIL_FROM) */
  readonly emailFrom: string;
  /** SES configuration set. @default unset (ONETIME_SES_CONFIGURATION_SET) */
  readonly sesConfigurationSet?: string;
  /** SNS SMS sender ID (alphanumeric, where the country allows). @default unset (ONETIME_SMS_SENDER_ID) */
  readonly smsSenderId?: string;
  /** SNS SMS origination number (E.164). @default unset (ONETIME_SMS_ORIGINATION_NUMBER) */
  readonly smsOriginationNumber?: string;
  /**
   * The most one SMS may cost, in USD (SNS `AWS.SNS.SMS.MaxPrice`): SNS does not send a message
   * that would cost more. @default unset (ONETIME_SMS_MAX_PRICE_USD)
   */
  readonly smsMaxPriceUsd?: string;
  /** Countries (ISO 3166 alpha-2) phones may be in; empty = any. @default [] (ONETIME_SMS_ALLOWED_COUNTRIES, comma list) */
  readonly smsAllowedCountries?: readonly string[];
  /**
   * Kinds of phone number docs/api.md, Policy refuses that the operator allows anyway, e.g. `toll_free,voip`
   * (names: lambdas/domain/number-types.ts). An unknown name fails at start-up.
   * @default [] (ONETIME_ALLOWED_NUMBER_TYPES, comma list)
   */
  readonly allowedNumberTypes?: readonly NumberTypeName[];
  /** Voice origination identity for End User Messaging SMS and Voice v2. @default unset (ONETIME_VOICE_ORIGINATION_IDENTITY) */
  readonly voiceOriginationIdentity?: string;
}

/** Why a service name is refused, or undefined when it is fine: shared with the CDK stage configuration. */
export function serviceNameProblem(name: string): string | undefined {
  if ([...name].length > MAX_SERVICE_NAME_LENGTH)
    return `must be at most ${MAX_SERVICE_NAME_LENGTH} characters`;
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) return 'must be one line without control characters';
  if (name.trim() === '') return 'must not be blank';
  return undefined;
}

/** The catalogue language of a default-locale setting, or a ConfigError naming the variable. */
export function readDefaultLocale(env: Env): Language {
  const raw = readString(env, 'ONETIME_DEFAULT_LOCALE', 'en');
  const language = matchLanguage(raw);
  if (language === undefined) {
    throw new ConfigError(
      `ONETIME_DEFAULT_LOCALE must be a BCP 47 tag of a supported language, got "${raw}"`,
    );
  }
  return language;
}

export function readMessagingConfig(env: Env): MessagingConfig {
  const serviceName = readString(env, 'ONETIME_SERVICE_NAME', 'onetime');
  const problem = serviceNameProblem(serviceName);
  if (problem !== undefined) throw new ConfigError(`ONETIME_SERVICE_NAME ${problem}`);
  const optional = (name: string, key: string): Record<string, string> => {
    const v = readOptional(env, name);
    return v === undefined ? {} : { [key]: v };
  };
  return {
    serviceName,
    defaultLocale: readDefaultLocale(env),
    emailFrom: readString(env, 'ONETIME_EMAIL_FROM', 'no-reply@example.com'),
    smsAllowedCountries: readList(env, 'ONETIME_SMS_ALLOWED_COUNTRIES').map((c) => c.toUpperCase()),
    allowedNumberTypes: readNumberTypes(env),
    ...optional('ONETIME_WEBOTP_DOMAIN', 'webOtpDomain'),
    ...optional('ONETIME_PUBLIC_URL', 'publicUrl'),
    ...optional('ONETIME_SES_CONFIGURATION_SET', 'sesConfigurationSet'),
    ...optional('ONETIME_SMS_SENDER_ID', 'smsSenderId'),
    ...optional('ONETIME_SMS_ORIGINATION_NUMBER', 'smsOriginationNumber'),
    ...smsMaxPrice(env),
    ...optional('ONETIME_VOICE_ORIGINATION_IDENTITY', 'voiceOriginationIdentity'),
  };
}

/** A positive decimal number of USD, kept as the string SNS takes. */
function smsMaxPrice(env: Env): { smsMaxPriceUsd?: string } {
  const raw = readOptional(env, 'ONETIME_SMS_MAX_PRICE_USD');
  if (raw === undefined) return {};
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0) {
    throw new ConfigError(`ONETIME_SMS_MAX_PRICE_USD must be a positive number of USD, got "${raw}"`);
  }
  return { smsMaxPriceUsd: raw };
}

function readNumberTypes(env: Env): NumberTypeName[] {
  const names = readList(env, 'ONETIME_ALLOWED_NUMBER_TYPES').map((n) => n.toLowerCase());
  for (const name of names) {
    // A misspelt name would silently keep refusing what the operator meant to allow.
    if (!isNumberTypeName(name)) {
      throw new ConfigError(
        `ONETIME_ALLOWED_NUMBER_TYPES has "${name}": use ${NUMBER_TYPE_NAMES.join(', ')}`,
      );
    }
  }
  return names as NumberTypeName[];
}
