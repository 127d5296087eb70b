/**
 * `npm start`: the whole service on this machine (docs/api.md, "Local server").
 * Reads the environment once, checks what can be checked before anything starts
 * (Node's version, the settings, the data folder's lock, the port), then starts
 * DynamoDB Local (or probes DYNAMODB_ENDPOINT), loads the server secret, builds the
 * local app and serves it over HTTP with the development outbox. SIGINT and SIGTERM
 * stop the server and DynamoDB Local; DynamoDB Local also stops by itself when this
 * process dies in a way that runs no handler (see LoopbackDynamoDb.java).
 *
 * Data lives under `<repo>/.onetime/` (ONETIME_DATA_DIR): DynamoDB Local's files
 * and the HMAC server secret, which must survive restarts or every stored code would
 * stop matching. With ONETIME_IN_MEMORY=1 nothing is written to disk.
 *
 * Every start-up failure is one line that names the setting at fault.
 */
import { DEFAULT_TABLE_NAME } from '../lambdas/contract/table';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, isIP, type Server } from 'node:net';
import path from 'node:path';
import { ensureTable } from '../lambdas/adapters/dynamodb/table';
import { ConfigError, readInt, readOptional, readString, type Env } from '../lambdas/contract/env';
import type { Log, LogFields } from '../lambdas/ports/log';
import { lockDataFolder, type DataLock } from './data-lock';
import {
  JAVA_MISSING,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  javaAvailable,
  startDynamoDbLocal,
  type RunningDynamoDb,
} from './dynamodb-local';
import { createLocalApp } from './local-app';
import { nodeVersionProblem } from './node-version';
import { startLocalServer, type LocalServer } from './server';

const REPO_ROOT = path.resolve(__dirname, '..');
const SECRET_BYTES = 32;
const SHUTDOWN_DEADLINE_MS = 10_000;
/** How long DYNAMODB_ENDPOINT has to answer the start-up probe. */
const PROBE_TIMEOUT_MS = 5_000;

interface LocalConfig {
  /** @default 3000 (PORT); 0 = any free port */
  readonly port: number;
  /** @default '127.0.0.1' (HOST); the outbox needs no key, so it stays local unless asked */
  readonly host: string;
  /** @default 'local-dev-key' (ONETIME_API_KEY) */
  readonly apiKey: string;
  /** An existing DynamoDB to use instead of starting one (DYNAMODB_ENDPOINT). */
  readonly endpoint: string | undefined;
  /** @default 'onetime' (TABLE_NAME) */
  readonly tableName: string;
  /** ONETIME_IN_MEMORY=1: keep nothing on disk. */
  readonly inMemory: boolean;
  /** @default '<repo>/.onetime' (ONETIME_DATA_DIR) */
  readonly dataDir: string;
}

function readConfig(env: Env): LocalConfig {
  const port = readInt(env, 'PORT', 3000);
  if (port > 65_535) throw new ConfigError(`PORT must be from 0 to 65535, got ${port}`);
  const endpoint = readOptional(env, 'DYNAMODB_ENDPOINT');
  if (endpoint !== undefined && !/^https?:$/.test(urlProtocol(endpoint))) {
    throw new ConfigError(`DYNAMODB_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`);
  }
  return {
    port,
    host: readString(env, 'HOST', '127.0.0.1'),
    apiKey: readString(env, 'ONETIME_API_KEY', 'local-dev-key'),
    endpoint,
    tableName: readString(env, 'TABLE_NAME', DEFAULT_TABLE_NAME),
    inMemory: ['1', 'true'].includes(readOptional(env, 'ONETIME_IN_MEMORY') ?? ''),
    dataDir: path.resolve(readString(env, 'ONETIME_DATA_DIR', path.join(REPO_ROOT, '.onetime'))),
  };
}

function urlProtocol(raw: string): string {
  try {
    return new URL(raw).protocol;
  } catch {
    return '';
  }
}

/** Loopback only: anything else makes the key-less outbox reachable from other machines. */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/**
 * The HMAC server secret: random per run in memory; otherwise created once (mode 0600)
 * and reused, so codes sent before a restart still verify after it.
 */
function serverSecret(inMemory: boolean, dataDir: string): Buffer {
  if (inMemory) return randomBytes(SECRET_BYTES);
  const file = path.join(dataDir, 'server-secret');
  try {
    // 'wx' fails if the file exists, so two starts at once cannot overwrite each other's secret.
    writeFileSync(file, randomBytes(SECRET_BYTES), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file);
  if (secret.length < SECRET_BYTES) {
    throw new ConfigError(`${file} holds fewer than ${SECRET_BYTES} bytes; delete it to make a new secret`);
  }
  return secret;
}

/** Unexpected errors only, to stderr: the message and the fields, which hold no codes or destinations. */
const consoleLog: Log = {
  info: () => undefined,
  warn: (message, fields) => process.stderr.write(`warn: ${format(message, fields)}\n`),
  error: (message, fields) => process.stderr.write(`error: ${format(message, fields)}\n`),
};

function format(message: string, fields: LogFields | undefined): string {
  const parts = Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  return [message, ...parts].join(' ');
}

/**
 * Holds the port from before DynamoDB Local starts (8–9 s on a slow machine) until
 * the HTTP server takes it over, so a busy PORT is reported at once. With PORT=0 the
 * port picked here is the one the server then uses.
 */
async function reservePort(port: number, host: string): Promise<{ port: number; release(): Promise<void> }> {
  const holder: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    holder.once('error', reject);
    holder.listen({ port, host, exclusive: true }, () => resolve());
  });
  const address = holder.address();
  const chosen = typeof address === 'object' && address ? address.port : port;
  return { port: chosen, release: () => new Promise((resolve) => holder.close(() => resolve())) };
}

/**
 * Asks DYNAMODB_ENDPOINT for one table name, once, with a short timeout: an answer
 * that is not DynamoDB's, or no answer, is reported as that setting's fault rather
 * than as the SDK's deserialisation error after its retries.
 */
async function probeEndpoint(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: PROBE_TIMEOUT_MS, requestTimeout: PROBE_TIMEOUT_MS },
  });
  try {
    const answer = await client.send(new ListTablesCommand({ Limit: 1 }));
    if (!Array.isArray(answer.TableNames)) throw new NotDynamoDb(answer.$metadata.httpStatusCode);
  } catch (error) {
    throw new ConfigError(endpointFault(endpoint, error));
  } finally {
    client.destroy();
  }
}

class NotDynamoDb extends Error {
  constructor(readonly status: number | undefined) {
    super('not DynamoDB');
  }
}

function endpointFault(endpoint: string, error: unknown): string {
  const setting = `DYNAMODB_ENDPOINT (${endpoint})`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  if (code === 'ECONNREFUSED')
    return `${setting}: nothing listens there (connection refused); start that DynamoDB, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${setting}: the host name does not resolve`;
  if (error instanceof NotDynamoDb || error instanceof SyntaxError || status !== undefined) {
    const answered = status === undefined ? '' : ` (HTTP ${status})`;
    if (error instanceof NotDynamoDb || error instanceof SyntaxError || status === 404)
      return `${setting} answered${answered}, but not as DynamoDB does: is it the right address?`;
    const name = error instanceof Error ? error.name : 'an error';
    return `${setting} refused the request${answered}: ${name}`;
  }
  const name = error instanceof Error ? error.name : String(error);
  if (name === 'TimeoutError' || code === 'ETIMEDOUT')
    return `${setting}: no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  return `${setting}: ${code ?? name}`;
}

function listenFault(error: unknown, config: LocalConfig): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return `PORT ${config.port} is in use on ${config.host}; set PORT to another port (0 = any free one)`;
  if (code === 'EACCES') return `PORT ${config.port}: not allowed to listen on ${config.host}:${config.port}`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `HOST ${config.host} is not an address of this machine`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const versionProblem = nodeVersionProblem(process.version);
  if (versionProblem) throw new ConfigError(versionProblem);
  // Read lazily by the SDK at first client use, so setting it before any client exists is enough.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const env: Env = { ...process.env };
  const config = readConfig(env);

  if (config.endpoint === undefined && !javaAvailable()) {
    process.stderr.write(`${JAVA_MISSING}\n`);
    process.exit(1);
  }

  let lock: DataLock | undefined;
  let reserved: Awaited<ReturnType<typeof reservePort>> | undefined;
  let dynamo: Promise<RunningDynamoDb> | undefined;
  let server: LocalServer | undefined;
  let stoppingSince: number | undefined;

  const stop = async (code: number): Promise<void> => {
    stoppingSince = Date.now();
    // Shutting down must not hang: whatever is still open after this is cut.
    setTimeout(() => process.exit(code), SHUTDOWN_DEADLINE_MS).unref();
    await server?.close().catch(() => undefined);
    await reserved?.release().catch(() => undefined);
    // Awaits a DynamoDB Local still starting too, so a signal during start-up leaves no Java behind.
    await (await dynamo?.catch(() => undefined))?.stop().catch(() => undefined);
    lock?.release();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stoppingSince === undefined) return void stop(0);
      // One Ctrl-C can arrive more than once (from the terminal, and relayed by npm); only
      // a later, deliberate one means "now".
      if (Date.now() - stoppingSince > 1_000) process.exit(130);
    });
  }
  // process.exit() from anywhere (the deadline above included) still frees the folder.
  process.once('exit', () => lock?.release());

  try {
    if (!config.inMemory) {
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      lock = lockDataFolder(config.dataDir);
    }
    try {
      reserved = await reservePort(config.port, config.host);
    } catch (error) {
      throw new ConfigError(listenFault(error, config));
    }
    if (!isLoopback(config.host)) {
      process.stderr.write(
        `warn: HOST=${config.host} makes the development outbox (/_dev/, every code sent, no API key) ` +
          'reachable from other machines; leave HOST unset (127.0.0.1) unless that is what you want\n',
      );
    }
    const secret = serverSecret(config.inMemory, config.dataDir);

    let endpoint = config.endpoint;
    let dataLocation: string;
    if (endpoint === undefined) {
      const dbPath = config.inMemory ? undefined : path.join(config.dataDir, 'dynamodb');
      if (dbPath) mkdirSync(dbPath, { recursive: true });
      dynamo = startDynamoDbLocal(dbPath ? { path: dbPath } : {});
      const running = await dynamo;
      endpoint = running.endpoint;
      running.process.once('exit', () => {
        if (stoppingSince !== undefined) return;
        process.stderr.write('DynamoDB Local stopped unexpectedly; shutting down.\n');
        void stop(1);
      });
      if (running.bound !== '127.0.0.1') {
        process.stderr.write(
          'warn: this Java cannot run LoopbackDynamoDb.java (no jdk.compiler module), so DynamoDB Local ' +
            'listens on every interface; a full JDK or Debian/Ubuntu default-jre-headless keeps it on 127.0.0.1\n',
        );
      }
      dataLocation = dbPath
        ? `DynamoDB Local (${endpoint}), files in ${dbPath}`
        : `DynamoDB Local (${endpoint}), in memory`;
    } else {
      await probeEndpoint(endpoint);
      dataLocation = `${endpoint} (DYNAMODB_ENDPOINT)`;
    }
    const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    try {
      await ensureTable(client, config.tableName);
    } catch (error) {
      const name = error instanceof Error ? error.name : String(error);
      throw new ConfigError(
        `TABLE_NAME "${config.tableName}" could not be created or read on ${endpoint}: ${name}`,
      );
    } finally {
      client.destroy();
    }

    const app = createLocalApp({
      endpoint,
      tableName: config.tableName,
      secret,
      apiKey: config.apiKey,
      env,
      log: consoleLog,
    });
    // Handed over in one step: the port is free only between these two lines.
    const port = reserved.port;
    await reserved.release();
    reserved = undefined;
    try {
      server = await startLocalServer({ port, host: config.host, app, demoApiKey: config.apiKey });
    } catch (error) {
      throw new ConfigError(listenFault(error, config));
    }
    lock?.describe(server.url);

    const secretNote = config.inMemory ? 'random for this run' : path.join(config.dataDir, 'server-secret');
    process.stdout.write(
      [
        `onetime local server listening on ${server.url}`,
        `  API key:       ${config.apiKey}  (send it as the x-api-key header)`,
        `  Outbox:        ${server.url}/_dev/  (SMS, voice and email land here; nothing is sent)`,
        `  Demo sign-in:  ${server.url}/_dev/demo`,
        `  Data:          table "${config.tableName}" on ${dataLocation}`,
        `  Server secret: ${secretNote}`,
        `  Try:           curl ${server.url}/v1/health`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    process.stderr.write(
      `onetime could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await stop(1);
  }
}

main().catch((error: unknown) => {
  // Config errors name the variable and the bad value; nothing here carries a code.
  process.stderr.write(
    `onetime could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
