/**
 * Choosing the language of a message (docs/api.md, Messages): the request's locale by best match
 * with its fallback chain, else the phone's country, else ONETIME_DEFAULT_LOCALE;
 * and the configuration that names the default.
 */
import { readMessagingConfig } from '../../lambdas/contract/messaging-env';
import { ConfigError } from '../../lambdas/contract/env';
import { LANGUAGES } from '../../lambdas/domain/catalogue';
import { chooseLocale, languageOfCountry, matchLanguage, spokenLanguage } from '../../lambdas/domain/locale';

describe('Module: locale', () => {
  describe('Function: matchLanguage', () => {
    it.each([
      ['pt-BR', 'pt-BR'],
      ['pt', 'pt-BR'],
      ['pt-PT', 'pt-BR'],
      ['zh-Hans-CN', 'zh-CN'],
      ['zh-CN', 'zh-CN'],
      ['zh', 'zh-CN'],
      ['zh-SG', 'zh-CN'],
      ['nb-NO', 'nb'],
      ['no', 'nb'],
      ['nn-NO', 'nb'],
      ['de-AT', 'de'],
      ['DE-ch', 'de'],
      ['en_GB', 'en'],
      ['iw', 'he'],
      ['in', 'id'],
      ['sr-Latn-RS', undefined],
      ['zh-TW', undefined],
      ['zh-Hant', undefined],
      ['zh-HK', undefined],
      ['xx', undefined],
      ['not a tag', undefined],
      ['', undefined],
      [undefined, undefined],
    ])('matches %p to %p', (tag, expected) => {
      expect(matchLanguage(tag)).toBe(expected);
    });

    it('matches every catalogue tag to itself', () => {
      for (const language of LANGUAGES) expect(matchLanguage(language)).toBe(language);
    });
  });

  describe('Function: languageOfCountry', () => {
    it.each([
      ['DE', 'de'],
      ['at', 'de'],
      ['BR', 'pt-BR'],
      ['PT', 'pt-BR'],
      ['MX', 'es'],
      ['BE', 'nl'],
      ['SN', 'fr'],
      ['EG', 'ar'],
      ['IL', 'he'],
      ['IN', 'hi'],
      ['BD', 'bn'],
      ['JP', 'ja'],
      ['KR', 'ko'],
      ['CN', 'zh-CN'],
      ['UA', 'uk'],
      ['TW', undefined],
      ['IR', undefined],
      [undefined, undefined],
    ])('gives %p the language %p', (country, expected) => {
      expect(languageOfCountry(country)).toBe(expected);
    });

    it('maps every country to a catalogue language', () => {
      for (const country of ['US', 'GB', 'FR', 'ES', 'IT', 'NL', 'SE', 'DK', 'NO', 'FI', 'PL', 'CZ', 'SK', 'HU',
        'RO', 'GR', 'TR', 'RU', 'SA', 'TH', 'VN', 'ID', 'MY']) {
        expect(LANGUAGES).toContain(languageOfCountry(country));
      }
    }); // prettier-ignore
  });

  describe('Function: chooseLocale', () => {
    it('takes the request locale before the country', async () => {
      await expect(
        chooseLocale({ requested: 'fr-CA', destination: '+4915112345678', defaultLocale: 'en' }),
      ).resolves.toEqual({ locale: 'fr', source: 'request' });
    });

    it('falls through an unknown request locale to the phone country', async () => {
      await expect(
        chooseLocale({ requested: 'tlh', destination: '+4915112345678', defaultLocale: 'en' }),
      ).resolves.toEqual({ locale: 'de', source: 'country' });
      await expect(
        chooseLocale({ requested: 'zh-TW', destination: '+8613912345678', defaultLocale: 'en' }),
      ).resolves.toEqual({ locale: 'zh-CN', source: 'country' });
    });

    it.each([
      ['+5511987654321', 'pt-BR'],
      ['+33612345678', 'fr'],
      ['+819012345678', 'ja'],
      ['+966501234567', 'ar'],
      ['+14155550100', 'en'],
    ])('gives %s its country language', async (destination, locale) => {
      await expect(chooseLocale({ destination, defaultLocale: 'de' })).resolves.toEqual({
        locale,
        source: 'country',
      });
    });

    it('uses the default for an email address, a country without a language and a number that does not parse', async () => {
      for (const destination of ['jo@example.com', '+886912345678', '+999123', undefined]) {
        await expect(chooseLocale({ destination, defaultLocale: 'sv' })).resolves.toEqual({
          locale: 'sv',
          source: 'default',
        });
      }
    });
  });

  describe('Function: spokenLanguage', () => {
    it('speaks a language with a voice in it and any other in English', () => {
      expect(spokenLanguage('ja')).toBe('ja');
      expect(spokenLanguage('ar')).toBe('ar');
      expect(spokenLanguage('th')).toBe('en');
      expect(spokenLanguage('he')).toBe('en');
    });
  });
});

describe('Function: readMessagingConfig', () => {
  it('defaults to English and matches ONETIME_DEFAULT_LOCALE to a catalogue language', () => {
    expect(readMessagingConfig({}).defaultLocale).toBe('en');
    expect(readMessagingConfig({ ONETIME_DEFAULT_LOCALE: 'pt-PT' }).defaultLocale).toBe('pt-BR');
    expect(readMessagingConfig({ ONETIME_DEFAULT_LOCALE: 'nb-NO' }).defaultLocale).toBe('nb');
  });

  it.each([
    [{ ONETIME_DEFAULT_LOCALE: 'xx' }, /ONETIME_DEFAULT_LOCALE/],
    [{ ONETIME_DEFAULT_LOCALE: 'zh-TW' }, /ONETIME_DEFAULT_LOCALE/],
    [{ ONETIME_SERVICE_NAME: 'A'.repeat(41) }, /ONETIME_SERVICE_NAME must be at most 40/],
    [{ ONETIME_SERVICE_NAME: 'Acme\nBank' }, /ONETIME_SERVICE_NAME/],
    [{ ONETIME_SERVICE_NAME: '   ' }, /ONETIME_SERVICE_NAME/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readMessagingConfig(env)).toThrow(ConfigError);
    expect(() => readMessagingConfig(env)).toThrow(message);
  });

  it('accepts a name of exactly 40 characters in any script', () => {
    expect(readMessagingConfig({ ONETIME_SERVICE_NAME: '銀'.repeat(40) }).serviceName).toBe('銀'.repeat(40));
  });
});
