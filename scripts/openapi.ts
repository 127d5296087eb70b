/**
 * `npm run openapi`: writes the OpenAPI document (lambdas/http/openapi/document.ts)
 * to lambdas/http/openapi/openapi.json, the file the health function serves,
 * formatted by prettier as every other file is. Run it after changing a route, a
 * schema or an error; `npm test` fails while the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument, OPENAPI_FILE } from '../lambdas/http/openapi/document';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const file = path.join(root, OPENAPI_FILE);
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(
    file,
    await format(JSON.stringify(buildOpenApiDocument(pkg.version)), { ...options, filepath: file }),
  );
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
