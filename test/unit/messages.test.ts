/**
 * Message rendering: the SMS segment rules of docs/api.md ("Messages") checked as properties over code
 * lengths, purposes, durations, service names and WebOTP domains; email escaping and
 * voice digit reading likewise; and a few exact texts so wording changes are seen.
 */
import fc from 'fast-check';
import type { MessagingConfig } from '../../lambdas/domain/messaging';
import {
  NOTICE_KINDS,
  formatDuration,
  gsm7Length,
  isGsm7,
  renderCodeMessage,
  renderNotice,
  toGsm7,
} from '../../lambdas/domain/messages';

const config: MessagingConfig = { serviceName: 'onetime', emailFrom: 'no-reply@example.com' };
const withWebOtp: MessagingConfig = { ...config, webOtpDomain: 'example.com' };

const codeArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 10 })
  .map((digits) => digits.join(''));
const purposeArb = fc.oneof(
  fc.constantFrom('sign_in', 'sensitive_action', 'enroll', 'delivery'),
  fc.string({ maxLength: 40 }),
);
const ttlArb = fc.integer({ min: 1, max: 30 * 86_400 });
const serviceNameArb = fc.oneof(
  fc.constantFrom('onetime', 'Acme', 'Café “Bänk” — Zürich', '銀行', 'A'.repeat(200), 'x{y}[z]~€|^\\'),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
);
// Real WebOTP hosts: lower-case labels, at most 40 characters in all.
const domainArb = fc
  .stringMatching(
    /^[a-z0-9](?:[a-z0-9-]{0,12}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?){0,2}\.[a-z]{2,6}$/,
  )
  .filter((d) => d.length <= 40);
const markupArb = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\'&<>"',
    '</p><a href="x">',
  ),
  fc.string({ maxLength: 60 }),
);

const digitsSpoken = (ssml: string): string =>
  [...ssml.matchAll(/<say-as interpret-as="digits">(.)<\/say-as>/g)].map((m) => m[1]).join('');
const tagNames = (html: string): string[] =>
  (html.match(/<\/?[a-z!][^>]*>/gi) ?? []).map((tag) => (/^<\/?[a-z!-]+/i.exec(tag) as RegExpExecArray)[0]);

describe('Module: messages', () => {
  describe('Function: isGsm7 / gsm7Length / toGsm7', () => {
    it('counts basic characters as one septet and extension characters as two', () => {
      // Prepare
      const basic = '@£$¥ Hello ÄÖÑÜ äöñü à';
      const extended = '{}[]~|^\\€';

      // Act
      const counts = [gsm7Length(basic), gsm7Length(extended), gsm7Length('中')];

      // Assess
      expect(isGsm7(basic)).toBe(true);
      expect(isGsm7(extended)).toBe(true);
      expect(isGsm7('中')).toBe(false);
      expect(isGsm7('ç')).toBe(false);
      expect(counts).toEqual([basic.length, 2 * extended.length, Number.POSITIVE_INFINITY]);
    });

    it('maps look-alikes, strips accents GSM-7 lacks and drops the rest', () => {
      // Prepare
      const name = 'Café “Bänk” — Zürich ç 銀行\nLtd';

      // Act
      const safe = toGsm7(name);

      // Assess
      expect(safe).toBe('Café "Bänk" - Zürich Ç Ltd');
      expect(isGsm7(safe)).toBe(true);
    });

    it('always returns GSM-7 text', () => {
      fc.assert(fc.property(serviceNameArb, (name) => isGsm7(toGsm7(name))));
    });
  });

  describe('Function: formatDuration', () => {
    it.each([
      [30, '30 seconds'],
      [1, '1 second'],
      [60, '1 minute'],
      [90, '90 seconds'],
      [150, '2 minutes'],
      [600, '10 minutes'],
      [3_600, '1 hour'],
      [5_400, '90 minutes'],
      [86_400, '1 day'],
      [100_000, '27 hours'],
      [200_000, '2 days'],
    ])('%i seconds reads "%s" and never more than the real life', (seconds, words) => {
      // Act
      const text = formatDuration(seconds);

      // Assess
      expect(text).toBe(words);
    });
  });

  describe('Function: renderCodeMessage (sms)', () => {
    it('renders the sign-in SMS with the WebOTP line last', () => {
      // Act
      const message = renderCodeMessage(
        { channel: 'sms', to: '+14155550100', code: '123456', purpose: 'sign_in', ttlSeconds: 600 },
        withWebOtp,
      );

      // Assess
      expect(message).toEqual({
        channel: 'sms',
        to: '+14155550100',
        body:
          "123456 is your onetime sign-in code. Valid for 10 minutes. Don't share it. " +
          'We will never call or text you to ask for it.\n\n@example.com #123456',
        locale: 'en',
      });
      expect(message.body.length).toBe(142);
    });

    it.each([
      ['sign_in', '123456 is your onetime sign-in code.'],
      ['sensitive_action', '123456 is your onetime code to confirm this action.'],
      ['enroll', '123456 is your onetime code to verify this number.'],
      ['delivery', '123456 is your onetime code for your delivery.'],
      ['password_reset', '123456 is your onetime verification code.'],
    ])('words the purpose %s', (purpose, opening) => {
      // Act
      const { body } = renderCodeMessage(
        { channel: 'sms', to: '+14155550100', code: '123456', purpose, ttlSeconds: 600 },
        config,
      );

      // Assess
      expect(body.startsWith(opening)).toBe(true);
    });

    it('never echoes a caller-defined purpose', () => {
      // Act
      const { body } = renderCodeMessage(
        { channel: 'sms', to: '+14155550100', code: '123456', purpose: '<b>free text</b>', ttlSeconds: 600 },
        config,
      );

      // Assess
      expect(body).not.toContain('free text');
    });

    it('tells a delivery recipient to share the code only with the courier', () => {
      // Act
      const { body } = renderCodeMessage(
        { channel: 'sms', to: '+14155550100', code: '1234', purpose: 'delivery', ttlSeconds: 7_200 },
        config,
      );

      // Assess
      expect(body).toBe(
        '1234 is your onetime code for your delivery. Valid for 2 hours. ' +
          'Share it only with the courier at your door. We will never call or text you to ask for it.',
      );
    });

    it('shortens a long name deterministically and keeps code, validity, warning and WebOTP line', () => {
      // Prepare
      const longName: MessagingConfig = {
        ...withWebOtp,
        serviceName: 'Northern Territories Savings and Loan Bank',
      };
      const input = {
        channel: 'sms',
        to: '+14155550100',
        code: '1234567890',
        purpose: 'sensitive_action',
        ttlSeconds: 600,
      } as const;

      // Act
      const first = renderCodeMessage(input, longName);
      const second = renderCodeMessage(input, longName);

      // Assess
      expect(first.body).toBe(second.body);
      expect(first.body).toBe(
        '1234567890 is your Northern Territories Savings verification code. Valid for 10 minutes. ' +
          'We will never call or text you to ask for it.\n@example.com #1234567890',
      );
      expect(gsm7Length(first.body)).toBeLessThanOrEqual(160);
    });

    it('drops a one-word service name that does not fit rather than cutting it mid-word', () => {
      // Prepare
      const cramped: MessagingConfig = {
        serviceName: 'A'.repeat(100),
        emailFrom: 'x@example.com',
        webOtpDomain: 'accounts.login.example.com',
      };

      // Act
      const { body } = renderCodeMessage(
        { channel: 'sms', to: '+14155550100', code: '1234567890', purpose: 'sign_in', ttlSeconds: 600 },
        cramped,
      );

      // Assess
      expect(gsm7Length(body)).toBeLessThanOrEqual(160);
      expect(body).toMatch(
        /^1234567890 is your verification code\. Valid for 10 minutes\. We will never call or text you to ask for it\.\n/,
      );
      expect(body.endsWith('\n@accounts.login.example.com #1234567890')).toBe(true);
    });

    it('sends an internationalised WebOTP domain in punycode', () => {
      // Act
      const { body } = renderCodeMessage(
        { channel: 'sms', to: '+14155550100', code: '123456', purpose: 'sign_in', ttlSeconds: 600 },
        { ...config, webOtpDomain: 'bücher.example' },
      );

      // Assess
      expect(body.split('\n').at(-1)).toBe('@xn--bcher-kva.example #123456');
    });

    it('refuses a configuration that cannot fit one segment instead of splitting it', () => {
      // Prepare
      const huge: MessagingConfig = {
        ...config,
        webOtpDomain: `${'a'.repeat(60)}.${'b'.repeat(40)}.example`,
      };

      // Act
      const render = (): unknown =>
        renderCodeMessage(
          { channel: 'sms', to: '+14155550100', code: '1234567890', purpose: 'sign_in', ttlSeconds: 600 },
          huge,
        );

      // Assess
      expect(render).toThrow(RangeError);
    });

    it('is always one GSM-7 segment with the code, validity, warning and WebOTP line last', () => {
      fc.assert(
        fc.property(
          codeArb,
          purposeArb,
          ttlArb,
          serviceNameArb,
          fc.option(domainArb, { nil: undefined }),
          (code, purpose, ttlSeconds, serviceName, webOtpDomain) => {
            // Prepare
            const cfg: MessagingConfig = {
              ...config,
              serviceName,
              ...(webOtpDomain ? { webOtpDomain } : {}),
            };

            // Act
            const { body } = renderCodeMessage(
              { channel: 'sms', to: '+14155550100', code, purpose, ttlSeconds },
              cfg,
            );

            // Assess
            expect(isGsm7(body)).toBe(true);
            expect(body.length).toBeLessThanOrEqual(160);
            expect(gsm7Length(body)).toBeLessThanOrEqual(160);
            expect(body.startsWith(`${code} is your `)).toBe(true);
            expect(body).toContain(`Valid for ${formatDuration(ttlSeconds)}.`);
            expect(body).toMatch(/We (will )?never call or text (you )?to ask for it\./);
            if (webOtpDomain === undefined) expect(body).not.toContain('\n');
            else expect(body.split('\n').at(-1)).toBe(`@${webOtpDomain} #${code}`);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe('Function: renderCodeMessage (email)', () => {
    it('renders subject, text and HTML with the warnings and the report link', () => {
      // Act
      const message = renderCodeMessage(
        {
          channel: 'email',
          to: 'jo@example.com',
          code: '123456',
          purpose: 'sign_in',
          ttlSeconds: 600,
          reportUrl: 'https://otp.example.com/report/tok_123',
        },
        config,
      );

      // Assess
      expect(message.channel).toBe('email');
      expect(message.to).toBe('jo@example.com');
      expect(message.subject).toBe('Your onetime sign-in code');
      expect(message.text).toBe(
        [
          'Your onetime sign-in code is:',
          '',
          '123456',
          '',
          "This code is valid for 10 minutes. Don't share it.",
          'We will never call, text or email you to ask for this code.',
          '',
          "Didn't ask for this code? Report it: https://otp.example.com/report/tok_123",
        ].join('\n'),
      );
      expect(message.html).toMatch(/font-size:32px[^>]*><strong>123456<\/strong>/);
      expect(message.html).toContain('We will never call, text or email you to ask for this code.');
      expect(message.html).toContain(
        'Didn&#39;t ask for this code? <a href="https://otp.example.com/report/tok_123">Report it</a>.',
      );
    });

    it('words enrolment for an email address and leaves out the link without a report URL', () => {
      // Act
      const message = renderCodeMessage(
        { channel: 'email', to: 'jo@example.com', code: '12345678', purpose: 'enroll', ttlSeconds: 900 },
        config,
      );

      // Assess
      expect(message.subject).toBe('Verify your email address for onetime');
      expect(message.text).toContain('Your onetime code to verify this email address is:');
      expect(message.text).toContain('valid for 15 minutes');
      expect(message.text).not.toContain('Report it');
      expect(message.html).not.toContain('<a ');
    });

    it('drops a report link that is not http(s)', () => {
      // Act
      const message = renderCodeMessage(
        {
          channel: 'email',
          to: 'jo@example.com',
          code: '123456',
          purpose: 'sign_in',
          ttlSeconds: 600,
          reportUrl: 'javascript:alert(1)',
        },
        config,
      );

      // Assess
      expect(message.html).not.toContain('javascript:');
      expect(message.text).not.toContain('javascript:');
    });

    it('escapes whatever the service name and report URL contain', () => {
      // Prepare
      const baseline = renderCodeMessage(
        {
          channel: 'email',
          to: 'jo@example.com',
          code: '123456',
          purpose: 'sign_in',
          ttlSeconds: 600,
          reportUrl: 'https://otp.example.com/r/x',
        },
        config,
      );

      fc.assert(
        fc.property(markupArb, markupArb, codeArb, purposeArb, (name, urlTail, code, purpose) => {
          // Act
          const { html, text } = renderCodeMessage(
            {
              channel: 'email',
              to: 'jo@example.com',
              code,
              purpose,
              ttlSeconds: 600,
              reportUrl: `https://otp.example.com/r/${urlTail}`,
            },
            { ...config, serviceName: name },
          );

          // Assess: injected markup adds no element and no attribute break-out.
          expect(tagNames(html)).toEqual(tagNames(baseline.html));
          expect(html).not.toMatch(/<(script|img)/i);
          expect(text).toContain(code);
          expect(html).toContain(`<strong>${code}</strong>`);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('Function: renderCodeMessage (voice)', () => {
    it('reads the digits one by one, twice, with the warning', () => {
      // Act
      const message = renderCodeMessage(
        { channel: 'voice', to: '+14155550100', code: '123456', purpose: 'sign_in', ttlSeconds: 600 },
        config,
      );

      // Assess
      expect(message.text).toBe(
        'Hello. This is onetime. Your sign-in code is: 1, 2, 3, 4, 5, 6. Again, your code is: 1, 2, 3, 4, 5, 6. ' +
          "This code is valid for 10 minutes. Don't share it. We will never call or text you to ask for this code. Goodbye.",
      );
      expect(message.ssml.startsWith('<speak>')).toBe(true);
      expect(message.ssml.endsWith('</speak>')).toBe(true);
      expect(digitsSpoken(message.ssml)).toBe('123456123456');
    });

    it('reads every digit twice and escapes the service name, for any code and name', () => {
      fc.assert(
        fc.property(codeArb, purposeArb, markupArb, (code, purpose, serviceName) => {
          // Act
          const { ssml, text } = renderCodeMessage(
            { channel: 'voice', to: '+14155550100', code, purpose, ttlSeconds: 600 },
            { ...config, serviceName },
          );

          // Assess
          expect(digitsSpoken(ssml)).toBe(code + code);
          const listed = [...code].join(', ');
          expect(text.split(listed)).toHaveLength(3);
          expect(text).toContain('We will never call or text you to ask for this code.');
          expect(ssml).toContain('We will never call or text you to ask for this code.');
          expect(new Set(tagNames(ssml))).toEqual(
            new Set(['<speak', '</speak', '<break', '<say-as', '</say-as']),
          );
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('Function: renderNotice', () => {
    it('renders a factor-added SMS that names the masked destination', () => {
      // Act
      const message = renderNotice(
        { kind: 'factor_added', channel: 'sms', to: '+14155550100', detail: '+1*******0199' },
        config,
      );

      // Assess
      expect(message).toEqual({
        channel: 'sms',
        to: '+14155550100',
        body:
          "onetime: A new way to receive codes was added to your account (+1*******0199). If this wasn't you, " +
          'contact support right away.',
        locale: 'en',
      });
    });

    it('keeps the advice when a long name and detail crowd an SMS notice', () => {
      fc.assert(
        fc.property(serviceNameArb, fc.string({ maxLength: 200 }), (serviceName, detail) => {
          // Act
          const { body } = renderNotice(
            { kind: 'hard_locked', channel: 'sms', to: '+14155550100', detail },
            { ...config, serviceName },
          );

          // Assess
          expect(gsm7Length(body)).toBeLessThanOrEqual(160);
          expect(body).toContain('Your account is locked after too many wrong codes');
          expect(body).toContain('Contact support to unlock it.');
        }),
      );
    });

    it('renders an email notice with subject, text and escaped HTML', () => {
      // Act
      const message = renderNotice(
        { kind: 'hard_locked', channel: 'email', to: 'jo@example.com', detail: '<b>x</b>' },
        { ...config, serviceName: 'A&B' },
      );

      // Assess
      expect(message.subject).toBe('A&B: Your account is locked');
      expect(message.text).toContain('Your account is locked after too many wrong codes (<b>x</b>).');
      expect(message.text).toContain('Contact support to unlock it.');
      expect(message.html).toContain('(&lt;b&gt;x&lt;/b&gt;)');
      expect(message.html).toContain('<title>A&amp;B: Your account is locked</title>');
    });

    it('renders a voice notice without reading out the mask', () => {
      // Act
      const message = renderNotice(
        { kind: 'factor_removed', channel: 'voice', to: '+14155550100', detail: '+1*******0199' },
        config,
      );

      // Assess
      expect(message.text).toBe(
        'Hello. This is a security notice from onetime. A way to receive codes was removed from your account. ' +
          "If this wasn't you, contact support right away. We will never call or text you to ask for a code. Goodbye.",
      );
      expect(message.ssml).toBe(`<speak>${message.text.replace(/'/g, '&#39;')}</speak>`);
    });

    it('keeps every SMS notice in one GSM-7 segment and escapes every email notice', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...NOTICE_KINDS),
          serviceNameArb,
          fc.option(markupArb, { nil: undefined }),
          (kind, serviceName, detail) => {
            // Prepare
            const cfg = { ...config, serviceName };
            const input = detail === undefined ? {} : { detail };

            // Act
            const sms = renderNotice({ kind, channel: 'sms', to: '+14155550100', ...input }, cfg);
            const email = renderNotice({ kind, channel: 'email', to: 'jo@example.com', ...input }, cfg);
            const voice = renderNotice({ kind, channel: 'voice', to: '+14155550100', ...input }, cfg);

            // Assess
            expect(isGsm7(sms.body)).toBe(true);
            expect(gsm7Length(sms.body)).toBeLessThanOrEqual(160);
            expect(email.subject).not.toMatch(/[\r\n]/);
            expect(email.text.length).toBeGreaterThan(0);
            expect(tagNames(email.html)).toEqual(
              tagNames(renderNotice({ kind, channel: 'email', to: 'jo@example.com' }, config).html),
            );
            expect(voice.text.length).toBeGreaterThan(0);
            expect(voice.ssml).toMatch(/^<speak>[^<>]*<\/speak>$/);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
