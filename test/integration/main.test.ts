/**
 * `npm start` as a developer runs it: local/main.ts in a child process (node with
 * tsx's loader, as package.json's start script runs it, or through npm itself), waiting for the URL it prints,
 * calling it, and stopping it with SIGTERM or SIGINT; afterwards no Java may be
 * left. Also every way it must refuse to start, each with one line naming the
 * setting at fault: no Java, a malformed variable, a busy port (found before any
 * Java starts), a data folder another server holds, a DYNAMODB_ENDPOINT that does
 * not answer or is not DynamoDB; and the warning for a HOST beyond loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAVA_MISSING } from '../../local/dynamodb-local';
import { MIN_NODE_TEXT } from '../../local/node-version';
import { API_KEY, endpoint } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
// As package.json's start script: this very node with tsx's loader, so the child needs nothing
// from PATH (see the Java test) and is the server itself, with no relaying process between.
const NODE_ARGS = ['--import', 'tsx', 'local/main.ts'];

interface Started {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function start(env: Record<string, string | undefined>, via: 'node' | 'npm' = 'node'): Started {
  const base: Record<string, string | undefined> = { ...process.env };
  // The run's own DynamoDB Local must not leak in unless a test asks for it.
  delete base.DYNAMODB_ENDPOINT;
  const [command, args] = via === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, NODE_ARGS];
  const child = spawn(command, args, {
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

async function stop(started: Started, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (started.child.exitCode === null) started.child.kill(signal);
  return started.exited;
}

/** Pids of the Java processes serving DynamoDB Local on `port` (read from /proc). */
function javaOnPort(port: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args[0]?.endsWith('java') === true && args.includes('-port') && args.includes(port);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** The local addresses listening on `port`, from /proc/net/tcp and tcp6 (hex, as the kernel gives them). */
function listeningAddresses(port: string): string[] {
  const hexPort = Number(port).toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => (cols[1] as string).split(':')[0] as string),
  );
}

const LOOPBACK_HEX = new Set([
  '0100007F',
  '0000000000000000FFFF00000100007F',
  '00000000000000000000000001000000',
]);

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

/** A pid that no process has now: a child that has already exited. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(gone.stdout);
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

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'npm start runs DynamoDB Local on 127.0.0.1 without telemetry, and %s to npm stops both, leaving no Java',
    async (signal) => {
      // Prepare
      const started = start({}, 'npm');
      running.push(started);
      const url = await printedUrl(started, 40_000);
      const dynamo = /DynamoDB Local \((http:\/\/[^)]+)\), in memory/.exec(started.stdout())?.[1] ?? '';
      const dynamoPort = new URL(dynamo).port;
      const java = javaOnPort(dynamoPort);
      const javaArgs = java[0] ? readFileSync(`/proc/${java[0]}/cmdline`, 'utf8').split('\0') : [];
      const addresses = listeningAddresses(dynamoPort);
      // Act
      const health = await fetch(`${url}/v1/health`);
      const code = await stop(started, signal);
      const javaGone = await until(() => javaOnPort(dynamoPort).length === 0, 5_000);
      const serverAfter = await fetch(`${url}/v1/health`).then(
        () => 'still up',
        () => 'gone',
      );
      // Assess
      expect(health.status).toBe(200);
      expect(started.stdout()).toContain('API key:       local-dev-key');
      expect(started.stdout()).toContain('random for this run');
      expect(java).toHaveLength(1);
      expect(javaArgs).toEqual(expect.arrayContaining(['-disableTelemetry', '-inMemory']));
      expect(addresses.length).toBeGreaterThan(0);
      expect(addresses.filter((hex) => !LOOPBACK_HEX.has(hex))).toEqual([]);
      expect(code).toBe(0);
      expect(javaGone).toBe(true);
      expect(serverAfter).toBe('gone');
      expect(started.stderr()).toBe('');
    },
    60_000,
  );

  it('leaves no Java behind when the server process is killed with SIGKILL (no handler runs)', async () => {
    // Prepare
    const started = start({});
    running.push(started);
    await printedUrl(started, 40_000);
    const dynamo = /DynamoDB Local \((http:\/\/[^)]+)\), in memory/.exec(started.stdout())?.[1] ?? '';
    const dynamoPort = new URL(dynamo).port;
    // Act
    const before = javaOnPort(dynamoPort);
    started.child.kill('SIGKILL');
    await started.exited;
    const javaGone = await until(() => javaOnPort(dynamoPort).length === 0, 10_000);
    // Assess
    expect(before).toHaveLength(1);
    expect(javaGone).toBe(true);
  }, 60_000);

  it('reports a busy PORT at once, naming it, before any Java is started', async () => {
    // Prepare: the port taken, and a `java` on PATH that records every use but the two checks
    const blocker = createServer();
    const port = await listen(blocker);
    const bin = mkdtempSync(path.join(tmpdir(), 'onetime-java-'));
    const marker = path.join(bin, 'started');
    const realJava = spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      path.join(bin, 'java'),
      `#!/bin/sh\ncase "$1" in -version|--list-modules) exec ${realJava} "$@";; esac\ntouch ${marker}\nexit 1\n`,
    );
    chmodSync(path.join(bin, 'java'), 0o755);
    // Act
    const started = start({ PORT: String(port), PATH: `${bin}:${process.env.PATH ?? ''}` });
    running.push(started);
    const code = await started.exited;
    blocker.close();
    // Assess
    expect(code).toBe(1);
    expect(started.stderr()).toBe(
      `onetime could not start: PORT ${port} is in use on 127.0.0.1; set PORT to another port (0 = any free one)\n`,
    );
    expect(existsSync(marker)).toBe(false);
    rmSync(bin, { recursive: true, force: true });
  }, 20_000);

  it('refuses PORT out of range, naming it', async () => {
    // Act
    const started = start({ PORT: '70000', DYNAMODB_ENDPOINT: endpoint() });
    running.push(started);
    const code = await started.exited;
    // Assess
    expect(code).toBe(1);
    expect(started.stderr()).toBe('onetime could not start: PORT must be from 0 to 65535, got 70000\n');
  }, 20_000);

  it('runs one server per data folder: a second one is refused with the folder and the first one named', async () => {
    // Prepare
    const dataDir = mkdtempSync(path.join(tmpdir(), 'onetime-data-'));
    const env = {
      DYNAMODB_ENDPOINT: endpoint(),
      TABLE_NAME: `lock_${process.pid}_${Date.now().toString(36)}`,
      ONETIME_IN_MEMORY: '',
      ONETIME_DATA_DIR: dataDir,
    };
    const first = start(env);
    running.push(first);
    const url = await printedUrl(first);
    // Act
    const second = start(env);
    running.push(second);
    const secondCode = await second.exited;
    const lockWhileRunning = JSON.parse(readFileSync(path.join(dataDir, 'server.lock'), 'utf8')) as {
      pid: number;
    };

    const firstCode = await stop(first);
    const lockAfter = existsSync(path.join(dataDir, 'server.lock'));
    // Assess
    expect(secondCode).toBe(1);
    expect(second.stderr()).toContain(`the data folder ${dataDir} is in use by another onetime server`);
    expect(second.stderr()).toContain(`pid ${lockWhileRunning.pid}, serving ${url}`);
    expect(lockWhileRunning.pid).toBe(first.child.pid);
    expect(second.stderr().trim().split('\n')).toHaveLength(1);
    expect(firstCode).toBe(0);
    expect(lockAfter).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  it('takes over a lock left by a process that is gone', async () => {
    // Prepare
    const dataDir = mkdtempSync(path.join(tmpdir(), 'onetime-data-'));
    writeFileSync(
      path.join(dataDir, 'server.lock'),
      JSON.stringify({ pid: deadPid(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const started = start({
      DYNAMODB_ENDPOINT: endpoint(),
      TABLE_NAME: `stale_${process.pid}_${Date.now().toString(36)}`,
      ONETIME_IN_MEMORY: '',
      ONETIME_DATA_DIR: dataDir,
    });
    running.push(started);
    // Act
    const url = await printedUrl(started);
    const health = await fetch(`${url}/v1/health`);
    const code = await stop(started);
    // Assess
    expect(health.status).toBe(200);
    expect(code).toBe(0);
    expect(started.stderr()).toBe('');
    rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  it('names DYNAMODB_ENDPOINT when nothing listens there, when it is not DynamoDB, and when it is no URL', async () => {
    // Prepare: a closed port, and a web server that is not DynamoDB
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((r) => closed.close(r));
    const web = createHttpServer((_req, res) =>
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>no</p>'),
    );
    const webPort = await new Promise<number>((resolve) =>
      web.listen(0, '127.0.0.1', () => resolve((web.address() as { port: number }).port)),
    );
    const refusedUrl = `http://127.0.0.1:${closedPort}`;
    const webUrl = `http://127.0.0.1:${webPort}`;
    // Act
    const refused = start({ DYNAMODB_ENDPOINT: refusedUrl });
    const notDynamo = start({ DYNAMODB_ENDPOINT: webUrl });
    const notUrl = start({ DYNAMODB_ENDPOINT: 'localhost:8000' });
    running.push(refused, notDynamo, notUrl);
    const codes = await Promise.all([refused.exited, notDynamo.exited, notUrl.exited]);
    web.close();
    // Assess
    expect(codes).toEqual([1, 1, 1]);
    expect(refused.stderr()).toBe(
      `onetime could not start: DYNAMODB_ENDPOINT (${refusedUrl}): nothing listens there (connection refused); start that DynamoDB, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local\n`,
    );
    expect(notDynamo.stderr()).toBe(
      `onetime could not start: DYNAMODB_ENDPOINT (${webUrl}) answered (HTTP 404), but not as DynamoDB does: is it the right address?\n`,
    );
    expect(notUrl.stderr()).toBe(
      'onetime could not start: DYNAMODB_ENDPOINT must be an http:// or https:// URL, got "localhost:8000"\n',
    );
  }, 30_000);

  it('warns when HOST exposes the outbox beyond loopback, and not for loopback', async () => {
    // Prepare
    const env = {
      DYNAMODB_ENDPOINT: endpoint(),
      TABLE_NAME: `host_${process.pid}_${Date.now().toString(36)}`,
    };
    const wide = start({ ...env, HOST: '0.0.0.0' });
    const local = start({ ...env, HOST: 'localhost' });
    running.push(wide, local);
    // Act
    await Promise.all([printedUrl(wide), printedUrl(local)]);
    const codes = await Promise.all([stop(wide), stop(local)]);
    // Assess
    expect(codes).toEqual([0, 0]);
    expect(wide.stderr()).toBe(
      'warn: HOST=0.0.0.0 makes the development outbox (/_dev/, every code sent, no API key) reachable from other machines; leave HOST unset (127.0.0.1) unless that is what you want\n',
    );
    expect(local.stderr()).toBe('');
  }, 30_000);

  it('states the Node version it needs in package.json, as the start-up check does', () => {
    // Prepare
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      engines?: { node?: string };
    };
    // Assess
    expect(pkg.engines?.node).toBe(`>=${MIN_NODE_TEXT}.0`);
  });

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
