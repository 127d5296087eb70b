/**
 * Smoke test of a deployed onetime API (issue 3, item 11): enrol a phone or an
 * e-mail address, activate it with the code that arrives, ask for a sign-in code
 * and verify it, asking the operator to type each code. It also checks that the
 * gateway refuses a request without the API key and answers an unknown route with
 * problem JSON, then erases the test user (unless --keep).
 *
 *   npm run smoke -- --url <ApiUrl> --api-key <key> --phone +14155550100
 *   npm run smoke -- --url <ApiUrl> --api-key <key> --email you@example.com
 *   npm run smoke -- --url http://localhost:3000 --api-key local-dev-key --email dev@example.com
 *
 * Codes are read from standard input (typed, or piped one per line); they are never printed.
 */
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run smoke -- --url <api url> --api-key <key> (--phone <E.164> | --email <address>)
       [--channel sms|voice|email] [--user <userId>] [--keep]

  --url       the ApiUrl output of the stack (or http://localhost:3000); env ONETIME_URL
  --api-key   the x-api-key value (see the ApiKeyValueCommand output); env ONETIME_API_KEY
  --phone     a phone number that can receive codes (in the SMS sandbox: a verified destination)
  --email     an address that can receive codes (in the SES sandbox: a verified identity)
  --channel   sms (default with --phone), voice, or email (default with --email)
  --user      the test user id (default smoke-<timestamp>)
  --keep      do not erase the test user at the end`;

interface Options {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly destination: string;
  readonly channel: 'sms' | 'voice' | 'email';
  readonly userId: string;
  readonly keep: boolean;
}

class SmokeFailure extends Error {}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string' },
      'api-key': { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string' },
      channel: { type: 'string' },
      user: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const url = values.url ?? process.env.ONETIME_URL;
  const apiKey = values['api-key'] ?? process.env.ONETIME_API_KEY;
  if (!url || !apiKey) throw new SmokeFailure(`--url and --api-key are required\n\n${USAGE}`);
  if ((values.phone === undefined) === (values.email === undefined)) {
    throw new SmokeFailure(`give exactly one of --phone and --email\n\n${USAGE}`);
  }
  const channel = values.channel ?? (values.phone !== undefined ? 'sms' : 'email');
  if (channel !== 'sms' && channel !== 'voice' && channel !== 'email') {
    throw new SmokeFailure(`--channel must be sms, voice or email`);
  }
  if ((channel === 'email') !== (values.email !== undefined)) {
    throw new SmokeFailure(`--channel ${channel} needs ${channel === 'email' ? '--email' : '--phone'}`);
  }
  return {
    baseUrl: url.endsWith('/') ? url : `${url}/`,
    apiKey,
    destination: (values.phone ?? values.email)!,
    channel,
    userId: values.user ?? `smoke-${Date.now()}`,
    keep: values.keep ?? false,
  };
}

type Json = Record<string, unknown>;

interface Answer {
  readonly status: number;
  readonly body: Json;
  readonly contentType: string;
}

class Api {
  constructor(private readonly options: Options) {}

  async call(method: string, path: string, body?: Json, withKey = true): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (withKey) headers['x-api-key'] = this.options.apiKey;
    const started = Date.now();
    const response = await fetch(new URL(path.replace(/^\//, ''), this.options.baseUrl), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: Json = {};
    try {
      parsed = text === '' ? {} : (JSON.parse(text) as Json);
    } catch {
      parsed = { raw: text.slice(0, 200) };
    }
    console.log(`  ${method} ${path} → ${response.status} (${Date.now() - started} ms)`);
    return { status: response.status, body: parsed, contentType: response.headers.get('content-type') ?? '' };
  }

  async expect(status: number, method: string, path: string, body?: Json): Promise<Json> {
    const answer = await this.call(method, path, body);
    if (answer.status !== status) {
      throw new SmokeFailure(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

/** Lines of standard input, one per prompt: works when typed and when piped. */
function promptReader(): { ask(question: string): Promise<string>; close(): void } {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question) {
      process.stdout.write(question);
      const next = await lines.next();
      if (next.done === true) throw new SmokeFailure('standard input ended before a code was entered');
      // A terminal echoes the typed line and its newline; piped input does not.
      if (!process.stdin.isTTY) process.stdout.write('\n');
      return String(next.value).trim();
    },
    close: () => rl.close(),
  };
}

function field(body: Json, ...path: string[]): string {
  let value: unknown = body;
  for (const key of path) value = (value as Json | undefined)?.[key];
  if (typeof value !== 'string')
    throw new SmokeFailure(`response has no ${path.join('.')}: ${JSON.stringify(body)}`);
  return value;
}

async function run(options: Options): Promise<void> {
  const api = new Api(options);
  const prompt = promptReader();
  const user = encodeURIComponent(options.userId);
  let enrolled = false;
  try {
    console.log(
      `onetime smoke test against ${options.baseUrl} as user ${options.userId} (${options.channel})`,
    );

    console.log('1. health and gateway checks');
    const health = await api.expect(200, 'GET', '/v1/health');
    if (health.status !== 'ok') throw new SmokeFailure(`health answered ${JSON.stringify(health)}`);
    const noKey = await api.call('GET', `/v1/users/${user}/factors`, undefined, false);
    if (noKey.status !== 401 && noKey.status !== 403) {
      throw new SmokeFailure(`a request without x-api-key answered ${noKey.status}, not 401/403`);
    }
    const unknown = await api.call('GET', '/v1/no-such-route');
    if (unknown.status !== 404 || !unknown.contentType.startsWith('application/problem+json')) {
      throw new SmokeFailure(
        `an unknown route answered ${unknown.status} ${unknown.contentType}, not 404 problem JSON`,
      );
    }

    console.log(`2. enrol ${options.channel} factor`);
    const added = await api.expect(201, 'POST', `/v1/users/${user}/factors`, {
      type: options.channel,
      destination: options.destination,
      label: 'smoke test',
    });
    enrolled = true;
    const factorId = field(added, 'factor', 'factorId');
    const masked = field(added, 'factor', 'destinationMasked');
    const enrolCode = await prompt.ask(`   Enter the code sent to ${masked}: `);
    const activated = await api.expect(
      200,
      'POST',
      `/v1/users/${user}/factors/${encodeURIComponent(factorId)}/activate`,
      {
        code: enrolCode,
      },
    );
    if (field(activated, 'factor', 'status') !== 'active')
      throw new SmokeFailure('the factor did not become active');
    const recovery = activated.recoveryCodes;
    console.log(
      `   factor ${factorId} active${Array.isArray(recovery) ? `; ${recovery.length} recovery codes issued (not shown)` : ''}`,
    );

    console.log('3. sign-in challenge and verify');
    const challenge = await api.expect(202, 'POST', `/v1/users/${user}/challenges`, {
      purpose: 'sign_in',
      factorId,
    });
    const challengeId = field(challenge, 'challengeId');
    const code = await prompt.ask(
      `   Enter the sign-in code sent to ${field(challenge, 'destinationMasked')}: `,
    );
    const verified = await api.expect(200, 'POST', `/v1/users/${user}/verify`, { code, purpose: 'sign_in' });
    if (verified.status !== 'approved') throw new SmokeFailure(`verify answered ${JSON.stringify(verified)}`);
    const state = await api.expect(
      200,
      'GET',
      `/v1/users/${user}/challenges/${encodeURIComponent(challengeId)}`,
    );
    console.log(`   challenge ${field(state, 'status')}, delivery ${JSON.stringify(state.delivery)}`);
    console.log('smoke test passed');
  } finally {
    prompt.close();
    if (enrolled && !options.keep) {
      console.log('4. erase the test user');
      await api
        .call('DELETE', `/v1/users/${user}`)
        .catch((error: unknown) => console.error(`   cleanup failed: ${String(error)}`));
    }
  }
}

async function main(): Promise<void> {
  try {
    await run(parseOptions(process.argv.slice(2)));
  } catch (error) {
    console.error(`\nsmoke test FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

void main();
