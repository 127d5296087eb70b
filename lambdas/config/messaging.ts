/**
 * Messaging settings: sender identities and the wording knobs of SPEC §3.
 */
import { isNumberTypeName, NUMBER_TYPE_NAMES, type NumberTypeName } from '../domain/number-types';
import { ConfigError, readList, readOptional, readString, type Env } from './env';

export interface MessagingConfig {
  /** The name users see in messages. @default "onetime" (ONETIME_SERVICE_NAME) */
  readonly serviceName: string;
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
  /** Countries (ISO 3166 alpha-2) phones may be in; empty = any. @default [] (ONETIME_SMS_ALLOWED_COUNTRIES, comma list) */
  readonly smsAllowedCountries?: readonly string[];
  /**
   * Kinds of phone number SPEC §3 refuses that the operator allows anyway, e.g. `toll_free,voip`
   * (names: lambdas/domain/number-types.ts). An unknown name fails at start-up.
   * @default [] (ONETIME_ALLOWED_NUMBER_TYPES, comma list)
   */
  readonly allowedNumberTypes?: readonly NumberTypeName[];
  /** Voice origination identity for End User Messaging SMS and Voice v2. @default unset (ONETIME_VOICE_ORIGINATION_IDENTITY) */
  readonly voiceOriginationIdentity?: string;
}

export function readMessagingConfig(env: Env): MessagingConfig {
  const optional = (name: string, key: string): Record<string, string> => {
    const v = readOptional(env, name);
    return v === undefined ? {} : { [key]: v };
  };
  return {
    serviceName: readString(env, 'ONETIME_SERVICE_NAME', 'onetime'),
    emailFrom: readString(env, 'ONETIME_EMAIL_FROM', 'no-reply@example.com'),
    smsAllowedCountries: readList(env, 'ONETIME_SMS_ALLOWED_COUNTRIES').map((c) => c.toUpperCase()),
    allowedNumberTypes: readNumberTypes(env),
    ...optional('ONETIME_WEBOTP_DOMAIN', 'webOtpDomain'),
    ...optional('ONETIME_PUBLIC_URL', 'publicUrl'),
    ...optional('ONETIME_SES_CONFIGURATION_SET', 'sesConfigurationSet'),
    ...optional('ONETIME_SMS_SENDER_ID', 'smsSenderId'),
    ...optional('ONETIME_SMS_ORIGINATION_NUMBER', 'smsOriginationNumber'),
    ...optional('ONETIME_VOICE_ORIGINATION_IDENTITY', 'voiceOriginationIdentity'),
  };
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
