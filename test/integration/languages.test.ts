/**
 * Languages through the API (docs/api.md, Messages): the request's locale, else the phone's
 * country, else ONETIME_DEFAULT_LOCALE writes the message; the answer says which
 * locale was used; the locale a user asked for is kept on their state and writes
 * later security notices; and a malformed locale changes nothing.
 */
import { CATALOGUES } from '../../lambdas/domain/catalogue';
import { scanTable, testApp, type TestApp } from './harness';

// Each case enrols and activates factors on its own table: several round trips to DynamoDB Local.
jest.setTimeout(20_000);

const US = '+14155550100';
const DE = '+4915112345678';
const FR = '+33612345678';

/** A test app whose clock is the real one: DynamoDB Local's TTL sweeper deletes items whose TTL is in the real past. */
async function realClockApp(options: Parameters<typeof testApp>[0] = {}): Promise<TestApp> {
  const created = await testApp(options);
  created.clock.advance(Math.max(0, Math.floor((Date.now() - created.clock.now()) / 1000)));
  return created;
}

function newest(app: TestApp, to: string) {
  const message = app.outbox.list({ to, limit: 1 })[0];
  if (!message) throw new Error(`no message to ${to}`);
  return message;
}

async function enrolSms(app: TestApp, userId: string, phone: string, locale?: string) {
  const added = await app.call('POST', `/v1/users/${userId}/factors`, {
    type: 'sms',
    destination: phone,
    ...(locale === undefined ? {} : { locale }),
  });
  const factorId = (added.body.factor as { factorId: string }).factorId;
  return { added, factorId };
}

async function activate(app: TestApp, userId: string, factorId: string, to: string) {
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
    code: app.lastCode(to),
  });
  expect(activated.status).toBe(200);
}

describe('Use case: the language of a code', () => {
  it('writes the enrolment code in the requested language and says so in the answer', async () => {
    // Prepare
    const app = await realClockApp();

    // Act
    const { added } = await enrolSms(app, 'u1', US, 'de-AT');

    // Assess
    expect(added.status).toBe(201);
    expect((added.body.challenge as { locale: string }).locale).toBe('de');
    const sms = newest(app, US);
    expect(sms.locale).toBe('de');
    expect(sms.body).toMatch(/^\d{6} ist Ihr Code zur Bestätigung dieser Nummer für onetime|^\d{6} ist Ihr Code zur Bestätigung dieser Nummer bei onetime/);
  }); // prettier-ignore

  it('takes a challenge locale over the phone country, and the country when there is none', async () => {
    // Prepare
    const app = await realClockApp();
    const { factorId } = await enrolSms(app, 'u2', FR);
    await activate(app, 'u2', factorId, FR);
    app.clock.advance(61);

    // Act
    const asked = await app.call('POST', '/v1/users/u2/challenges', { locale: 'ja-JP' });
    const askedSms = newest(app, FR);
    app.clock.advance(61);
    const unasked = await app.call('POST', '/v1/users/u2/challenges', { purpose: 'sensitive_action' });
    const unaskedSms = newest(app, FR);

    // Assess
    expect(asked.status).toBe(202);
    expect(asked.body.locale).toBe('ja');
    expect(askedSms.locale).toBe('ja');
    expect(askedSms.body).toContain('ログインコードです');
    expect(unasked.status).toBe(202);
    expect(unasked.body.locale).toBe('fr');
    expect(unaskedSms.body).toContain('est votre code pour confirmer cette action');
  });

  it('falls back to ONETIME_DEFAULT_LOCALE for an email address and a locale it does not have', async () => {
    // Prepare
    const app = await realClockApp({ env: { ONETIME_DEFAULT_LOCALE: 'es' } });

    // Act
    const added = await app.call('POST', '/v1/users/u3/factors', {
      type: 'email',
      destination: 'ana@example.com',
      locale: 'tlh',
    });

    // Assess
    expect(added.status).toBe(201);
    expect((added.body.challenge as { locale: string }).locale).toBe('es');
    const email = app.outbox.list({ to: 'ana@example.com', limit: 1 })[0];
    expect(email?.locale).toBe('es');
    expect(email?.subject).toBe('Verifica tu dirección de correo para onetime');
    expect(email?.body).toContain(CATALOGUES.es.code.emailWarning);
  });

  it('answers en for a call in a language no voice speaks, and the call is in English', async () => {
    // Prepare
    const app = await realClockApp();

    // Act
    const added = await app.call('POST', '/v1/users/u9/factors', { type: 'voice', destination: '+66812345678', locale: 'th' });

    // Assess
    expect(added.status).toBe(201);
    expect((added.body.challenge as { locale: string }).locale).toBe('en');
    const call = newest(app, '+66812345678');
    expect(call.locale).toBe('en');
    expect(call.body).toMatch(/^Hello\. This is onetime\. Your code to verify this number is: /);
  }); // prettier-ignore

  it('refuses a malformed locale with 400 and sends nothing', async () => {
    // Prepare
    const app = await realClockApp();

    // Act
    const bad = await app.call('POST', '/v1/users/u4/factors', {
      type: 'sms',
      destination: US,
      locale: 'de_DE; drop table',
    });

    // Assess
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
    expect(app.outbox.size).toBe(0);
    expect(await scanTable(app)).toEqual([]);
  });

  it('writes a German number in German and a US number in English when nobody asks', async () => {
    // Prepare
    const app = await realClockApp();

    // Act
    const de = await enrolSms(app, 'u5', DE);
    const us = await enrolSms(app, 'u6', US);

    // Assess
    expect((de.added.body.challenge as { locale: string }).locale).toBe('de');
    expect(newest(app, DE).locale).toBe('de');
    expect((us.added.body.challenge as { locale: string }).locale).toBe('en');
    expect(newest(app, US).body).toMatch(/^\d{6} is your onetime code to verify this number\./);
  });
});

describe('Use case: the language of security notices', () => {
  it('keeps the locale the user asked for and writes later notices in it', async () => {
    // Prepare: a US phone (English by country) whose owner asked for Portuguese.
    const app = await realClockApp();
    const { factorId } = await enrolSms(app, 'u7', US, 'pt-BR');
    await activate(app, 'u7', factorId, US);

    // Act: a second factor is activated; the notice goes to the phone.
    const second = await app.call('POST', '/v1/users/u7/factors', { type: 'email', destination: 'jo@example.com' });
    await activate(app, 'u7', (second.body.factor as { factorId: string }).factorId, 'jo@example.com');

    // Assess
    const state = (await scanTable(app)).find((i) => i.sk === 'STATE');
    expect(state?.locale).toBe('pt-BR');
    const notice = app.outbox.list({ to: US }).find((m) => m.body.includes(CATALOGUES['pt-BR'].notice.kinds.factor_added.event) || m.body.includes(CATALOGUES['pt-BR'].notice.kinds.factor_added.subject));
    expect(notice?.locale).toBe('pt-BR');
    // Portuguese needs UCS-2: the masked detail is the first thing to go from a 70-unit SMS.
    expect(notice?.body).not.toContain('jo@example.com');
  }); // prettier-ignore

  it('writes a notice by the phone country when the user never asked for a language', async () => {
    // Prepare
    const app = await realClockApp();
    const { factorId } = await enrolSms(app, 'u8', DE);
    await activate(app, 'u8', factorId, DE);

    // Act
    const second = await app.call('POST', '/v1/users/u8/factors', { type: 'email', destination: 'max@example.com' });
    await activate(app, 'u8', (second.body.factor as { factorId: string }).factorId, 'max@example.com');

    // Assess
    const notice = app.outbox.list({ to: DE }).find((m) => m.body.includes('Ihrem Konto wurde eine neue Möglichkeit'));
    expect(notice?.locale).toBe('de');
    expect((await scanTable(app)).some((i) => i.locale !== undefined)).toBe(false);
  }); // prettier-ignore
});
