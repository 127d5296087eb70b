/**
 * The layers are enforced by lint, not by the README alone: an import that runs the
 * wrong way, a circle, or a file over 350 lines fails `npm run lint`. These tests
 * feed ESLint, with the project's own configuration, the imports a careless change
 * would write.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

// ESLint's flat config is an ES module, which jest's VM cannot load: lint in a child
// node with the project's configuration, every snippet in one run.
const LINT = `
import { ESLint } from 'eslint';
import * as path from 'node:path';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, code] of cases) {
  const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
  out.push(result.messages.map((m) => (m.ruleId ?? 'parse') + ': ' + m.message));
}
process.stdout.write(JSON.stringify(out));
`;

type Case = readonly [file: string, code: string];

const REFUSED: readonly Case[] = [
  [
    'lambdas/domain/x.ts',
    "import { DynamoDbVerificationState } from '../adapters/dynamodb/verification-state-store';",
  ],
  ['lambdas/domain/x.ts', "import type { AppDeps } from '../app/deps';"],
  ['lambdas/domain/x.ts', "import type { Sender } from '../ports/sender';"],
  ['lambdas/app/x.ts', "import { problemOf } from '../http/problem-response';"],
  ['lambdas/app/x.ts', "import { documentClient } from '../adapters/dynamodb/client';"],
  ['lambdas/app/x.ts', "import { readPolicy } from '../contract/policy-env';"],
  ['lambdas/ports/x.ts', "import { sendCode } from '../app/send-code';"],
  ['lambdas/adapters/x.ts', "import { sendCode } from '../app/send-code';"],
  ['lambdas/http/x.ts', "import { wireApp } from '../wiring/wire-app';"],
  ['lambdas/observability/x.ts', "import { httpHandler } from '../http/http-handler';"],
  ['lib/x.ts', "import { DEFAULT_POLICY } from '../lambdas/domain/policy';"],
  ['lib/x.ts', "import { awsDeps } from '../lambdas/wiring/aws';"],
  ['lambdas/app/x.ts', "import { silentLog } from '../../local/local-app';"],
];

const ALLOWED: readonly Case[] = [
  ['lambdas/app/x.ts', "import type { AppDeps } from './deps';\nimport { iso } from './reply';"],
  [
    'lambdas/adapters/x.ts',
    "import type { FactorStore } from '../ports/factor-store';\nimport { TABLE_SCHEMA } from '../contract/table';",
  ],
  [
    'lambdas/wiring/x.ts',
    "import { dynamoDbStores } from '../adapters/dynamodb/stores';\nimport { sendCode } from '../app/send-code';",
  ],
  ['lib/x.ts', "import { ROUTES } from '../lambdas/contract/routes';"],
];

const LONG: Case = [
  'lambdas/domain/x.ts',
  Array.from({ length: 351 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n',
];

// reply.ts is imported by send-code.ts: importing it back closes a circle.
const CIRCLE: Case = [
  'lambdas/app/reply.ts',
  "import { sendCode } from './send-code';\nexport const again = sendCode;\n",
];

const withUse = ([file, code]: Case): Case => [file, `${code}\nexport const used = 1;\n`];

describe('Architecture: import zones', () => {
  let found: string[][] = [];

  beforeAll(() => {
    // Prepare & Act
    const cases = [...REFUSED.map(withUse), ...ALLOWED.map(withUse), LONG, CIRCLE];
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(cases)], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    found = JSON.parse(out) as string[][];
  }, 120_000);

  it.each(REFUSED.map((c, i) => [...c, i] as const))('refuses in %s: %s', (_file, _code, i) => {
    // Assess
    expect(found[i]!.filter((m) => m.startsWith('import-x/no-restricted-paths'))).toHaveLength(1);
  });

  it.each(ALLOWED.map((c, i) => [...c, REFUSED.length + i] as const))(
    'allows in %s: %s',
    (_file, _code, i) => {
      // Assess
      expect(found[i]!.filter((m) => m.startsWith('import-x/'))).toEqual([]);
    },
  );

  it('refuses a file over 350 lines', () => {
    // Assess
    expect(found[REFUSED.length + ALLOWED.length]!.some((m) => m.startsWith('max-lines'))).toBe(true);
  });

  it('refuses an import that closes a circle', () => {
    // Assess
    expect(found[REFUSED.length + ALLOWED.length + 1]!.some((m) => m.startsWith('import-x/no-cycle'))).toBe(
      true,
    );
  });
});
