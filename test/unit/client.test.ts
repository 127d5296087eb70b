/**
 * The typed client's own parts: its generated types are what openapi-typescript
 * makes of the committed OpenAPI document today (regenerating gives the same file),
 * and Retry-After is read in both of its forms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRetryAfter } from '../../client';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

describe('Module: client', () => {
  it('has the types openapi-typescript generates from the committed document (run `npm run openapi`)', () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'onetime-client-'));
    const out = path.join(dir, 'schema.d.ts');
    try {
      // Act
      execFileSync(path.join(BIN, 'openapi-typescript'), ['lambdas/http/openapi/openapi.json', '-o', out], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      // Formatted as the committed file is: prettier, with the repository's settings for that path.
      const formatted = execFileSync(path.join(BIN, 'prettier'), ['--stdin-filepath', 'client/schema.d.ts'], {
        cwd: ROOT,
        input: readFileSync(out),
        encoding: 'utf8',
      });
      // Assess
      expect(formatted).toBe(readFileSync(path.join(ROOT, 'client', 'schema.d.ts'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it.each([
    ['5', 5],
    [' 12 ', 12],
    ['0', 0],
    ['Tue, 01 Dec 2026 10:00:30 GMT', 30],
    ['Tue, 01 Dec 2026 09:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ] as const)('reads Retry-After %p as %p seconds', (raw, seconds) => {
    expect(parseRetryAfter(raw, Date.UTC(2026, 11, 1, 10, 0, 0))).toBe(seconds);
  });
});
