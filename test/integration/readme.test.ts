/**
 * The README's curl walk-through, run as a developer would paste it: the block
 * between its markers, in bash, against a fresh local server on the real clock (so
 * its delivery dates, computed at run time, are inside their window). Every line
 * it prints must match the `# → {…}` comment it shows (`…` stands for anything).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureTable } from '../../lambdas/adapters/dynamodb/table';
import { createLocalApp, silentLog } from '../../local/local-app';
import { startLocalServer, type LocalServer } from '../../local/server';
import { endpoint, rawClient } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

function walkThrough(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- walk-through:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walk-through:end -->/.exec(
    readme,
  );
  if (!block?.[1]) throw new Error('README has no walk-through block between its markers');
  return block[1];
}

describe('README walk-through', () => {
  let server: LocalServer;

  beforeAll(async () => {
    const tableName = `readme_${process.pid}_${Date.now().toString(36)}`;
    const raw = rawClient();
    await ensureTable(raw, tableName);
    raw.destroy();
    const app = createLocalApp({
      endpoint: endpoint(),
      tableName,
      secret: randomBytes(32),
      apiKey: 'local-dev-key',
      log: silentLog,
    });
    server = await startLocalServer({ port: 0, app, requestLog: false });
  });

  afterAll(async () => {
    await server.close();
  });

  it('runs as written and prints what its comments show', async () => {
    // Prepare
    const script = walkThrough();
    const expected = script
      .split('\n')
      .map((line) => /^# → (\{.*\})(\s{2,}.*)?$/.exec(line)?.[1])
      .filter((line): line is string => line !== undefined && !line.startsWith('{"factor"'));
    // Act
    // Not spawnSync: the server answering the script runs in this very process.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
        env: { ...process.env, API: server.url },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.once('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
    const printed = run.stdout.trim().split('\n');
    // Assess
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(expected).toHaveLength(8);
    expect(printed).toHaveLength(expected.length);
    expected.forEach((shown, i) => {
      const pattern = new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*')}$`);
      expect(printed[i]).toMatch(pattern);
    });
  }, 90_000);
});
