/**
 * `npm start` as a developer runs it: local/main.ts in a child process (through
 * tsx, as package.json does), waiting for the URL it prints, calling it, and
 * stopping it with SIGTERM. Also the two ways it must refuse to start: no Java
 * (one clear line, exit 1) and a malformed variable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { JAVA_MISSING } from '../../local/dynamodb-local';
import { API_KEY, endpoint } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
// tsx's own entry run by this very node, so the child needs nothing from PATH (see the Java test).
const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface Started {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function start(env: Record<string, string | undefined>): Started {
  const base: Record<string, string | undefined> = { ...process.env };
  // The run's own DynamoDB Local must not leak in unless a test asks for it.
  delete base.DYNAMODB_ENDPOINT;
  const child = spawn(process.execPath, [TSX_CLI, 'local/main.ts'], {
    cwd: ROOT,
    env: { ...base, PORT: '0', ONETIME_IN_MEMORY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The URL the server printed, once it has printed it. */
async function printedUrl(started: Started, timeoutMs = 25_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(started.stdout());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null) throw new Error(`exited early: ${started.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no URL printed: ${started.stdout()} ${started.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(started: Started): Promise<number | null> {
  if (started.child.exitCode === null) started.child.kill('SIGTERM');
  return started.exited;
}

describe('Module: local/main', () => {
  const running: Started[] = [];
  afterAll(async () => {
    // A failed assertion must not leave a server (or its DynamoDB Local) behind.
    for (const started of running) if (started.child.exitCode === null) started.child.kill('SIGKILL');
  });

  it('serves on the DynamoDB of DYNAMODB_ENDPOINT, creating the table, and exits on SIGTERM', async () => {
    // Prepare
    const tableName = `main_${process.pid}_${Date.now().toString(36)}`;
    const started = start({ DYNAMODB_ENDPOINT: endpoint(), TABLE_NAME: tableName, ONETIME_API_KEY: API_KEY });
    running.push(started);
    const url = await printedUrl(started);
    // Act
    const health = await fetch(`${url}/v1/health`);
    const enrolled = await fetch(`${url}/v1/users/main-user/factors`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'email', destination: 'dev@example.com' }),
    });
    const code = await stop(started);
    // Assess
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(enrolled.status).toBe(201);
    expect(started.stdout()).toContain(`API key:       ${API_KEY}`);
    expect(started.stdout()).toContain(`${url}/_dev/`);
    expect(started.stdout()).toContain(`table "${tableName}"`);
    expect(started.stderr()).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it('starts its own in-memory DynamoDB Local, and stops it on SIGTERM', async () => {
    // Prepare
    const started = start({});
    running.push(started);
    const url = await printedUrl(started);
    const dynamo = /DynamoDB Local \((http:\/\/[^)]+)\), in memory/.exec(started.stdout())?.[1];
    // Act
    const health = await fetch(`${url}/v1/health`);
    const code = await stop(started);
    const dynamoAfter = await fetch(dynamo ?? 'http://127.0.0.1:1').then(
      () => 'still up',
      () => 'gone',
    );
    // Assess
    expect(health.status).toBe(200);
    expect(started.stdout()).toContain('API key:       local-dev-key');
    expect(started.stdout()).toContain('random for this run');
    expect(dynamo).toBeDefined();
    expect(code).toBe(0);
    expect(dynamoAfter).toBe('gone');
  }, 40_000);

  it('prints exactly the JAVA_MISSING line and exits 1 when java is missing', async () => {
    // Prepare: a PATH with no java on it
    const started = start({ PATH: '/nonexistent' });
    running.push(started);
    // Act
    const code = await started.exited;
    // Assess
    expect(code).toBe(1);
    expect(started.stderr()).toBe(`${JAVA_MISSING}\n`);
    expect(started.stdout()).toBe('');
  }, 20_000);

  it('refuses a malformed variable with one line naming it', async () => {
    // Prepare
    const started = start({ PORT: 'eighty', DYNAMODB_ENDPOINT: endpoint() });
    running.push(started);
    // Act
    const code = await started.exited;
    // Assess
    expect(code).toBe(1);
    expect(started.stderr()).toBe('onetime could not start: PORT must be a whole number, got "eighty"\n');
  }, 20_000);
});
