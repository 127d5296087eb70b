/**
 * One local server per data folder. DynamoDB Local's files and the server secret
 * live in the data folder, but the development outbox lives in the server's memory:
 * two servers on one folder would share the codes and not the messages, which only
 * confuses. The first server takes `<folder>/server.lock` (created exclusively, with
 * its pid and URL); a second one is refused with a message naming the folder and the
 * process that holds it. A lock left by a process that is gone (SIGKILL, a crash) is
 * taken over.
 */
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../lambdas/contract/env';

/** A lock file younger than this that cannot be read yet is another server's, mid-write. */
const FRESH_MS = 5_000;

export interface DataLock {
  readonly file: string;
  /** Adds the server's URL, for the message a second server prints. */
  describe(url: string): void;
  release(): void;
}

interface LockContent {
  readonly pid: number;
  readonly url?: string;
  readonly startedAt: string;
}

export function lockDataFolder(folder: string): DataLock {
  const file = path.join(folder, 'server.lock');
  const startedAt = new Date().toISOString();
  const write = (content: LockContent, flag: 'wx' | 'w') =>
    writeFileSync(file, `${JSON.stringify(content)}\n`, { flag, mode: 0o600 });
  for (let attempt = 0; ; attempt++) {
    try {
      write({ pid: process.pid, startedAt }, 'wx');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = readLock(file);
    if (holder === undefined && Date.now() - statSync(file).mtimeMs < FRESH_MS) {
      // Unreadable but just made: another server is writing it this moment.
      throw new ConfigError(
        `the data folder ${folder} is being taken by another onetime server starting now`,
      );
    }
    if (holder && holder.pid !== process.pid && alive(holder.pid)) {
      const where = holder.url ? `, serving ${holder.url}` : '';
      throw new ConfigError(
        `the data folder ${folder} is in use by another onetime server (pid ${holder.pid}${where}, ` +
          `since ${holder.startedAt}); stop it, or start this one with ONETIME_DATA_DIR set to another ` +
          'folder or with ONETIME_IN_MEMORY=1',
      );
    }
    // Left by a process that is gone: take it over.
    unlinkSync(file);
  }
  let released = false;
  return {
    file,
    describe: (url) => write({ pid: process.pid, url, startedAt }, 'w'),
    release: () => {
      if (released) return;
      released = true;
      // Only our own lock: never remove one another process took over meanwhile.
      if (readLock(file)?.pid === process.pid) unlinkSync(file);
    },
  };
}

function readLock(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return {
      pid: parsed.pid,
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : 'an unknown time',
      ...(typeof parsed.url === 'string' ? { url: parsed.url } : {}),
    };
  } catch {
    // Unreadable or half-written: treated as left behind.
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
