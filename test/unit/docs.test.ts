/**
 * The repository carries its own contract: docs/api.md names every route the router
 * serves, every problem code of the catalogue with its status, and every policy
 * variable with its default; and no link in the README or docs/ leaves the
 * repository, nor does any code comment cite a contract kept elsewhere.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY } from '../../lambdas/domain/policy';
import { PROBLEMS } from '../../lambdas/http/openapi/problems';
import { ROUTES } from '../../lambdas/contract/routes';
import { POLICY_VARIABLES } from '../../lib/config';

const ROOT = path.resolve(__dirname, '..', '..');
const API_MD = readFileSync(path.join(ROOT, 'docs', 'api.md'), 'utf8');

/**
 * Files other work changes at the same time as issue 13 (send-code, verify, the
 * DynamoDB store, the message catalogue); their comments are left to it. Empty this
 * list once they cite docs/api.md.
 */
function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return files(rel, ext);
    return ext.test(name) ? [rel] : [];
  });
}

describe('docs/api.md', () => {
  it.each(ROUTES.map((r) => `${r.method} ${r.resource}`))('documents %s', (route) => {
    expect(API_MD).toContain(`**\`${route}`);
  });

  it.each(PROBLEMS.map((p) => [p.code, p.status] as const))(
    'lists %s with status %d in the error catalogue',
    (code, status) => {
      expect(API_MD).toMatch(new RegExp(`^\\|\\s*${status}\\s*\\|\\s*\`${code}\`\\s*\\|`, 'm'));
    },
  );

  it('lists every policy variable, with its default', () => {
    // Prepare
    const defaults: Record<string, number> = {
      ONETIME_CODE_LENGTH: DEFAULT_POLICY.codeLength,
      ONETIME_CODE_TTL_SECONDS: DEFAULT_POLICY.codeTtlSeconds,
      ONETIME_MAX_ATTEMPTS: DEFAULT_POLICY.maxAttempts,
      ONETIME_HARD_LOCK_AFTER: DEFAULT_POLICY.hardLockAfter,
      ONETIME_CHALLENGE_RETENTION_SECONDS: DEFAULT_POLICY.challengeRetentionSeconds,
    };
    // Assess
    for (const variable of POLICY_VARIABLES) expect(API_MD).toContain(`\`${variable}\``);
    for (const [variable, value] of Object.entries(defaults))
      expect(API_MD).toMatch(new RegExp(`\\| \`${variable}\`\\s*\\| ${value}\\s*\\|`));
  });
});

describe('Links and citations', () => {
  it.each(['README.md', ...files('docs', /\.md$/)])('%s links only inside the repository', (file) => {
    // Prepare
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    // Act
    const outside = targets.filter((target) => {
      if (target.startsWith('#')) return false;
      if (/^[a-z]+:/i.test(target)) return true;
      const resolved = path.resolve(path.dirname(path.join(ROOT, file)), target.split('#')[0] as string);
      return !resolved.startsWith(`${ROOT}${path.sep}`) || !existsSync(resolved);
    });
    // Assess
    expect(outside).toEqual([]);
  });

  it('finds the links it checks (the README has several)', () => {
    expect(
      [...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)].length,
    ).toBeGreaterThan(3);
  });

  it('no README, doc or code comment cites a contract kept outside the repository', () => {
    // Prepare
    const candidates = [
      'README.md',
      ...files('docs', /\.md$/),
      ...['lambdas', 'lib', 'local', 'bin', 'bench', 'scripts', 'test'].flatMap((d) =>
        files(d, /\.(ts|js|java)$/),
      ),
    ].filter((f) => f !== 'test/unit/docs.test.ts');
    // Act
    const citing = candidates.filter((f) =>
      /\bSPEC\b|\.\.\/shared/.test(readFileSync(path.join(ROOT, f), 'utf8')),
    );
    // Assess
    expect(candidates.length).toBeGreaterThan(50);
    expect(citing).toEqual([]);
  });
});
