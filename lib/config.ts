/**
 * Stage configuration, read once from CDK context (`cdk.json` or `-c key=value`).
 *
 * Every setting has a documented default here and a row in the README (Stage settings); the
 * constructs take the resulting typed object and never read context themselves.
 * A malformed value fails synth with the key's name rather than deploying a
 * surprise. Values given with `-c` arrive as strings, values in `cdk.json` may be
 * numbers or booleans: both are accepted.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { KEY_SCOPES, type KeyScope } from '../lambdas/contract/routes';
import { ConfigError as EnvConfigError } from '../lambdas/contract/env';
import { readMessagingConfig } from '../lambdas/contract/messaging-env';
import { POLICY_VARIABLES, readPolicy, type PolicyVariable } from '../lambdas/contract/policy-env';

/** The policy variables of docs/api.md, "Policy" (plus retention knobs), passed to the functions only when set. */
export { POLICY_VARIABLES, type PolicyVariable };

const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

/** Log retentions CloudWatch accepts, in days. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export interface OnetimeConfig {
  /** Stage name: part of the stack name and the API Gateway stage. @default "sandbox" (`stage`) */
  readonly stage: string;
  /** Whether this is the production stage (stage named "prod"); drives safe defaults. */
  readonly isProd: boolean;
  /** What happens to data-bearing resources when the stack is deleted. @default RETAIN for prod, else DESTROY (`removalPolicy`: "retain" | "destroy") */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection. @default true for prod, else false (`deletionProtection`) */
  readonly deletionProtection: boolean;
  /** Retention of function, access and delivery-status logs, in days. @default 365 for prod, else 30 (`logRetentionDays`) */
  readonly logRetentionDays: number;
  /** POWERTOOLS_LOG_LEVEL of every function. @default "INFO" (`logLevel`) */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

  /** The name users see in messages. @default "onetime" (`serviceName` → ONETIME_SERVICE_NAME) */
  readonly serviceName: string;
  /** Language of messages when neither the request nor the phone's country picks one. @default "en" (`defaultLocale` → ONETIME_DEFAULT_LOCALE) */
  readonly defaultLocale: string;
  /** SES "From" address. @default "no-reply@example.com" (`emailFrom` → ONETIME_EMAIL_FROM) */
  readonly emailFrom: string;
  /** The address part of emailFrom (what SES and the `ses:FromAddress` condition see). */
  readonly emailFromAddress: string;
  /** The verified SES identity (domain or address) the functions may send as. @default the domain of emailFrom (`sesIdentity`) */
  readonly sesIdentity: string;
  /** Name of the SES configuration set this stack creates. @default "onetime-<stage>" (`sesConfigurationSetName`) */
  readonly sesConfigurationSetName: string;
  /** SNS SMS sender ID. @default unset (`smsSenderId` → ONETIME_SMS_SENDER_ID) */
  readonly smsSenderId?: string;
  /** SNS SMS origination number, E.164. @default unset (`smsOriginationNumber` → ONETIME_SMS_ORIGINATION_NUMBER) */
  readonly smsOriginationNumber?: string;
  /** End User Messaging voice origination identity. @default unset (`voiceOriginationIdentity` → ONETIME_VOICE_ORIGINATION_IDENTITY) */
  readonly voiceOriginationIdentity?: string;
  /** ISO 3166 alpha-2 countries SMS and voice may be sent to; empty = any. @default [] (`smsAllowedCountries`, comma list → ONETIME_SMS_ALLOWED_COUNTRIES) */
  readonly smsAllowedCountries: readonly string[];
  /** Kinds of phone number docs/api.md, Policy refuses that the operator allows anyway, e.g. toll_free. @default [] (`ONETIME_ALLOWED_NUMBER_TYPES`, comma list, passed under the same name) */
  readonly allowedNumberTypes: readonly string[];
  /**
   * The account's SMS monthly spend limit in USD. When set, the stack writes it to the SNS account
   * attributes; the spend alarm fires at 80 % of it (of 1 USD, AWS's default for new accounts, when unset:
   * the stack never lowers a limit it was not told about). @default unset (`smsMonthlySpendLimitUsd`)
   */
  readonly smsMonthlySpendLimitUsd?: number;
  /** Set the region's SNS SMS account attributes (transactional type, delivery-status logging, spend limit) from this stack. @default true (`manageSmsAccountSettings`) */
  readonly manageSmsAccountSettings: boolean;
  /** WebOTP origin-bound domain. @default unset (`webOtpDomain` → ONETIME_WEBOTP_DOMAIN) */
  readonly webOtpDomain?: string;
  /** Public base URL for the report link in emails. @default unset (`publicUrl` → ONETIME_PUBLIC_URL) */
  readonly publicUrl?: string;

  /** E-mail address subscribed to the alarm topic. @default unset: alarms go to the topic only (`alarmEmail`) */
  readonly alarmEmail?: string;
  /** Lockouts in 15 minutes that count as unusual. @default 20 (`lockoutAlarmThreshold`) */
  readonly lockoutAlarmThreshold: number;

  /** Stage-wide steady request rate, per second. @default 50 (`apiRateLimit`) */
  readonly apiRateLimit: number;
  /** Stage-wide burst. @default 100 (`apiBurstLimit`) */
  readonly apiBurstLimit: number;
  /** Usage plan (per API key) rate, per second. @default 25 (`usagePlanRateLimit`) */
  readonly usagePlanRateLimit: number;
  /** Usage plan (per API key) burst. @default 50 (`usagePlanBurstLimit`) */
  readonly usagePlanBurstLimit: number;
  /** Usage plan (per API key) requests per day. @default 100000 (`usagePlanQuotaPerDay`) */
  readonly usagePlanQuotaPerDay: number;
  /** WAF rate-based rule: requests per client IP in any 5 minutes. @default 1000 (`wafRateLimitPerIp`) */
  readonly wafRateLimitPerIp: number;

  /**
   * Bundle the AWS SDK into each function rather than use the runtime's copy. `npm run bench` measures both:
   * the bundled SDK starts about twice as fast (one minified file against hundreds of CommonJS files).
   * @default true (`bundleAwsSdk`)
   */
  readonly bundleAwsSdk: boolean;
  /**
   * API keys limited to some scopes, beside the stack's main key (which has every scope), e.g. a courier
   * app's key that can only confirm and read deliveries. @default [] (`apiKeys`: comma list of
   * `name:scope+scope`; scopes verify, deliveries, courier, support)
   */
  readonly scopedApiKeys: ReadonlyArray<{ readonly name: string; readonly scopes: readonly KeyScope[] }>;

  /** Policy variables (docs/api.md, "Policy") that were set in context, by environment variable name. @default {} */
  readonly policy: Readonly<Partial<Record<PolicyVariable, string>>>;
}

/** Where configuration comes from: a construct node's `tryGetContext`, or a plain object in tests. */
export type ContextReader = (key: string) => unknown;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Runs one of the functions' environment readers, naming the context key when it refuses. */
function checked<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof EnvConfigError) throw new ConfigError(`context "${key}": ${error.message}`);
    throw error;
  }
}

function str(read: ContextReader, key: string): string | undefined {
  const v = read(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' && typeof v !== 'number')
    throw new ConfigError(`context "${key}" must be a string`);
  return String(v);
}

function int(read: ContextReader, key: string, fallback: number, min = 0): number {
  const raw = str(read, key);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`context "${key}" must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min) throw new ConfigError(`context "${key}" must be at least ${min}, got ${value}`);
  return value;
}

function num(read: ContextReader, key: string): number | undefined {
  const raw = str(read, key);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`context "${key}" must be a positive number`);
  return value;
}

function bool(read: ContextReader, key: string, fallback: boolean): boolean {
  const v = read(key);
  if (v === undefined || v === null || v === '') return fallback;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new ConfigError(`context "${key}" must be true or false, got "${String(v)}"`);
}

function list(read: ContextReader, key: string): string[] {
  const v = read(key);
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v.map(String) : String(v).split(',');
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

function oneOf<T extends string>(read: ContextReader, key: string, allowed: readonly T[], fallback: T): T {
  const raw = str(read, key);
  if (raw === undefined) return fallback;
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (found === undefined) throw new ConfigError(`context "${key}" must be one of ${allowed.join(', ')}`);
  return found;
}

function matching(read: ContextReader, key: string, pattern: RegExp, what: string): string | undefined {
  const raw = str(read, key);
  if (raw !== undefined && !pattern.test(raw))
    throw new ConfigError(`context "${key}" must be ${what}, got "${raw}"`);
  return raw;
}

/** Only the keys that are set: optional members stay absent rather than `undefined`. */
function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

export function readConfig(read: ContextReader): OnetimeConfig {
  // Stage names become part of resource names and the API Gateway stage.
  const stage =
    matching(read, 'stage', /^[a-z][a-z0-9-]{0,19}$/, 'lower-case letters, digits and -') ?? 'sandbox';
  const isProd = stage === 'prod';
  const removal = oneOf(read, 'removalPolicy', ['retain', 'destroy'] as const, isProd ? 'retain' : 'destroy');

  const logRetentionDays = int(read, 'logRetentionDays', isProd ? 365 : 30, 1);
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new ConfigError(`context "logRetentionDays" must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }

  const emailFrom = str(read, 'emailFrom') ?? 'no-reply@example.com';
  // "Acme <no-reply@acme.example>" or a bare address: SES and IAM see only the address.
  const emailFromAddress = /<([^<>\s]+)>\s*$/.exec(emailFrom)?.[1] ?? emailFrom;
  if (!EMAIL.test(emailFromAddress)) throw new ConfigError(`context "emailFrom" must be an e-mail address`);
  const fromDomain = emailFromAddress.slice(emailFromAddress.indexOf('@') + 1).toLowerCase();
  const sesIdentity = str(read, 'sesIdentity') ?? fromDomain;
  const identity = sesIdentity.toLowerCase();
  const covered =
    emailFromAddress.toLowerCase() === identity ||
    fromDomain === identity ||
    fromDomain.endsWith(`.${identity}`);
  if (!covered) {
    // SES checks the From address against the identity: a mismatch would fail every send.
    throw new ConfigError(
      `context "emailFrom" (${emailFrom}) is not covered by "sesIdentity" (${sesIdentity})`,
    );
  }

  // `*` is the explicit "any country" (empty list); a deployed stack must say one or the other (lib/app.ts).
  const smsAllowedCountries = list(read, 'smsAllowedCountries')
    .filter((c) => c !== '*')
    .map((c) => c.toUpperCase());
  for (const c of smsAllowedCountries) {
    if (!/^[A-Z]{2}$/.test(c))
      throw new ConfigError(`context "smsAllowedCountries" has "${c}": use ISO alpha-2 codes`);
  }

  // Checked here too, so a misspelt name fails synth rather than every function's cold start.
  const scopedApiKeys = list(read, 'apiKeys').map((entry) => {
    const [name, scopes, ...rest] = entry.split(':');
    const parsed = (scopes ?? '').split('+');
    if (!name || !/^[A-Za-z0-9_-]{1,64}$/.test(name) || !scopes || rest.length > 0)
      throw new ConfigError(`context "apiKeys" has "${entry}": use name:scope+scope`);
    for (const scope of parsed) {
      if (!(KEY_SCOPES as readonly string[]).includes(scope))
        throw new ConfigError(`context "apiKeys" has scope "${scope}": use ${KEY_SCOPES.join(', ')}`);
    }
    return { name, scopes: parsed as KeyScope[] };
  });
  if (
    new Set(scopedApiKeys.map((k) => k.name)).size !== scopedApiKeys.length ||
    scopedApiKeys.some((k) => k.name === 'default')
  )
    throw new ConfigError('context "apiKeys" names must be unique and not "default"');

  // The functions' own readers judge these values, so what fails here would fail at cold start.
  const allowedNumberTypes = [
    ...checked(
      'ONETIME_ALLOWED_NUMBER_TYPES',
      () =>
        readMessagingConfig({
          ONETIME_ALLOWED_NUMBER_TYPES: list(read, 'ONETIME_ALLOWED_NUMBER_TYPES').join(','),
        }).allowedNumberTypes ?? [],
    ),
  ];
  const serviceName = str(read, 'serviceName') ?? 'onetime';
  checked('serviceName', () => readMessagingConfig({ ONETIME_SERVICE_NAME: serviceName }));
  const defaultLocale = str(read, 'defaultLocale') ?? 'en';
  checked('defaultLocale', () => readMessagingConfig({ ONETIME_DEFAULT_LOCALE: defaultLocale }));

  const policy: Partial<Record<PolicyVariable, string>> = {};
  for (const name of POLICY_VARIABLES) {
    const value = str(read, name);
    if (value !== undefined) policy[name] = value;
  }
  checked('policy', () => readPolicy(policy));

  return {
    stage,
    isProd,
    removalPolicy: removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: bool(read, 'deletionProtection', isProd),
    logRetentionDays,
    logLevel: oneOf(read, 'logLevel', ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const, 'INFO'),
    serviceName,
    defaultLocale,
    emailFrom,
    emailFromAddress,
    sesIdentity,
    sesConfigurationSetName:
      matching(read, 'sesConfigurationSetName', /^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -') ??
      `onetime-${stage}`,
    smsAllowedCountries,
    allowedNumberTypes,
    scopedApiKeys,
    manageSmsAccountSettings: bool(read, 'manageSmsAccountSettings', true),
    lockoutAlarmThreshold: int(read, 'lockoutAlarmThreshold', 20, 1),
    apiRateLimit: int(read, 'apiRateLimit', 50, 1),
    apiBurstLimit: int(read, 'apiBurstLimit', 100, 1),
    usagePlanRateLimit: int(read, 'usagePlanRateLimit', 25, 1),
    usagePlanBurstLimit: int(read, 'usagePlanBurstLimit', 50, 1),
    usagePlanQuotaPerDay: int(read, 'usagePlanQuotaPerDay', 100_000, 1),
    // WAF's minimum for a rate-based rule is 10 requests per evaluation window.
    wafRateLimitPerIp: int(read, 'wafRateLimitPerIp', 1000, 10),
    bundleAwsSdk: bool(read, 'bundleAwsSdk', true),
    policy,
    ...defined({
      smsSenderId: matching(read, 'smsSenderId', /^[A-Za-z0-9-]{1,11}$/, '1 to 11 letters, digits or -'),
      smsOriginationNumber: matching(read, 'smsOriginationNumber', /^\+[1-9]\d{1,14}$/, 'an E.164 number'),
      voiceOriginationIdentity: str(read, 'voiceOriginationIdentity'),
      smsMonthlySpendLimitUsd: num(read, 'smsMonthlySpendLimitUsd'),
      webOtpDomain: matching(read, 'webOtpDomain', /^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain name'),
      publicUrl: matching(read, 'publicUrl', /^https:\/\/\S+$/, 'an https:// URL'),
      alarmEmail: matching(read, 'alarmEmail', EMAIL, 'an e-mail address'),
    }),
  };
}
