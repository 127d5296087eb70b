/**
 * Messaging settings: sender identities and the wording knobs of docs/api.md, "Messages".
 */
import { readList, readOptional, readString, type Env } from './env';

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
    ...optional('ONETIME_WEBOTP_DOMAIN', 'webOtpDomain'),
    ...optional('ONETIME_PUBLIC_URL', 'publicUrl'),
    ...optional('ONETIME_SES_CONFIGURATION_SET', 'sesConfigurationSet'),
    ...optional('ONETIME_SMS_SENDER_ID', 'smsSenderId'),
    ...optional('ONETIME_SMS_ORIGINATION_NUMBER', 'smsOriginationNumber'),
    ...optional('ONETIME_VOICE_ORIGINATION_IDENTITY', 'voiceOriginationIdentity'),
  };
}
