/**
 * The messaging settings' environment variables, read at cold start by the functions
 * and at synth by the CDK stack, so a bad value fails `cdk synth` with its name.
 */
import type { Language } from '../domain/catalogue';
import { matchLanguage } from '../domain/locale';
import { serviceNameProblem, type MessagingConfig } from '../domain/messaging';
import { isNumberTypeName, NUMBER_TYPE_NAMES, type NumberTypeName } from '../domain/number-types';
import { ConfigError, readList, readOptional, readString, type Env } from './env';

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
