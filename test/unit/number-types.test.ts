/**
 * Which numbers may receive what (docs/api.md, Policy), tried with real numbers of every kind:
 * mobile examples from libphonenumber's getExampleNumber, and for the other kinds
 * numbers that its `max` metadata types as such (each fixture first checks that
 * the library still types it so, so a metadata update cannot hollow a test out).
 */
import { answered } from './answered';
import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { readMessagingConfig } from '../../lambdas/contract/messaging-env';
import { normalisePhone, phoneRules } from '../../lambdas/domain/destination';
import { NUMBER_TYPE_NAMES, numberKind, numberKindRefusal } from '../../lambdas/domain/number-types';

const example = (country: 'GB' | 'DE' | 'FR' | 'US') => {
  const number = getExampleNumber(country, examples);
  if (!number) throw new Error(`no example number for ${country}`);
  return number.number;
};

interface Fixture {
  readonly number: string;
  /** What libphonenumber-js's getType() says of it. */
  readonly type: string | undefined;
  /** The kind onetime judges it to be. */
  readonly kind: string;
  readonly sms: RegExp | 'accepted';
  readonly voice: RegExp | 'accepted';
}

const FIXTURES: readonly Fixture[] = [
  { number: example('GB'), type: 'MOBILE', kind: 'mobile', sms: 'accepted', voice: 'accepted' },
  { number: example('DE'), type: 'MOBILE', kind: 'mobile', sms: 'accepted', voice: 'accepted' },
  {
    number: example('US'),
    type: 'FIXED_LINE_OR_MOBILE',
    kind: 'fixed_line_or_mobile',
    sms: 'accepted',
    voice: 'accepted',
  },
  {
    number: '+441212345678',
    type: 'FIXED_LINE',
    kind: 'fixed_line',
    sms: /landline.*use voice/,
    voice: 'accepted',
  },
  {
    number: '+33123456789',
    type: 'FIXED_LINE',
    kind: 'fixed_line',
    sms: /landline.*use voice/,
    voice: 'accepted',
  },
  {
    number: '+18002345678',
    type: 'TOLL_FREE',
    kind: 'toll_free',
    sms: /toll-free.*use voice/,
    voice: 'accepted',
  },
  { number: '+448001234567', type: 'TOLL_FREE', kind: 'toll_free', sms: /toll-free/, voice: 'accepted' },
  { number: '+80012345678', type: 'TOLL_FREE', kind: 'toll_free', sms: /toll-free/, voice: 'accepted' },
  {
    number: '+19002345678',
    type: 'PREMIUM_RATE',
    kind: 'premium_rate',
    sms: /premium-rate/,
    voice: /premium-rate/,
  },
  {
    number: '+449012345678',
    type: 'PREMIUM_RATE',
    kind: 'premium_rate',
    sms: /premium-rate/,
    voice: /premium-rate/,
  },
  {
    number: '+979123456789',
    type: 'PREMIUM_RATE',
    kind: 'premium_rate',
    sms: /premium-rate/,
    voice: /premium-rate/,
  },
  {
    number: '+39848123456',
    type: 'SHARED_COST',
    kind: 'shared_cost',
    sms: /shared-cost/,
    voice: /shared-cost/,
  },
  {
    number: '+80812345678',
    type: 'SHARED_COST',
    kind: 'shared_cost',
    sms: /shared-cost/,
    voice: /shared-cost/,
  },
  { number: '+445612345678', type: 'VOIP', kind: 'voip', sms: /VoIP.*SMS/, voice: /VoIP.*calls/ },
  { number: '+61147101234', type: 'VOIP', kind: 'voip', sms: /VoIP/, voice: /VoIP/ },
  {
    number: '+447012345678',
    type: 'PERSONAL_NUMBER',
    kind: 'personal_number',
    sms: /forwarding/,
    voice: /forwarding/,
  },
  {
    number: '+15002345678',
    type: 'PERSONAL_NUMBER',
    kind: 'personal_number',
    sms: /forwarding/,
    voice: /forwarding/,
  },
  { number: '+447640123456', type: 'PAGER', kind: 'pager', sms: /pager/, voice: /pager/ },
  { number: '+445512345678', type: 'UAN', kind: 'uan', sms: /universal access/, voice: /universal access/ },
  { number: '+3933501234567', type: 'VOICEMAIL', kind: 'voicemail', sms: /voicemail/, voice: /voicemail/ },
  // The library calls these MOBILE: their country codes decide.
  { number: '+870301234567', type: 'MOBILE', kind: 'satellite', sms: /satellite.*\+870/, voice: /satellite/ },
  { number: '+881612345678', type: 'MOBILE', kind: 'satellite', sms: /satellite/, voice: /satellite/ },
  {
    number: '+8823421234',
    type: 'MOBILE',
    kind: 'international_network',
    sms: /international network.*\+882/,
    voice: /international network/,
  },
  {
    number: '+883510012345',
    type: 'VOIP',
    kind: 'international_network',
    sms: /international network/,
    voice: /international network/,
  },
];

describe('Module: number-types', () => {
  describe.each(FIXTURES)('$number ($kind)', (fixture) => {
    it(`is typed ${String(fixture.type)} by libphonenumber and judged ${fixture.kind}`, () => {
      const parsed = parsePhoneNumberFromString(fixture.number);
      expect(parsed?.isValid()).toBe(true);
      expect(parsed?.getType()).toBe(fixture.type);
      expect(numberKind(parsed?.getType(), parsed?.countryCallingCode ?? '')).toBe(fixture.kind);
    });

    it.each(['sms', 'voice'] as const)('on %s', async (channel) => {
      const expected = fixture[channel];
      const answer = normalisePhone(fixture.number, { channel });
      if (expected === 'accepted') {
        await expect(answer).resolves.toMatchObject({ value: fixture.number });
      } else {
        await expect(answer.then(() => undefined, answered)).resolves.toMatchObject({
          code: 'invalid_phone_number',
          status: 400,
        });
        await expect(answer).rejects.toThrow(expected);
      }
    });
  });

  it.each([
    ['+44 121 234 5678 ext. 123', 'voice'],
    ['+1 415 555 0100 x12', 'sms'],
    ['+14155550100;ext=5', 'voice'],
    [`${example('GB')} extension 9`, 'sms'],
  ] as const)('refuses %j with its extension on %s, rather than cutting it off', async (input, channel) => {
    // Even an operator who allows every kind of number cannot have an extension reached.
    const everything = { channel, allowedNumberTypes: NUMBER_TYPE_NAMES };
    await expect(normalisePhone(input, everything)).rejects.toMatchObject({ code: 'invalid_phone_number' });
    await expect(normalisePhone(input, everything)).rejects.toThrow(/extension/);
  });

  it('refuses a number whose type cannot be told, on both channels', () => {
    expect(numberKind(undefined, '44')).toBe('unknown');
    expect(numberKindRefusal('unknown', 'sms')).toMatch(/cannot be told/);
    expect(numberKindRefusal('unknown', 'voice')).toMatch(/cannot be told/);
    expect(numberKindRefusal('unknown', 'sms', ['unknown'])).toBeUndefined();
  });

  describe('ONETIME_ALLOWED_NUMBER_TYPES', () => {
    it.each([
      ['toll_free', '+18002345678', 'sms'],
      ['fixed_line', '+441212345678', 'sms'],
      ['voip', '+445612345678', 'voice'],
      ['satellite', '+870301234567', 'sms'],
      ['international_network', '+883510012345', 'voice'],
      ['premium_rate', '+19002345678', 'voice'],
    ] as const)('allowing %s lets %s through on %s, and nothing else', async (name, number, channel) => {
      // Prepare
      const rules = phoneRules(
        readMessagingConfig({ ONETIME_ALLOWED_NUMBER_TYPES: ` ${name.toUpperCase()} ` }),
      );
      // Act & Assess
      await expect(normalisePhone(number, { ...rules, channel })).resolves.toMatchObject({ value: number });
      for (const other of FIXTURES) {
        if (other.kind === name || other[channel] === 'accepted') continue;
        await expect(normalisePhone(other.number, { ...rules, channel })).rejects.toMatchObject({
          code: 'invalid_phone_number',
        });
      }
    });

    it('parses a comma list and refuses unknown names at start-up', () => {
      expect(
        readMessagingConfig({ ONETIME_ALLOWED_NUMBER_TYPES: 'toll_free, voip,,' }).allowedNumberTypes,
      ).toEqual(['toll_free', 'voip']);
      expect(readMessagingConfig({}).allowedNumberTypes).toEqual([]);
      expect(() => readMessagingConfig({ ONETIME_ALLOWED_NUMBER_TYPES: 'toll_free,tollfree' })).toThrow(
        /ONETIME_ALLOWED_NUMBER_TYPES has "tollfree"/,
      );
      expect(() => readMessagingConfig({ ONETIME_ALLOWED_NUMBER_TYPES: 'extension' })).toThrow(/extension/);
    });
  });
});
