/**
 * Messaging settings: sender identities and the wording knobs of docs/api.md, "Messages".
 */
import type { NumberTypeName } from './number-types';
import type { Language } from './catalogue';

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
