/**
 * The fraud guard's AWS side (lib/fraud-guard.ts, lib/waf.ts): the protect
 * configuration from the allow-list as the account default, conversion and voice
 * spend alarms, the dashboard row, the public routes' WAF rate rule and per-method
 * throttles. Template only (no bundling).
 */
import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOf, synth } from './harness';

type Rule = { countryCode: string; protectStatus: string };

describe('Stack: an allow-list of GB and US', () => {
  const { template } = synth({ smsAllowedCountries: 'GB,US' });

  it('makes a protect configuration that allows GB and US and blocks every other country, on SMS and voice', () => {
    const configs = Object.values(resourcesOf(template, 'AWS::SMSVOICE::ProtectConfiguration'));
    expect(configs).toHaveLength(1);
    const set = (
      configs[0]?.Properties as {
        CountryRuleSet: Record<'SMS' | 'VOICE', Array<{ CountryCode: string; ProtectStatus: string }>>;
      }
    ).CountryRuleSet;
    for (const channel of ['SMS', 'VOICE'] as const) {
      const rules: Rule[] = set[channel].map((r) => ({
        countryCode: r.CountryCode,
        protectStatus: r.ProtectStatus,
      }));
      expect(rules.filter((r) => r.protectStatus === 'ALLOW').map((r) => r.countryCode)).toEqual([
        'GB',
        'US',
      ]);
      expect(rules.filter((r) => r.protectStatus === 'BLOCK').length).toBeGreaterThan(200);
      for (const c of ['FR', 'CU', 'KP', 'LV'])
        expect(rules).toContainEqual({ countryCode: c, protectStatus: 'BLOCK' });
    }
  });

  it('makes it the account default (so SNS sends are covered) and removes the default on delete', () => {
    const custom = Object.values(resourcesOf(template, 'Custom::AWS'));
    const create = custom
      .map((c) => JSON.stringify(c.Properties))
      .find((p) => p.includes('SetAccountDefaultProtectConfiguration'));
    expect(create).toBeDefined();
    expect(create).toContain('DeleteAccountDefaultProtectConfiguration');
    expect(create).toContain('ProtectConfigurationId');
  });
});

describe('Stack: any country (*)', () => {
  const { template } = synth({ smsAllowedCountries: '*' });

  it('makes no protect configuration: nothing to restrict', () => {
    expect(Object.keys(resourcesOf(template, 'AWS::SMSVOICE::ProtectConfiguration'))).toHaveLength(0);
  });

  it('alarms on conversion per channel, on conversion blocks and on voice calls per hour', () => {
    for (const channel of ['sms', 'voice']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 0.2,
        Metrics: Match.arrayWith([
          Match.objectLike({
            Expression: `IF(${channel}Sent >= 20, ${channel}Approved / ${channel}Sent, 1)`,
          }),
          Match.objectLike({
            Id: `${channel}Approved`,
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({
                MetricName: 'CodesApproved',
                Dimensions: Match.arrayWith([{ Name: 'channel', Value: channel }]),
              }),
            }),
          }),
        ]),
        AlarmActions: Match.anyValue(),
      });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              MetricName: 'CodesSent',
              Dimensions: Match.arrayWith([{ Name: 'channel', Value: 'voice' }]),
            }),
          }),
        }),
      ],
      Threshold: 160,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              MetricName: 'SendsBlocked',
              Dimensions: Match.arrayWith([
                { Name: 'reason', Value: 'low_conversion' },
                { Name: 'scope', Value: 'country' },
              ]),
            }),
          }),
        }),
      ]),
    });
  });

  it('puts conversion per channel and blocks by scope and reason on the dashboard', () => {
    const body = JSON.stringify(
      Object.values(resourcesOf(template, 'AWS::CloudWatch::Dashboard'))[0]?.Properties,
    );
    expect(body).toContain('Conversion per channel');
    expect(body).toContain('Sends blocked by scope and reason');
    expect(body).toContain('SendsBlocked');
  });

  it('rate-limits the public routes per IP in WAF, apart from keyed traffic', () => {
    const acl = Object.values(resourcesOf(template, 'AWS::WAFv2::WebACL'))[0]?.Properties as {
      Rules: Array<{ Name: string; Priority: number; Statement: Record<string, unknown>; Action: unknown }>;
    };
    const rule = acl.Rules.find((r) => r.Name === 'PublicRoutesRatePerIp');
    expect(rule).toBeDefined();
    expect(new Set(acl.Rules.map((r) => r.Priority)).size).toBe(acl.Rules.length);
    expect(rule?.Action).toMatchObject({ Block: { CustomResponse: { ResponseCode: 429 } } });
    const rate = rule?.Statement.RateBasedStatement as {
      Limit: number;
      AggregateKeyType: string;
      ScopeDownStatement: {
        OrStatement: { Statements: Array<{ ByteMatchStatement: { SearchString: string } }> };
      };
    };
    expect(rate).toMatchObject({ Limit: 100, AggregateKeyType: 'IP' });
    expect(
      rate.ScopeDownStatement.OrStatement.Statements.map((s) => s.ByteMatchStatement.SearchString).sort(),
    ).toEqual(['/report/', '/v1/health', '/v1/openapi.json', '/v1/reports/']);
  });

  it('throttles the public routes and the routes that send SMS and voice per method, below the stage', () => {
    const stage = Object.values(resourcesOf(template, 'AWS::ApiGateway::Stage'))[0]?.Properties as {
      MethodSettings: Array<{
        HttpMethod: string;
        ResourcePath: string;
        ThrottlingRateLimit: number;
        ThrottlingBurstLimit: number;
      }>;
    };
    const by = (method: string, path: string) =>
      stage.MethodSettings.find((m) => m.HttpMethod === method && m.ResourcePath === path);
    expect(by('*', '/*')).toBeDefined();
    expect(by('GET', '/~1v1~1health')).toMatchObject({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
    expect(by('POST', '/~1v1~1reports~1{reportToken}')).toMatchObject({ ThrottlingRateLimit: 10 });
    expect(by('GET', '/~1report~1{reportToken}')).toMatchObject({ ThrottlingRateLimit: 10 });
    expect(by('POST', '/~1v1~1users~1{userId}~1challenges')).toMatchObject({
      ThrottlingRateLimit: 20,
      ThrottlingBurstLimit: 40,
    });
    expect(by('POST', '/~1v1~1deliveries')).toMatchObject({ ThrottlingRateLimit: 20 });
    expect(by('POST', '/~1v1~1users~1{userId}~1verify')).toBeUndefined();
  });
});

describe('Stack: smsMaxPriceUsd', () => {
  it('tells the functions the most one SMS may cost, and refuses a price that is not a positive number', () => {
    const { template } = synth({ smsMaxPriceUsd: '0.05' });
    const envs = Object.values(resourcesOf(template, 'AWS::Lambda::Function'))
      .map(
        (f) =>
          (f.Properties as { Environment?: { Variables: Record<string, unknown> } }).Environment?.Variables,
      )
      .filter((v): v is Record<string, unknown> => v !== undefined && 'TABLE_NAME' in v);
    expect(envs.length).toBeGreaterThan(0);
    for (const v of envs) expect(v.ONETIME_SMS_MAX_PRICE_USD).toBe('0.05');
    expect(() => synth({ smsMaxPriceUsd: 'cheap' })).toThrow(/smsMaxPriceUsd/);
  });
});
