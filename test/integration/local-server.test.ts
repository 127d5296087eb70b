/**
 * The local HTTP server over real sockets: what API Gateway would answer for
 * malformed input (keys, JSON, sizes, routes, path ids), that no input produces a
 * 5xx, the development outbox API and page, and a curl-like walk-through whose
 * console output must hold neither a code nor a whole phone number.
 */
import fc from 'fast-check';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { runInNewContext } from 'node:vm';
import { ROUTES } from '../../lambdas/contract/routes';
import { OUTBOX_PAGE_HTML } from '../../local/outbox-page';
import { startLocalServer, type LocalServer } from '../../local/server';
import { API_KEY, testApp, type TestApp } from './harness';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // Tests read members freely; the shapes are asserted, not assumed.
  readonly json: Record<string, unknown>;
}

/** fetch with the API key by default; `key: null` sends none. */
async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? API_KEY : options.key;
  if (key !== null) headers['x-api-key'] = key;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON (the HTML page): leave `json` empty
  }
  return { status: response.status, headers: response.headers, text, json };
}

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * node:http, for what fetch will not send: a chosen Host header, a chunked body of
 * any size, an announced length with `Expect: 100-continue` and no body at all.
 */
function raw(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string | number>; chunks?: readonly Buffer[] } = {},
): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: options.headers ?? {}, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(parts).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer and close while we are still writing; that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (options.headers?.expect !== undefined) return; // wait for the server's verdict; never send the body
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

async function serve(
  options: Parameters<typeof testApp>[0] = {},
  /** 'default': the server's own request log on stdout; otherwise none. */
  requestLog: 'default' | 'none' = 'none',
): Promise<{ app: TestApp; server: LocalServer; url: string }> {
  const app = await testApp(options);
  const server = await startLocalServer({
    port: 0,
    app,
    ...(requestLog === 'default' ? {} : { requestLog: false }),
  });
  return { app, server, url: server.url };
}

function codeIn(body: string): string {
  const digits = /\b\d{6}\b/.exec(body);
  if (!digits) throw new Error('no code in message');
  return digits[0];
}

interface FakeNode {
  readonly tag: string;
  className: string;
  type: string;
  value: string;
  children: FakeNode[];
  textContent: string;
  /** Set by the page on text in a message's language. */
  lang?: string;
  dir?: string;
  appendChild(child: FakeNode): FakeNode;
  replaceChildren(...children: FakeNode[]): void;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: () => void): void;
}

/**
 * Just enough DOM for the outbox page's script. There is no innerHTML here at all,
 * so markup in message text could only ever become text.
 */
function fakeDom(ids: readonly string[]) {
  const created: FakeNode[] = [];
  const node = (tag: string, text = ''): FakeNode => {
    let own = text;
    const n: FakeNode = {
      tag,
      className: '',
      type: '',
      value: '',
      children: [],
      get textContent() {
        return own + n.children.map((c) => c.textContent).join('');
      },
      set textContent(value: string) {
        own = String(value);
        n.children = [];
      },
      appendChild: (child) => (n.children.push(child), child),
      replaceChildren: (...children) => void (n.children = children),
      setAttribute: () => undefined,
      addEventListener: () => undefined,
    };
    created.push(n);
    return n;
  };
  const byId = new Map(ids.map((id) => [id, node('#' + id)]));
  return {
    document: {
      hidden: false,
      getElementById: (id: string) => byId.get(id),
      createElement: (tag: string) => node(tag),
      createTextNode: (text: string) => node('#text', text),
      addEventListener: () => undefined,
    },
    byId: (id: string) => byId.get(id) as FakeNode,
    all: () => created,
  };
}

describe('Module: local/server', () => {
  let app: TestApp;
  let server: LocalServer;
  let url: string;

  beforeAll(async () => {
    ({ app, server, url } = await serve());
  });

  afterAll(async () => {
    await server.close();
  });

  describe('Keys', () => {
    it('answers health without a key', async () => {
      // Act
      const answer = await call(url, 'GET', '/v1/health', { key: null });
      // Assess
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ status: 'ok' });
    });

    it('answers 401 for a missing key and 403 for a wrong one, and creates nothing', async () => {
      // Prepare
      const body = { type: 'sms', destination: '+14155550111' };
      // Act
      const missing = await call(url, 'POST', '/v1/users/keyless/factors', { body, key: null });
      const wrong = await call(url, 'POST', '/v1/users/keyless/factors', { body, key: 'not-the-key' });
      const factors = await call(url, 'GET', '/v1/users/keyless/factors');
      const outbox = await call(url, 'GET', '/_dev/outbox?to=%2B14155550111', { key: null });
      // Assess
      expect(missing.status).toBe(401);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(missing.json).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(wrong.status).toBe(403);
      expect(wrong.headers.get('content-type')).toBe('application/problem+json');
      expect(wrong.json).toMatchObject({ status: 403, code: 'forbidden' });
      expect(factors.json.factors).toEqual([]);
      expect(outbox.json.messages).toEqual([]);
    });
  });

  describe('Malformed requests', () => {
    it('answers 400 invalid_request for a body that is not JSON', async () => {
      // Act
      const answer = await call(url, 'POST', '/v1/users/u-json/factors', { body: '{"type": "sms",' });
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.json).toMatchObject({ status: 400, code: 'invalid_request' });
    });

    it('answers 400 with errors [{ path, message }] for a body of the wrong types', async () => {
      // Act
      const answer = await call(url, 'POST', '/v1/users/u-types/factors', { body: { type: 5 } });
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.json.code).toBe('invalid_request');
      expect(answer.json.errors).toEqual(
        expect.arrayContaining([{ path: '/type', message: expect.any(String) as unknown as string }]),
      );
    });

    it('answers 413 payload_too_large for bodies over 16 KiB, however they arrive, and keeps serving', async () => {
      // Prepare
      const justOver = JSON.stringify({ type: 'sms', label: 'x'.repeat(16 * 1024) });
      const chunk = Buffer.alloc(8 * 1024, 'x');
      // Act
      const handlerRule = await call(url, 'POST', '/v1/users/u-big/factors', { body: justOver });
      const announced = await call(url, 'POST', '/v1/users/u-big/factors', {
        body: 'x'.repeat(5 * 1024 * 1024),
      });
      const chunked = await raw(url, 'POST', '/v1/users/u-big/factors', {
        headers: { 'x-api-key': API_KEY, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        chunks: Array.from({ length: 64 }, () => chunk),
      });
      const expectContinue = await raw(url, 'POST', '/v1/users/u-big/factors', {
        headers: { 'x-api-key': API_KEY, 'content-length': 10_000_000, expect: '100-continue' },
      });
      const after = await call(url, 'GET', '/v1/health');
      // Assess
      for (const answer of [handlerRule, announced]) {
        expect(answer.status).toBe(413);
        expect(answer.json).toMatchObject({ status: 413, code: 'payload_too_large' });
      }
      for (const answer of [chunked, expectContinue]) {
        expect(answer.status).toBe(413);
        expect(answer.headers['content-type']).toBe('application/problem+json');
        expect(JSON.parse(answer.text)).toMatchObject({ code: 'payload_too_large' });
      }
      expect(after.status).toBe(200);
    });

    it('reads a body of exactly 16 KiB', async () => {
      // Prepare: a label far too long for the schema, padded to the limit exactly
      const shell = JSON.stringify({ type: 'sms', destination: '+14155550112', label: '' });
      const body = JSON.stringify({
        type: 'sms',
        destination: '+14155550112',
        label: 'x'.repeat(16 * 1024 - Buffer.byteLength(shell)),
      });
      // Act
      const answer = await call(url, 'POST', '/v1/users/u-edge/factors', { body });
      // Assess
      expect(Buffer.byteLength(body)).toBe(16 * 1024);
      expect(answer.status).toBe(400);
      expect(answer.json.errors).toEqual([
        { path: '/label', message: expect.any(String) as unknown as string },
      ]);
    });

    it('answers 404 not_found for unknown routes, /_dev ones included', async () => {
      // Act
      const api = await call(url, 'GET', '/v1/nothing-here');
      const dev = await call(url, 'GET', '/_dev/nothing-here', { key: null });
      // Assess
      for (const answer of [api, dev]) {
        expect(answer.status).toBe(404);
        expect(answer.headers.get('content-type')).toBe('application/problem+json');
        expect(answer.json).toMatchObject({ status: 404, code: 'not_found' });
      }
    });

    it('answers 405 with Allow for a wrong method', async () => {
      // Act
      const api = await call(url, 'PUT', '/v1/users/u1/factors', { body: {} });
      const dev = await call(url, 'POST', '/_dev/outbox', { key: null });
      // Assess
      expect(api.status).toBe(405);
      expect(api.headers.get('allow')).toBe('POST, GET');
      expect(api.json).toMatchObject({ status: 405, code: 'method_not_allowed' });
      expect(dev.status).toBe(405);
      expect(dev.headers.get('allow')).toBe('GET, DELETE');
    });

    it('answers 400 for an invalid userId in the path', async () => {
      // Act
      const long = await call(url, 'GET', `/v1/users/${'a'.repeat(200)}/factors`);
      const nul = await call(url, 'GET', '/v1/users/%00/factors');
      const slash = await call(url, 'GET', '/v1/users/a%2Fb/factors');
      // Assess
      for (const answer of [long, nul, slash]) {
        expect(answer.status).toBe(400);
        expect(answer.json).toMatchObject({ code: 'invalid_request', errors: [{ path: '/path/userId' }] });
      }
    });

    it('answers malformed HTTP with 400 and oversized headers with 431, as problem JSON, and stays up', async () => {
      // Prepare
      const target = new URL(url);
      const exchange = (request: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(Number(target.port), target.hostname, () => socket.write(request));
          let received = '';
          socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
          socket.on('end', () => resolve(received));
          socket.on('error', reject);
        });
      // Act
      const garbage = await exchange('NOT HTTP AT ALL\r\n\r\n');
      const huge = await exchange(
        `GET /v1/health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      const after = await call(url, 'GET', '/v1/health');
      // Assess
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(garbage).toContain('content-type: application/problem+json');
      expect(garbage).toContain('"code":"invalid_request"');
      expect(huge).toMatch(/^HTTP\/1\.1 431 /);
      expect(huge).toContain('"code":"headers_too_large"');
      expect(after.status).toBe(200);
    });

    it('never answers 5xx, whatever the method, path, headers or body', async () => {
      // Prepare
      // Mostly valid ids from a small pool, so state builds up across runs and later
      // requests meet factors and challenges that earlier ones created.
      const segment = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('u1', 'u2', 'user.3@example', '01ARZ3NDEKTSV4RRFFQ69G5FAV') },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            '%00',
            '%',
            '%zz',
            '%2F',
            '%E0%A4%A',
            '..',
            '__proto__',
            'x'.repeat(300),
          ),
        },
      );
      const anyMethod = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD');
      const routed = fc
        .tuple(fc.constantFrom(...ROUTES), fc.array(segment, { minLength: 2, maxLength: 2 }))
        .chain(([route, [a, b]]) =>
          fc.tuple(
            fc.oneof(
              { weight: 4, arbitrary: fc.constant<string>(route.method) },
              { weight: 1, arbitrary: anyMethod },
            ),
            fc.constant(route.resource.replace(/\{\w+\}/, a as string).replace(/\{\w+\}/, b as string)),
          ),
        );
      const elsewhere = fc.tuple(
        anyMethod,
        fc.oneof(fc.webPath(), fc.constantFrom('/_dev', '/_dev/', '/_dev/outbox', '/_dev/x', '/')),
      );
      const target = fc.oneof({ weight: 4, arbitrary: routed }, { weight: 1, arbitrary: elsewhere });
      const query = fc.option(
        fc.dictionary(
          fc.constantFrom('limit', 'to', 'cursor', '__proto__', 'x'),
          fc.string({ maxLength: 30 }),
        ),
        { nil: undefined },
      );
      const plausible = fc
        .record(
          {
            type: fc.oneof(fc.constantFrom('sms', 'voice', 'email', 'totp'), fc.jsonValue()),
            destination: fc.oneof(fc.constantFrom('+14155550100', 'a@example.com', '+1'), fc.string()),
            code: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.jsonValue()),
            purpose: fc.oneof(fc.constant('sign_in'), fc.string()),
            method: fc.oneof(fc.constantFrom('challenge', 'totp', 'recovery_code'), fc.jsonValue()),
            channel: fc.oneof(fc.constantFrom('sms', 'voice', 'email'), fc.jsonValue()),
            label: fc.oneof(fc.string({ maxLength: 70 }), fc.jsonValue()),
            rememberDevice: fc.oneof(fc.boolean(), fc.jsonValue()),
            context: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value));
      const body = fc.option(
        fc.oneof(
          plausible,
          fc.json(),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constant('x'.repeat(17_000)),
        ),
        { nil: undefined },
      );
      const headers = fc.record({
        key: fc.oneof(
          { weight: 6, arbitrary: fc.constant(API_KEY) },
          { weight: 1, arbitrary: fc.constantFrom('wrong', '', undefined) },
        ),
        contentType: fc.constantFrom(
          undefined,
          'application/json',
          'application/json; charset=utf-8',
          'application/merge-patch+json',
          'text/plain',
          'multipart/form-data; boundary=x',
        ),
        idempotencyKey: fc.option(fc.stringMatching(/^[\x21-\x7e]{0,300}$/), { nil: undefined }),
      });
      const seen: number[] = [];
      // Act
      await fc.assert(
        fc.asyncProperty(target, query, body, headers, async ([m, p], q, b, h) => {
          const sent: Record<string, string> = {};
          if (h.key !== undefined) sent['x-api-key'] = h.key;
          if (h.contentType !== undefined) sent['content-type'] = h.contentType;
          if (h.idempotencyKey !== undefined) sent['idempotency-key'] = h.idempotencyKey;
          const search = q === undefined ? '' : `?${new URLSearchParams(q).toString()}`;
          const withBody = b !== undefined && m !== 'GET' && m !== 'HEAD';
          const response = await fetch(`${url}${p}${search}`, {
            method: m,
            headers: sent,
            ...(withBody ? { body: b } : {}),
          });
          const text = await response.text();
          seen.push(response.status);
          // Assess
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toBe('application/problem+json');
            if (m !== 'HEAD') expect(JSON.parse(text)).toMatchObject({ status: response.status });
          }
        }),
        { numRuns: 200 },
      );
      // Assess: the property reached handlers, not only the 404/405 answers
      expect(seen.some((status) => status < 300)).toBe(true);
      expect(seen.some((status) => status === 400)).toBe(true);
    }, 120_000);
  });

  describe('Unexpected failures', () => {
    it('answers 500 internal_error when the app throws, and logs only the error class', async () => {
      // Prepare: a failure whose message quotes a code, as JSON.parse messages quote input
      const lines: string[] = [];
      const failing = await startLocalServer({
        port: 0,
        app: {
          ...app,
          dispatch: () => Promise.reject(new SyntaxError('Unexpected token in {"code":"123456"}')),
        },
        requestLog: (line) => lines.push(line),
      });
      // Act
      const answer = await call(failing.url, 'POST', '/v1/users/u-500/verify', { body: { code: '123456' } });
      const after = await call(failing.url, 'GET', '/_dev/outbox', { key: null });
      await failing.close();
      // Assess
      expect(answer.status).toBe(500);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.json).toMatchObject({ status: 500, code: 'internal_error' });
      expect(answer.text).not.toContain('123456');
      expect(after.status).toBe(200);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^POST \/v1\/users\/\{userId\}\/verify 500 \d+\.\dms \(SyntaxError\)$/);
    });

    it('answers 500 when a handler produces a header Node refuses to send', async () => {
      // Prepare
      const failing = await startLocalServer({
        port: 0,
        app: {
          ...app,
          dispatch: () => Promise.resolve({ statusCode: 200, headers: { 'x-broken': 'a\r\nb' }, body: '{}' }),
        },
        requestLog: false,
      });
      // Act
      const answer = await call(failing.url, 'GET', '/v1/health');
      await failing.close();
      // Assess
      expect(answer.status).toBe(500);
      expect(answer.headers.get('x-broken')).toBeNull();
      expect(answer.json).toMatchObject({ code: 'internal_error' });
    });
  });

  describe('Development outbox', () => {
    beforeEach(() => app.outbox.clear());

    it('lists an SMS enrolment with its whole destination and code, without a key', async () => {
      // Prepare
      await call(url, 'POST', '/v1/users/u-out/factors', {
        body: { type: 'sms', destination: '+14155550133' },
      });
      // Act
      const answer = await call(url, 'GET', '/_dev/outbox?to=%2B14155550133', { key: null });
      // Assess
      expect(answer.status).toBe(200);
      const messages = answer.json.messages as Record<string, unknown>[];
      expect(messages).toHaveLength(1);
      expect(messages[0]).toEqual({
        id: expect.any(String) as unknown,
        channel: 'sms',
        to: '+14155550133',
        body: expect.stringMatching(/\b\d{6}\b/) as unknown,
        locale: 'en',
        sentAt: expect.any(String) as unknown,
      });
      expect(codeIn(messages[0]?.body as string)).toBe(app.lastCode('+14155550133'));
    });

    it('lists newest first, with subject for email, filtered by destination and limited', async () => {
      // Prepare
      await call(url, 'POST', '/v1/users/u-mix/factors', {
        body: { type: 'sms', destination: '+14155550134' },
      });
      await call(url, 'POST', '/v1/users/u-mix/factors', {
        body: { type: 'email', destination: 'Mix@Example.com' },
      });
      // Act
      const all = await call(url, 'GET', '/_dev/outbox', { key: null });
      const one = await call(url, 'GET', '/_dev/outbox?limit=1', { key: null });
      // An unencoded `+` arrives as a space: still found (the outbox matches leniently)
      const sms = await call(url, 'GET', '/_dev/outbox?to=+14155550134', { key: null });
      // Assess
      const messages = all.json.messages as Record<string, unknown>[];
      expect(messages.map((m) => m.channel)).toEqual(['email', 'sms']);
      expect(messages[0]).toMatchObject({ to: 'Mix@example.com', subject: expect.any(String) as unknown });
      expect(messages[1]).not.toHaveProperty('subject');
      expect(one.json.messages).toEqual([messages[0]]);
      expect(sms.json.messages).toEqual([messages[1]]);
    });

    it('answers 400 for an invalid limit', async () => {
      // Act
      const answers = await Promise.all(
        ['abc', '0', '501', '-1', '1.5', '99999'].map((limit) =>
          call(url, 'GET', `/_dev/outbox?limit=${limit}`, { key: null }),
        ),
      );
      const max = await call(url, 'GET', '/_dev/outbox?limit=500', { key: null });
      // Assess
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.json).toMatchObject({ code: 'invalid_request', errors: [{ path: '/query/limit' }] });
      }
      expect(max.status).toBe(200);
    });

    it('empties on DELETE', async () => {
      // Prepare
      await call(url, 'POST', '/v1/users/u-del/factors', {
        body: { type: 'sms', destination: '+14155550135' },
      });
      // Act
      const deleted = await call(url, 'DELETE', '/_dev/outbox', { key: null });
      const after = await call(url, 'GET', '/_dev/outbox', { key: null });
      // Assess
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect(after.json.messages).toEqual([]);
    });

    it('serves the outbox page at /_dev/ and /_dev, locked down by its CSP', async () => {
      // Act
      const slash = await call(url, 'GET', '/_dev/', { key: null });
      const bare = await call(url, 'GET', '/_dev', { key: null });
      // Assess
      for (const answer of [slash, bare]) {
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(answer.headers.get('content-security-policy')).toContain("connect-src 'self'");
        expect(answer.text).toBe(OUTBOX_PAGE_HTML);
      }
      expect(slash.text).toMatch(/^<!doctype html>/);
      expect(slash.text).toContain('/_dev/outbox');
      // Message text reaches the DOM only as text, and nothing is loaded from elsewhere.
      expect(slash.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      expect(slash.text).not.toMatch(/(src|href)="https?:/);
    });

    it("runs the page's script: phone bubbles, call transcript, mail, all message text as text", async () => {
      // Prepare: the page's own script against a minimal DOM, fed one message per channel
      const script = /<script>([\s\S]*)<\/script>/.exec(OUTBOX_PAGE_HTML)?.[1] ?? '';
      const hostile = '<img src=x onerror="alert(1)">';
      const messages = [
        {
          id: '3',
          channel: 'email',
          to: 'a@example.com',
          subject: `Code ${hostile}`,
          body: `Use 111111 ${hostile}`,
          sentAt: '2026-01-01T00:00:03Z',
        },
        {
          id: '2',
          channel: 'voice',
          to: '+14155550100',
          body: 'Your code is 2 2 2 2 2 2.',
          sentAt: '2026-01-01T00:00:02Z',
        },
        {
          id: '1',
          channel: 'sms',
          to: '+14155550100',
          body: `333333 هو رمز التحقق ${hostile}`,
          locale: 'ar',
          sentAt: '2026-01-01T00:00:01Z',
        },
      ];
      const dom = fakeDom(['status', 'thread', 'inbox', 'reader', 'filter', 'clear']);
      const fetched: string[] = [];
      const context = {
        document: dom.document,
        URLSearchParams,
        setTimeout: () => 0,
        clearTimeout: () => undefined,
        fetch: (input: string) => {
          fetched.push(input);
          return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ messages }) });
        },
      };
      // Act
      runInNewContext(script, context);
      await new Promise((resolve) => setImmediate(resolve));
      // Assess
      const thread = dom.byId('thread');
      const reader = dom.byId('reader');
      expect(fetched).toEqual(['/_dev/outbox?limit=200']);
      expect(thread.children.map((c) => c.className)).toEqual(['msg', 'msg']);
      expect(thread.children[0]?.textContent).toContain('Voice call transcript');
      expect(thread.children[1]?.textContent).toContain(`333333 هو رمز التحقق ${hostile}`);
      // Each message shows its language, and its text is laid out in it (Arabic right to left).
      expect(thread.children[1]?.children[0]?.textContent).toContain('ar (right to left)');
      expect(thread.children[1]?.children[1]).toMatchObject({ className: 'bubble', lang: 'ar', dir: 'auto' });
      expect(thread.children[0]?.children[0]?.textContent).toContain(' en ');
      expect(
        dom
          .all()
          .filter((n) => n.tag === 'mark')
          .map((n) => n.textContent),
      ).toEqual(expect.arrayContaining(['333333', '111111']));
      expect(dom.byId('inbox').children).toHaveLength(1);
      expect(reader.children[0]?.textContent).toBe(`Code ${hostile}`);
      expect(reader.textContent).toContain(`Use 111111 ${hostile}`);
      expect(dom.all().some((n) => n.tag === 'img')).toBe(false);
      expect(dom.byId('status').textContent).toMatch(/^3 message\(s\)/);
    });

    it('answers 403 to a Host name that is not local (DNS rebinding)', async () => {
      // Act
      const foreign = await raw(url, 'GET', '/_dev/outbox', { headers: { host: 'evil.example' } });
      const local = await raw(url, 'GET', '/_dev/outbox', { headers: { host: 'localhost:3000' } });
      // Assess
      expect(foreign.status).toBe(403);
      expect(JSON.parse(foreign.text)).toMatchObject({ code: 'forbidden' });
      expect(local.status).toBe(200);
    });
  });
});

describe('Module: local/server walk-through', () => {
  const phone = '+14155550177';
  let server: LocalServer;
  let url: string;
  const output: string[] = [];
  const capture = (...args: unknown[]): void => {
    output.push(
      args.map((a) => (typeof a === 'string' ? a : a instanceof Uint8Array ? '' : String(a))).join(' '),
    );
  };

  beforeAll(async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, method).mockImplementation(capture);
    }
    // The server's default request log (stdout), so the check below means something.
    ({ server, url } = await serve({ policy: { resendCooldownSeconds: 0 } }, 'default'));
  });

  afterAll(async () => {
    await server.close();
    jest.restoreAllMocks();
  });

  it('enrols a phone, activates it, sends a sign-in code and verifies it, logging no code or number', async () => {
    // Prepare
    const outbox = async (): Promise<string> => {
      const answer = await call(url, 'GET', `/_dev/outbox?to=${encodeURIComponent(phone)}&limit=1`, {
        key: null,
      });
      return (answer.json.messages as { body: string }[])[0]?.body ?? '';
    };
    // Act
    const enrolled = await call(url, 'POST', '/v1/users/walker/factors', {
      body: { type: 'sms', destination: phone },
    });
    const factorId = (enrolled.json.factor as { factorId: string }).factorId;
    const enrolCode = codeIn(await outbox());
    const activated = await call(url, 'POST', `/v1/users/walker/factors/${factorId}/activate`, {
      body: { code: enrolCode },
    });
    const challenged = await call(url, 'POST', '/v1/users/walker/challenges', {
      body: { purpose: 'sign_in' },
    });
    const signInCode = codeIn(await outbox());
    const verified = await call(url, 'POST', '/v1/users/walker/verify', { body: { code: signInCode } });
    // Assess
    expect(enrolled.status).toBe(201);
    expect(activated.status).toBe(200);
    expect(activated.json.factor).toMatchObject({ factorId, status: 'active' });
    expect(activated.json.recoveryCodes).toHaveLength(10);
    expect(challenged.status).toBe(202);
    expect(challenged.json).toMatchObject({ channel: 'sms', factorId, destinationMasked: '+1*******0177' });
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ status: 'approved', method: 'challenge', factorId });

    const logged = output.join('\n');
    expect(logged).toContain('POST /v1/users/{userId}/factors 201 ');
    expect(logged).toContain('POST /v1/users/{userId}/factors/{factorId}/activate 200 ');
    expect(logged).toContain('POST /v1/users/{userId}/verify 200 ');
    expect(logged).toContain('GET /_dev/outbox 200 ');
    for (const secret of [
      enrolCode,
      signInCode,
      phone,
      phone.slice(1),
      ...(activated.json.recoveryCodes as string[]),
    ]) {
      expect(logged).not.toContain(secret);
    }
    // Neither the user id nor the factor id: the log line names the route template only.
    expect(logged).not.toContain('walker');
    expect(logged).not.toContain(factorId);
    for (const line of output.join('').trim().split('\n')) {
      expect(line).toMatch(/^(GET|POST|DELETE) \/\S* \d{3} \d+\.\dms$/);
    }
  });
});
