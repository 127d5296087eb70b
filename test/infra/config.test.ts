/**
 * Stage configuration from context: documented defaults, prod defaults, and a
 * named failure for every malformed value. No synthesis here: it is fast.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { ConfigError, POLICY_VARIABLES, readConfig } from '../../lib/config';

const from = (context: Record<string, unknown>) => (key: string) => context[key];

describe('Function: readConfig', () => {
  it('defaults to a disposable sandbox', () => {
    // Act
    const config = readConfig(from({}));
    // Assess
    expect(config).toMatchObject({
      stage: 'sandbox',
      isProd: false,
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      logRetentionDays: 30,
      logLevel: 'INFO',
      serviceName: 'onetime',
      defaultLocale: 'en',
      emailFrom: 'no-reply@example.com',
      emailFromAddress: 'no-reply@example.com',
      sesIdentity: 'example.com',
      sesConfigurationSetName: 'onetime-sandbox',
      smsAllowedCountries: [],
      allowedNumberTypes: [],
      manageSmsAccountSettings: true,
      lockoutAlarmThreshold: 20,
      apiRateLimit: 50,
      apiBurstLimit: 100,
      usagePlanRateLimit: 25,
      usagePlanBurstLimit: 50,
      usagePlanQuotaPerDay: 100_000,
      wafRateLimitPerIp: 1000,
      bundleAwsSdk: true,
      policy: {},
    });
    expect(config.smsMonthlySpendLimitUsd).toBeUndefined();
    expect(config.alarmEmail).toBeUndefined();
    expect('smsSenderId' in config).toBe(false);
  });

  it('keeps a stage named prod: retain, deletion protection, a year of logs', () => {
    const config = readConfig(from({ stage: 'prod' }));
    expect(config).toMatchObject({
      isProd: true,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      logRetentionDays: 365,
    });
  });

  it('lets every default be overridden, from strings (-c) or JSON values (cdk.json)', () => {
    const config = readConfig(
      from({
        stage: 'staging',
        removalPolicy: 'retain',
        deletionProtection: 'true',
        logRetentionDays: 90,
        logLevel: 'debug',
        emailFrom: 'Acme Security <codes@mail.acme.example>',
        sesIdentity: 'acme.example',
        smsSenderId: 'ACME',
        smsOriginationNumber: '+14155550100',
        voiceOriginationIdentity: 'pool-123',
        smsAllowedCountries: 'us, ca',
        ONETIME_ALLOWED_NUMBER_TYPES: 'toll_free, VOIP',
        smsMonthlySpendLimitUsd: '25.5',
        manageSmsAccountSettings: false,
        webOtpDomain: 'app.acme.example',
        publicUrl: 'https://otp.acme.example',
        alarmEmail: 'ops@acme.example',
        wafRateLimitPerIp: '500',
        bundleAwsSdk: 'false',
        serviceName: 'Ä'.repeat(40),
        defaultLocale: 'pt-BR',
        ONETIME_CODE_TTL_SECONDS: '300',
        ONETIME_MAX_ATTEMPTS: 3,
      }),
    );
    expect(config).toMatchObject({
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      logRetentionDays: 90,
      logLevel: 'DEBUG',
      emailFromAddress: 'codes@mail.acme.example',
      sesIdentity: 'acme.example',
      smsSenderId: 'ACME',
      smsOriginationNumber: '+14155550100',
      voiceOriginationIdentity: 'pool-123',
      smsAllowedCountries: ['US', 'CA'],
      allowedNumberTypes: ['toll_free', 'voip'],
      smsMonthlySpendLimitUsd: 25.5,
      manageSmsAccountSettings: false,
      webOtpDomain: 'app.acme.example',
      publicUrl: 'https://otp.acme.example',
      alarmEmail: 'ops@acme.example',
      wafRateLimitPerIp: 500,
      bundleAwsSdk: false,
      serviceName: 'Ä'.repeat(40),
      defaultLocale: 'pt-BR',
      policy: { ONETIME_CODE_TTL_SECONDS: '300', ONETIME_MAX_ATTEMPTS: '3' },
    });
  });

  it('knows every policy variable of docs/api.md', () => {
    for (const name of [
      'ONETIME_CODE_LENGTH',
      'ONETIME_CODE_TTL_SECONDS',
      'ONETIME_REUSE_MIN_REMAINING_SECONDS',
      'ONETIME_RESEND_COOLDOWN_SECONDS',
      'ONETIME_MAX_SENDS_PER_HOUR',
      'ONETIME_MAX_SENDS_PER_DAY',
      'ONETIME_MAX_ATTEMPTS',
      'ONETIME_FIRST_LOCKOUT_SECONDS',
      'ONETIME_LOCKOUT_SECONDS',
      'ONETIME_HARD_LOCK_AFTER',
      'ONETIME_DEVICE_TTL_DAYS',
      'ONETIME_MAX_FACTORS',
      'ONETIME_TOTP_WINDOW',
      'ONETIME_EVENT_RETENTION_DAYS',
    ]) {
      expect(POLICY_VARIABLES).toContain(name);
    }
  });

  it.each([
    [{ stage: 'Prod!' }, /stage/],
    [{ removalPolicy: 'snapshot' }, /removalPolicy/],
    [{ deletionProtection: 'yes' }, /deletionProtection/],
    [{ logRetentionDays: 31 }, /logRetentionDays/],
    [{ emailFrom: 'not-an-address' }, /emailFrom/],
    [{ emailFrom: 'a@mail.example.com', sesIdentity: 'other.example' }, /not covered/],
    [{ smsAllowedCountries: 'USA' }, /smsAllowedCountries/],
    [{ ONETIME_ALLOWED_NUMBER_TYPES: 'toll_free,landline' }, /ONETIME_ALLOWED_NUMBER_TYPES.*landline/],
    [{ smsOriginationNumber: '4155550100' }, /smsOriginationNumber/],
    [{ smsSenderId: 'MUCH-TOO-LONG-ID' }, /smsSenderId/],
    [{ smsMonthlySpendLimitUsd: '-1' }, /smsMonthlySpendLimitUsd/],
    [{ publicUrl: 'http://insecure.example' }, /publicUrl/],
    [{ wafRateLimitPerIp: 5 }, /wafRateLimitPerIp/],
    [{ ONETIME_CODE_LENGTH: 'six' }, /ONETIME_CODE_LENGTH/],
    // The functions' own minimums, judged at synth rather than at the first cold start.
    [{ ONETIME_CODE_LENGTH: '3' }, /ONETIME_CODE_LENGTH must be at least 4/],
    [
      { ONETIME_CHALLENGE_RETENTION_SECONDS: '60' },
      /ONETIME_CHALLENGE_RETENTION_SECONDS must be at least 86400/,
    ],
    [{ ONETIME_MAX_ATTEMPTS: '0' }, /ONETIME_MAX_ATTEMPTS must be at least 1/],
    [{ serviceName: 'A'.repeat(41) }, /serviceName/],
    [{ serviceName: 'Acme\nBank' }, /serviceName/],
    [{ defaultLocale: 'xx' }, /defaultLocale/],
    [{ defaultLocale: 'zh-TW' }, /defaultLocale/],
  ])('rejects %j naming the key', (context, message) => {
    expect(() => readConfig(from(context))).toThrow(ConfigError);
    expect(() => readConfig(from(context))).toThrow(message);
  });

  it('accepts an e-mail identity as well as a domain, and subdomains of a domain identity', () => {
    expect(readConfig(from({ emailFrom: 'a@b.example', sesIdentity: 'a@b.example' })).sesIdentity).toBe(
      'a@b.example',
    );
    expect(readConfig(from({ emailFrom: 'a@mail.b.example', sesIdentity: 'b.example' })).sesIdentity).toBe(
      'b.example',
    );
  });
});

describe('README: Stage settings', () => {
  it('has a row for every context key the stack reads', () => {
    // Prepare: every key readConfig asks for, recorded as it reads them.
    const keys = new Set<string>();
    readConfig((key) => {
      keys.add(key);
      return undefined;
    });
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('### Stage settings (CDK context)');
    const section = readme.slice(start, readme.indexOf('\n## ', start));
    const documented = new Set([...section.matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1]!));
    // Assess
    expect(keys.size).toBeGreaterThan(20);
    expect([...keys].filter((key) => !documented.has(key))).toEqual([]);
  });
});
