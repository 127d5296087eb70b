/**
 * `npm start`: the whole service on this machine (SPEC §4). Reads the environment
 * once, starts DynamoDB Local (or uses DYNAMODB_ENDPOINT), loads the server secret,
 * builds the local app and serves it over HTTP with the development outbox. Stops
 * both cleanly on Ctrl-C / SIGTERM.
 *
 * Data lives under `<repo>/.onetime/`: DynamoDB Local's files and the HMAC server
 * secret, which must survive restarts or every stored code would stop matching.
 * With ONETIME_IN_MEMORY=1 nothing is written to disk.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureTable } from '../lambdas/adapters/dynamodb/table';
import { ConfigError, readInt, readOptional, readString, type Env } from '../lambdas/config/env';
import type { Log, LogFields } from '../lambdas/observability/log';
import {
  JAVA_MISSING,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  javaAvailable,
  startDynamoDbLocal,
  type RunningDynamoDb,
} from './dynamodb-local';
import { createLocalApp } from './local-app';
import { startLocalServer, type LocalServer } from './server';

const REPO_ROOT = path.resolve(__dirname, '..');
const DATA_DIR = path.join(REPO_ROOT, '.onetime');
const SECRET_BYTES = 32;
const SHUTDOWN_DEADLINE_MS = 10_000;

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
}

function readConfig(env: Env): LocalConfig {
  return {
    port: readInt(env, 'PORT', 3000),
    host: readString(env, 'HOST', '127.0.0.1'),
    apiKey: readString(env, 'ONETIME_API_KEY', 'local-dev-key'),
    endpoint: readOptional(env, 'DYNAMODB_ENDPOINT'),
    tableName: readString(env, 'TABLE_NAME', 'onetime'),
    inMemory: ['1', 'true'].includes(readOptional(env, 'ONETIME_IN_MEMORY') ?? ''),
  };
}

/**
 * The HMAC server secret: random per run in memory; otherwise created once (mode 0600)
 * and reused, so codes sent before a restart still verify after it.
 */
function serverSecret(inMemory: boolean): Buffer {
  if (inMemory) return randomBytes(SECRET_BYTES);
  const file = path.join(DATA_DIR, 'server-secret');
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
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

async function main(): Promise<void> {
  // Read lazily by the SDK at first client use, so setting it before any client exists is enough.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const env: Env = { ...process.env };
  const config = readConfig(env);

  if (config.endpoint === undefined && !javaAvailable()) {
    process.stderr.write(`${JAVA_MISSING}\n`);
    process.exit(1);
  }

  const secret = serverSecret(config.inMemory);
  let dynamo: Promise<RunningDynamoDb> | undefined;
  let server: LocalServer | undefined;
  let stoppingSince: number | undefined;

  const stop = async (code: number): Promise<void> => {
    stoppingSince = Date.now();
    // Shutting down must not hang: whatever is still open after this is cut.
    setTimeout(() => process.exit(code), SHUTDOWN_DEADLINE_MS).unref();
    await server?.close().catch(() => undefined);
    // Awaits a DynamoDB Local still starting too, so a Ctrl-C during start-up leaves no Java behind.
    await (await dynamo?.catch(() => undefined))?.stop().catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stoppingSince === undefined) return void stop(0);
      // One Ctrl-C can arrive twice (from the terminal, and relayed by tsx); only a later,
      // deliberate one means "now".
      if (Date.now() - stoppingSince > 1_000) process.exit(130);
    });
  }

  try {
    let endpoint = config.endpoint;
    let dataLocation: string;
    if (endpoint === undefined) {
      const dbPath = config.inMemory ? undefined : path.join(DATA_DIR, 'dynamodb');
      if (dbPath) mkdirSync(dbPath, { recursive: true });
      dynamo = startDynamoDbLocal(dbPath ? { path: dbPath } : {});
      const running = await dynamo;
      endpoint = running.endpoint;
      running.process.once('exit', () => {
        if (stoppingSince !== undefined) return;
        process.stderr.write('DynamoDB Local stopped unexpectedly; shutting down.\n');
        void stop(1);
      });
      dataLocation = dbPath
        ? `DynamoDB Local (${endpoint}), files in ${dbPath}`
        : `DynamoDB Local (${endpoint}), in memory`;
    } else {
      dataLocation = `${endpoint} (DYNAMODB_ENDPOINT)`;
    }
    const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    try {
      await ensureTable(client, config.tableName);
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
    server = await startLocalServer({ port: config.port, host: config.host, app });

    const secretNote = config.inMemory ? 'random for this run' : path.join(DATA_DIR, 'server-secret');
    process.stdout.write(
      [
        `onetime local server listening on ${server.url}`,
        `  API key:       ${config.apiKey}  (send it as the x-api-key header)`,
        `  Outbox:        ${server.url}/_dev/  (SMS, voice and email land here; nothing is sent)`,
        `  Data:          table "${config.tableName}" on ${dataLocation}`,
        `  Server secret: ${secretNote}`,
        `  Try:           curl ${server.url}/v1/health`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    process.stderr.write(`onetime could not start: ${startupReason(error, config)}\n`);
    await stop(1);
  }
}

function startupReason(error: unknown, config: LocalConfig): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return `port ${config.port} is in use; set PORT to another port (0 = any free one)`;
  if (code === 'EACCES') return `not allowed to listen on ${config.host}:${config.port}`;
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  // Config errors name the variable and the bad value; nothing here carries a code.
  process.stderr.write(
    `onetime could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
