/**
 * Every language of the catalogue (docs/api.md, Messages): the catalogue is complete and well
 * formed, and the proof that every SMS is one segment in its encoding — every
 * language × every code purpose and notice × the longest allowed service name ×
 * the WebOTP line — with the code, the validity and the warning always kept and
 * the name shortened first. Email and voice are checked in every language too.
 */
import fc from 'fast-check';
import { MAX_SERVICE_NAME_LENGTH, type MessagingConfig } from '../../lambdas/domain/messaging';
import {
  CATALOGUES,
  LANGUAGES,
  NOTICE_KINDS,
  PURPOSE_KEYS,
  type Catalogue,
  type Language,
} from '../../lambdas/domain/catalogue';
import { SPOKEN_LANGUAGES } from '../../lambdas/domain/locale';
import { messageLocale, renderCodeMessage, renderNotice } from '../../lambdas/domain/messages';
import { formatDuration } from '../../lambdas/domain/render/text';
import { countSegments, isGsm7 } from '../../lambdas/domain/sms-segments';

const REQUIRED = [
  'en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro',
  'el', 'tr', 'ru', 'uk', 'ar', 'he', 'hi', 'bn', 'th', 'vi', 'id', 'ms', 'ja', 'ko', 'zh-CN',
]; // prettier-ignore

const PURPOSES = ['sign_in', 'sensitive_action', 'enroll', 'delivery', 'order_refund'] as const;
const TTLS = [60, 90, 300, 600, 3_600, 5_400, 86_400];
/** The longest names ONETIME_SERVICE_NAME allows, in scripts that stress each encoding. */
const LONGEST_NAMES = [
  'A'.repeat(MAX_SERVICE_NAME_LENGTH),
  'Ünïcödé Bänk & Sàvings {Ltd} [€] — Zürich'.slice(0, MAX_SERVICE_NAME_LENGTH),
  '東京みらい銀行オンラインバンキングサービス'.repeat(2).slice(0, MAX_SERVICE_NAME_LENGTH),
];
/** The WebOTP domain every language must fit in its own language with a 6-digit code. */
const WEBOTP_DOMAIN = 'app.example.com';

const base: MessagingConfig = { serviceName: 'onetime', emailFrom: 'no-reply@example.com' };

/** Every text of a catalogue with where it sits, for the shape checks. */
function texts(c: Catalogue): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of PURPOSE_KEYS) {
    for (const [field, value] of Object.entries(c.purposes[key]))
      out.push([`purposes.${key}.${field}`, value]);
  }
  for (const [field, value] of Object.entries(c.code)) out.push([`code.${field}`, value]);
  for (const kind of NOTICE_KINDS) {
    for (const [field, value] of Object.entries(c.notice.kinds[kind]))
      out.push([`notice.${kind}.${field}`, value]);
  }
  out.push(['notice.warning', c.notice.warning], ['notice.origin', c.notice.origin]);
  return out;
}

const count = (text: string, part: string): number => text.split(part).length - 1;
const lastLine = (body: string): string => body.split('\n').at(-1) as string;

describe('Module: catalogue', () => {
  it('has at least 30 languages, the required ones among them, each under its own tag', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(30);
    expect(LANGUAGES).toEqual(expect.arrayContaining(REQUIRED));
    for (const language of LANGUAGES) {
      expect(CATALOGUES[language].locale).toBe(language);
      expect(() => new Intl.Locale(language)).not.toThrow();
    }
  });

  it('writes Arabic and Hebrew right to left and nothing else', () => {
    for (const language of LANGUAGES) {
      expect(CATALOGUES[language].dir).toBe(language === 'ar' || language === 'he' ? 'rtl' : 'ltr');
    }
  });

  it.each(LANGUAGES)('%s: every text is present, trimmed and uses only its placeholders', (language) => {
    const c = CATALOGUES[language];
    for (const [where, text] of texts(c)) {
      expect({ where, empty: text.trim() === '' }).toEqual({ where, empty: false });
      expect({ where, text }).toEqual({ where, text: text.trim() });
      // Brackets hold the words that go with the name, and only those.
      for (const part of text.match(/\[[^\]]*\]/g) ?? []) expect({ where, part }).toEqual({ where, part: expect.stringContaining('{name}') });
      expect({ where, unbalanced: text.replace(/\[[^\]]*\]/g, '').match(/[[\]]/) }).toEqual({ where, unbalanced: null });
      const placeholders = text.match(/\{[a-z]+\}/g) ?? [];
      const allowed =
        where.endsWith('.sms') ? ['{code}', '{name}']
        : where === 'code.smsShort' ? ['{code}', '{duration}', '{name}']
        : where.endsWith('alidity') ? ['{duration}', '{name}']
        : ['{name}'];
      for (const p of placeholders) expect({ where, p, allowed: allowed.includes(p) }).toEqual({ where, p, allowed: true });
    }
    for (const key of PURPOSE_KEYS) expect(count(c.purposes[key].sms, '{code}')).toBe(1);
    expect(count(c.code.smsShort, '{code}')).toBe(1);
    expect(count(c.code.smsShort, '{duration}')).toBe(1);
    expect(count(c.code.smsValidity, '{duration}')).toBe(1);
    expect(count(c.code.validity, '{duration}')).toBe(1);
    expect(count(c.code.thisIs, '{name}')).toBe(1);
  }); // prettier-ignore

  it('states durations in the language, rounded down, with Latin digits', () => {
    expect(formatDuration(600, 'de')).toBe('10 Minuten');
    expect(formatDuration(600, 'ja')).toBe('10分');
    expect(formatDuration(3_600, 'pl')).toBe('1 godzina');
    expect(formatDuration(300, 'pl')).toBe('5 minut');
    expect(formatDuration(120, 'ru')).toBe('2 минуты');
    expect(formatDuration(5_400, 'fr')).toBe('90 minutes');
    expect(formatDuration(600, 'ar')).toMatch(/^10 /);
    expect(formatDuration(600, 'bn')).toMatch(/^10 /);
    expect(formatDuration(90, 'tr', 'short')).toBe('90 sn.');
  });
});

describe('Module: messages in every language', () => {
  describe('Function: renderCodeMessage (sms)', () => {
    // The proof of docs/api.md, Messages: the whole product below, not a sample.
    it.each(LANGUAGES)(
      '%s: every SMS purpose with the longest service name and the WebOTP line is one segment in its language',
      (language) => {
        const c = CATALOGUES[language];
        for (const serviceName of LONGEST_NAMES) {
          for (const purpose of PURPOSES) {
            for (const ttlSeconds of TTLS) {
              // Prepare
              const code = '987654';
              const cfg = { ...base, serviceName, webOtpDomain: WEBOTP_DOMAIN };

              // Act
              const sms = renderCodeMessage(
                { channel: 'sms', to: '+14155550100', code, purpose, ttlSeconds, locale: language },
                cfg,
              );

              // Assess
              const where = { language, serviceName, purpose, ttlSeconds, body: sms.body };
              const segment = countSegments(sms.body);
              expect({ ...where, fits: segment.units <= segment.limit }).toEqual({ ...where, fits: true });
              expect(sms.locale).toBe(language);
              expect(lastLine(sms.body)).toBe(`@${WEBOTP_DOMAIN} #${code}`);
              expect(count(sms.body, code)).toBe(2);
              const durations = [formatDuration(ttlSeconds, language), formatDuration(ttlSeconds, language, 'short')];
              expect({ ...where, validity: durations.some((d) => sms.body.includes(d)) }).toEqual({ ...where, validity: true });
              const warned = sms.body.includes(c.code.smsWarning) || sms.body.includes(c.code.smsWarningShort);
              expect({ ...where, warned }).toEqual({ ...where, warned: true });
            }
          }
        }
      },
    ); // prettier-ignore

    it.each(LANGUAGES)('%s: without WebOTP every code length 4 to 10 fits in the language', (language) => {
      for (let length = 4; length <= 10; length++) {
        for (const purpose of PURPOSES) {
          // Prepare
          const code = '1234567890'.slice(0, length);

          // Act
          const sms = renderCodeMessage(
            { channel: 'sms', to: '+14155550100', code, purpose, ttlSeconds: 600, locale: language },
            { ...base, serviceName: LONGEST_NAMES[0] as string },
          );

          // Assess
          expect(countSegments(sms.body).segments).toBe(1);
          expect(sms.locale).toBe(language);
          expect(sms.body).not.toContain('\n');
          expect(sms.body).toContain(code);
        }
      }
    });

    it('gives up the service name, never the code or the warning, when a UCS-2 text is tight', () => {
      // Prepare: Russian is UCS-2, so 70 units leave no room for a long name.
      const cfg = { ...base, serviceName: 'Северо-Западный Банк Развития Онлайн' };

      // Act
      const sms = renderCodeMessage(
        {
          channel: 'sms',
          to: '+79161234567',
          code: '123456',
          purpose: 'sign_in',
          ttlSeconds: 600,
          locale: 'ru',
        },
        cfg,
      );

      // Assess
      expect(countSegments(sms.body)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
      expect(sms.body).toContain('123456');
      expect(sms.body).toContain(CATALOGUES.ru.code.smsWarningShort);
      expect(sms.body).not.toContain('Северо-Западный Банк Развития Онлайн');
    });

    it('cuts a long service name at a word to fit rather than shortening the warning', () => {
      // Act
      const sms = renderCodeMessage(
        { channel: 'sms', to: '+4915112345678', code: '12345678', purpose: 'sign_in', ttlSeconds: 600, locale: 'de' },
        { ...base, serviceName: 'Bank Nord Ost Süd West', webOtpDomain: 'konto.example.com' },
      );

      // Assess
      expect(countSegments(sms.body)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      expect(sms.body).toContain(CATALOGUES.de.code.smsWarning);
      expect(sms.body).toMatch(/^12345678 ist Ihr Bestätigungscode für Bank\. 10 Minuten gültig\. /);
      expect(sms.body).not.toContain('Ost');
    }); // prettier-ignore

    it('keeps a GSM-7 language in GSM-7 whatever the service name holds', () => {
      for (const language of ['en', 'de', 'fr', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'id', 'ms'] as const) {
        // Act
        const sms = renderCodeMessage(
          { channel: 'sms', to: '+14155550100', code: '123456', purpose: 'sign_in', ttlSeconds: 600, locale: language },
          { ...base, serviceName: 'Café Ação “東京” 🙂', webOtpDomain: WEBOTP_DOMAIN },
        );

        // Assess
        expect({ language, gsm7: isGsm7(sms.body) }).toEqual({ language, gsm7: true });
        expect(sms.body.length).toBeGreaterThan(70);
      }
    }); // prettier-ignore

    it('falls back to English, still one segment, when a long WebOTP domain leaves a UCS-2 language no room', () => {
      // Act
      const sms = renderCodeMessage(
        {
          channel: 'sms',
          to: '+66812345678',
          code: '12345678',
          purpose: 'sign_in',
          ttlSeconds: 600,
          locale: 'th',
        },
        { ...base, webOtpDomain: 'accounts.login.example.com' },
      );

      // Assess
      expect(sms.locale).toBe('en');
      expect(countSegments(sms.body)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      expect(lastLine(sms.body)).toBe('@accounts.login.example.com #12345678');
    });

    it('is one segment for any language, code length, name and WebOTP domain', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...LANGUAGES),
          fc.integer({ min: 4, max: 10 }),
          fc.constantFrom(...PURPOSES),
          fc.integer({ min: 1, max: 30 * 86_400 }),
          fc.string({ unit: 'grapheme', maxLength: MAX_SERVICE_NAME_LENGTH }),
          fc.option(fc.stringMatching(/^[a-z]{1,20}(\.[a-z]{2,8}){1,2}$/), { nil: undefined }),
          (language, length, purpose, ttlSeconds, serviceName, webOtpDomain) => {
            // Prepare
            const code = '9'.repeat(length);
            const cfg = { ...base, serviceName, ...(webOtpDomain ? { webOtpDomain } : {}) };

            // Act
            const sms = renderCodeMessage(
              { channel: 'sms', to: '+14155550100', code, purpose, ttlSeconds, locale: language },
              cfg,
            );

            // Assess
            expect(countSegments(sms.body).segments).toBe(1);
            expect(sms.body).toContain(code);
            expect([language, 'en']).toContain(sms.locale);
            const c = CATALOGUES[sms.locale as Language];
            expect(sms.body.includes(c.code.smsWarning) || sms.body.includes(c.code.smsWarningShort)).toBe(
              true,
            );
            if (webOtpDomain !== undefined) expect(lastLine(sms.body)).toBe(`@${webOtpDomain} #${code}`);
          },
        ),
        { numRuns: 400 },
      );
    });
  });

  describe('Function: messageLocale', () => {
    it('reports the language each message will really be in, before its code exists', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...LANGUAGES),
          fc.constantFrom('sms', 'voice', 'email') as fc.Arbitrary<'sms' | 'voice' | 'email'>,
          fc.integer({ min: 4, max: 10 }),
          fc.constantFrom(...PURPOSES),
          fc.integer({ min: 60, max: 86_400 }),
          fc.option(fc.stringMatching(/^[a-z]{1,30}\.[a-z]{2,6}$/), { nil: undefined }),
          (language, channel, codeLength, purpose, ttlSeconds, webOtpDomain) => {
            // Prepare
            const cfg = { ...base, ...(webOtpDomain ? { webOtpDomain } : {}) };
            const code = '7'.repeat(codeLength);

            // Act
            const predicted = messageLocale({ channel, purpose, ttlSeconds, codeLength, locale: language }, cfg);
            const message = renderCodeMessage({ channel, to: '+14155550100', code, purpose, ttlSeconds, locale: language }, cfg);

            // Assess
            expect(predicted).toBe(message.locale);
          },
        ),
        { numRuns: 500 },
      );
    }); // prettier-ignore
  });

  describe('Function: renderNotice (sms)', () => {
    it.each(LANGUAGES)('%s: every notice with the longest name and a detail is one segment', (language) => {
      const c = CATALOGUES[language];
      for (const serviceName of LONGEST_NAMES) {
        for (const kind of NOTICE_KINDS) {
          // Act
          const sms = renderNotice(
            { kind, channel: 'sms', to: '+14155550100', detail: '+1*******0199', locale: language },
            { ...base, serviceName },
          );

          // Assess
          const words = c.notice.kinds[kind];
          const where = { language, kind, body: sms.body };
          expect({ ...where, segments: countSegments(sms.body).segments }).toEqual({ ...where, segments: 1 });
          expect(sms.locale).toBe(language);
          const news = sms.body.includes(words.event) || sms.body.includes(words.subject);
          expect({ ...where, news }).toEqual({ ...where, news: true });
        }
      }
    });

    it('keeps the advice of a notice in a GSM-7 language', () => {
      for (const language of ['en', 'de', 'fr', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'id', 'ms'] as const) {
        for (const kind of NOTICE_KINDS) {
          const sms = renderNotice({ kind, channel: 'sms', to: '+14155550100', locale: language }, base);
          const where = { language, kind };
          expect({ ...where, advice: sms.body.includes(CATALOGUES[language].notice.kinds[kind].advice) }).toEqual({ ...where, advice: true });
        }
      }
    }); // prettier-ignore
  });

  describe('Function: renderCodeMessage (email)', () => {
    it.each(LANGUAGES)('%s: subject, text and HTML in the language, with lang and direction', (language) => {
      const c = CATALOGUES[language];
      for (const purpose of PURPOSES) {
        // Act
        const email = renderCodeMessage(
          {
            channel: 'email',
            to: 'jo@example.com',
            code: '123456',
            purpose,
            ttlSeconds: 600,
            reportUrl: 'https://otp.example.com/report/t',
            locale: language,
          },
          { ...base, serviceName: 'Acme <b>&</b>' },
        );

        // Assess
        expect(email.locale).toBe(language);
        expect(email.subject).not.toMatch(/[\r\n]/);
        expect(email.text).toContain('\n123456\n');
        expect(email.text).toContain(c.code.emailWarning);
        expect(email.text).toContain(formatDuration(600, language));
        expect(email.text).toContain(`${c.code.reportLink}: https://otp.example.com/report/t`);
        const dir = c.dir === 'rtl' ? ' dir="rtl"' : '';
        expect(email.html).toContain(`<html lang="${language}"${dir}>`);
        expect(email.html).toContain(`<body${dir} style=`);
        expect(email.html).toContain('<p dir="ltr"');
        expect(email.html).not.toContain('<b>');
        expect(email.html).toContain('<a href="https://otp.example.com/report/t">');
      }
    });

    it.each(LANGUAGES)('%s: notice emails carry the event, the advice and the warning', (language) => {
      const c = CATALOGUES[language];
      for (const kind of NOTICE_KINDS) {
        const email = renderNotice({ kind, channel: 'email', to: 'jo@example.com', locale: language }, base);
        expect(email.subject).toBe(`onetime: ${c.notice.kinds[kind].subject}`);
        expect(email.text).toContain(c.notice.kinds[kind].event);
        expect(email.text).toContain(c.notice.kinds[kind].advice);
        expect(email.text).toContain(c.notice.warning);
        expect(email.html).toContain(`lang="${language}"`);
        expect(email.html.includes('dir="rtl"')).toBe(c.dir === 'rtl');
      }
    });
  });

  describe('Function: renderCodeMessage (voice)', () => {
    it.each(LANGUAGES)('%s: reads every digit twice in the language of a voice, else in English', (language) => {
      // Prepare
      const spoken = (SPOKEN_LANGUAGES as readonly string[]).includes(language) ? language : 'en';

      // Act
      const call = renderCodeMessage(
        { channel: 'voice', to: '+14155550100', code: '2468', purpose: 'sign_in', ttlSeconds: 600, locale: language },
        base,
      );

      // Assess
      expect(call.locale).toBe(spoken);
      const digits = [...call.ssml.matchAll(/<say-as interpret-as="digits">(.)<\/say-as>/g)].map((m) => m[1]);
      expect(digits.join('')).toBe('24682468');
      expect(call.text).toContain(CATALOGUES[spoken as Language].code.voiceWarning);
      expect(call.text).toContain(formatDuration(600, spoken));
    }); // prettier-ignore

    it.each(LANGUAGES)('%s: voice notices are spoken in the voice language', (language) => {
      const spoken = (SPOKEN_LANGUAGES as readonly string[]).includes(language) ? language : 'en';
      for (const kind of NOTICE_KINDS) {
        const call = renderNotice({ kind, channel: 'voice', to: '+14155550100', locale: language }, base);
        expect(call.locale).toBe(spoken);
        expect(call.text).toContain(CATALOGUES[spoken as Language].notice.kinds[kind].event);
        expect(call.ssml).toMatch(/^<speak>[^<>]*<\/speak>$/);
      }
    });
  });
});
