/**
 * The demo sign-in page and the outbox page in a real browser: Debian's Chromium,
 * headless, driven by playwright-core (which cannot download browsers here; .ci/run
 * installs Chromium when missing). A whole sign-in as a user does it: enrol a phone,
 * read the code on the outbox page, enter it, sign in, enter a wrong code (told how
 * many tries remain) and the right one. Then the outbox page's email HTML frame and
 * the code of a voice call, highlighted. Neither page may log an error (a broken
 * Content-Security-Policy hash would).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureTable } from '../../lambdas/adapters/dynamodb/table';
import { createLocalApp, silentLog, type LocalApp } from '../../local/local-app';
import { startLocalServer, type LocalServer } from '../../local/server';
import { API_KEY, endpoint, rawClient } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STEP_MS = 15_000;

/** What the tests read of an element in the page (the DOM's types are not in this project's lib). */
interface InputLike {
  getAttribute(name: string): string | null;
  readonly maxLength: number;
  readonly disabled: boolean;
  readonly textContent: string | null;
}

describe('Browser: demo sign-in and outbox pages', () => {
  let app: LocalApp;
  let server: LocalServer;
  let context: BrowserContext;
  let profile: string;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`,
      );
    }
    const tableName = `browser_${process.pid}_${Date.now().toString(36)}`;
    const raw = rawClient();
    await ensureTable(raw, tableName);
    raw.destroy();
    // The real clock: the page counts down against the browser's own.
    app = createLocalApp({
      endpoint: endpoint(),
      tableName,
      secret: randomBytes(32),
      apiKey: API_KEY,
      log: silentLog,
    });
    server = await startLocalServer({ port: 0, app, demoApiKey: API_KEY, requestLog: false });
    profile = mkdtempSync(path.join(tmpdir(), 'onetime-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      // Chromium logs every 4xx answer to fetch; the page answers those (a wrong code is one).
      const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(
        message.text(),
      );
      if (message.type() === 'error' && !expected) errors.push(`${url}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${url}: ${error.message}`));
    await page.goto(url);
    return page;
  }

  /** The newest code the outbox page highlights in its phone (the newest message is drawn first). */
  async function newestPhoneCode(outbox: Page, other?: string): Promise<string> {
    const mark = outbox.locator('#thread .msg').first().locator('mark').first();
    await mark.waitFor({ timeout: STEP_MS });
    // The page refreshes every two seconds: wait for a message newer than `other`.
    const deadline = Date.now() + STEP_MS;
    for (;;) {
      const text = (await mark.textContent()) ?? '';
      if (text !== other || other === undefined) return text;
      if (Date.now() > deadline) throw new Error('no new code on the outbox page');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeEach(() => {
    errors.length = 0;
  });

  it('goes through a whole sign-in: enrol a phone, activate it with the code, sign in after a wrong code', async () => {
    // Prepare
    const phone = '+14155550188';
    const demo = await open(`${server.url}/_dev/demo`);
    const outbox = await open(`${server.url}/_dev/`);
    // Act 1: ask for a code
    await demo.bringToFront();
    await demo.fill('#user', 'browser-user');
    await demo.fill('#destination', phone);
    await demo.click('#send');
    await demo.locator('#verify').waitFor({ state: 'visible', timeout: STEP_MS });
    const input = demo.locator('#code');
    const attributes = await input.evaluate((el: InputLike) => ({
      autocomplete: el.getAttribute('autocomplete'),
      inputmode: el.getAttribute('inputmode'),
      maxLength: el.maxLength,
    }));
    const resend = await demo.locator('#resend').evaluate((el: InputLike) => ({
      disabled: el.disabled,
      text: el.textContent,
    }));
    const sentTo = await demo.locator('#sent-to').textContent();
    // Act 2: read the code on the outbox page and activate
    const first = await newestPhoneCode(outbox);
    await input.fill(first);
    await demo.click('#submit');
    await demo.locator('#done').waitFor({ state: 'visible', timeout: STEP_MS });
    const verified = await demo.locator('#done-text').textContent();
    const recoveryCodes = await demo.locator('#recovery li').count();
    // Act 3: sign in; a wrong code first, then the right one
    await demo.click('#sign-in');
    await demo.locator('#verify').waitFor({ state: 'visible', timeout: STEP_MS });
    const second = await newestPhoneCode(outbox, first);
    await input.fill(second === '000000' ? '111111' : '000000');
    await demo.click('#submit');
    await demo.locator('#message', { hasText: 'tries left' }).waitFor({ timeout: STEP_MS });
    const wrong = await demo.locator('#message').textContent();
    await input.fill(second);
    await demo.click('#submit');
    await demo.locator('#done-text', { hasText: 'signed in' }).waitFor({ timeout: STEP_MS });
    const signedIn = await demo.locator('#message').textContent();
    // Assess
    expect(attributes).toEqual({ autocomplete: 'one-time-code', inputmode: 'numeric', maxLength: 6 });
    expect(resend.disabled).toBe(true);
    expect(resend.text).toMatch(/^Resend code in \d+ s$/);
    expect(sentTo).toContain('+1*******0188');
    expect(first).toMatch(/^\d{6}$/);
    expect(verified).toBe('Verified: +1*******0188 can now receive sign-in codes.');
    expect(recoveryCodes).toBe(10);
    expect(second).toMatch(/^\d{6}$/);
    expect(wrong).toBe("That code isn't right. You have 4 tries left.");
    expect(signedIn).toBe('Signed in with challenge.');
    expect(errors).toEqual([]);
  }, 120_000);

  it('offers another way from the other factors, and says the lock in plain words', async () => {
    // Prepare: a user with an active phone and an active email, enrolled through the API
    const headers = { 'x-api-key': API_KEY, 'content-type': 'application/json' };
    const base = `${server.url}/v1/users/browser-ways`;
    for (const [type, destination] of [
      ['sms', '+14155550190'],
      ['email', 'ways@example.com'],
    ] as const) {
      const added = (await (
        await fetch(`${base}/factors`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type, destination }),
        })
      ).json()) as { factor: { factorId: string } };
      const code = /\b\d{6}\b/.exec(app.outbox.list({ to: destination, limit: 1 })[0]?.body ?? '')?.[0];
      const activated = await fetch(`${base}/factors/${added.factor.factorId}/activate`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code }),
      });
      expect(activated.status).toBe(200);
    }
    const demo = await open(`${server.url}/_dev/demo`);
    // Act: sign in with the phone (already verified), then switch to email
    await demo.fill('#user', 'browser-ways');
    await demo.fill('#destination', '+14155550190');
    await demo.click('#send');
    const another = demo.locator('#other-ways button', { hasText: 'email' });
    await another.waitFor({ timeout: STEP_MS });
    const offered = await another.textContent();
    await another.click();
    await demo.locator('#sent-to', { hasText: 'by email' }).waitFor({ timeout: STEP_MS });
    const sentTo = await demo.locator('#sent-to').textContent();
    // Five wrong codes: each says what remains, the last one the lock and when it ends
    const said: string[] = [];
    for (let i = 0; i < 5; i++) {
      const before = await demo.locator('#message').textContent();
      await demo.fill('#code', '000000');
      await demo.click('#submit');
      await demo.waitForFunction(
        (previous) =>
          (
            globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }
          ).document.getElementById('message').textContent !== previous,
        before,
        { timeout: STEP_MS },
      );
      said.push((await demo.locator('#message').textContent()) ?? '');
    }
    // Assess
    expect(offered).toBe('Try another way: email to w***@example.com');
    expect(sentTo).toContain('We sent a code by email to w***@example.com.');
    expect(said.slice(0, 4)).toEqual([
      "That code isn't right. You have 4 tries left.",
      "That code isn't right. You have 3 tries left.",
      "That code isn't right. You have 2 tries left.",
      "That code isn't right. You have 1 try left before a short lock.",
    ]);
    expect(said[4]).toMatch(/^Too many wrong codes\. You can try again at \d{1,2}:\d{2}( [AP]M)?\.$/);
    expect(errors).toEqual([]);
  }, 90_000);

  it("shows an email's HTML part in a sandboxed frame and highlights the code a voice call reads out", async () => {
    // Prepare: one email and one voice code, sent through the API
    const headers = { 'x-api-key': API_KEY, 'content-type': 'application/json' };
    for (const body of [
      { type: 'email', destination: 'browser@example.com' },
      { type: 'voice', destination: '+14155550189' },
    ]) {
      const answer = await fetch(`${server.url}/v1/users/browser-media/factors`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(201);
    }
    const emailCode = /\b\d{6}\b/.exec(
      app.outbox.list({ to: 'browser@example.com', limit: 1 })[0]?.body ?? '',
    )?.[0];
    const voiceText = app.outbox.list({ to: '+14155550189', limit: 1 })[0]?.body ?? '';
    // Act
    const outbox = await open(`${server.url}/_dev/`);
    const frame = outbox.locator('#reader iframe');
    await frame.waitFor({ timeout: STEP_MS });
    const sandbox = await frame.getAttribute('sandbox');
    const frameText = await outbox
      .frameLocator('#reader iframe')
      .locator('body')
      .textContent({ timeout: STEP_MS });
    const voiceCode = await outbox.locator('mark.voice-code').first().textContent({ timeout: STEP_MS });
    const frameUrl = new URL((await frame.getAttribute('src')) ?? '', server.url).toString();
    const direct = await fetch(frameUrl);
    const unknown = await fetch(`${server.url}/_dev/outbox/01ARZ3NDEKTSV4RRFFQ69G5FAV/html`);
    // Assess
    expect(emailCode).toMatch(/^\d{6}$/);
    expect(sandbox).toBe('');
    expect(direct.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'",
    );
    expect(unknown.status).toBe(404);
    expect(frameText).toContain(emailCode as string);
    expect(voiceText.replace(/\D/g, '')).toContain(voiceCode as string);
    expect(voiceCode).toMatch(/^\d{6}$/);
    expect(errors).toEqual([]);
  }, 60_000);
});
