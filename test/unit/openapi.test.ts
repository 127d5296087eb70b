/**
 * The OpenAPI document: a valid OpenAPI 3.1 document (swagger-parser), the committed
 * file is exactly what the schemas build today, every route the router serves is
 * documented and nothing else is, request bodies are the handlers' own validators,
 * and the problem catalogue holds every error class with its real status and title.
 */
import * as refusalErrors from '../../lambdas/domain/refusal-errors';
import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toJSONSchema, type $ZodType } from 'zod/v4/core';
import * as errors from '../../lambdas/domain/errors';
import { IdempotencyKeyReusedError } from '../../lambdas/app/idempotency';
import { buildOpenApiDocument, OPENAPI_FILE } from '../../lambdas/http/openapi/document';
import { OPERATIONS } from '../../lambdas/http/openapi/operations';
import { PROBLEMS } from '../../lambdas/http/openapi/problems';
import { ROUTES } from '../../lambdas/contract/routes';
import { addFactorBody, createDeliveryBody, verifyBody } from '../../lambdas/http/schemas';

const ROOT = path.resolve(__dirname, '..', '..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

interface Doc {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  components: { schemas: Record<string, unknown> };
}

const doc = buildOpenApiDocument('0.0.0-test') as unknown as Doc;

describe('Module: lambdas/http/openapi', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    // Act
    const validated = (await SwaggerParser.validate(structuredClone(doc) as never)) as { openapi: string };
    // Assess
    expect(validated.openapi).toBe('3.1.0');
  });

  it('is committed as the schemas build it now (run `npm run openapi` after changing one)', () => {
    // Prepare: the layout is prettier's (npm run lint checks it); the content must be today's
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // Act
    const committed = JSON.parse(readFileSync(path.join(ROOT, OPENAPI_FILE), 'utf8')) as unknown;
    // Assess
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(pkg.version))));
  });

  it('documents every route the router serves, and no other', () => {
    // Prepare
    const served = ROUTES.map((r) => `${r.method} ${r.resource}`).sort();
    // Act
    const documented = Object.entries(doc.paths)
      .flatMap(([resource, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${resource}`),
      )
      .sort();
    // Assess
    expect(documented).toEqual(served);
    expect(Object.keys(OPERATIONS).sort()).toEqual(served);
    expect(served).toHaveLength(24);
  });

  it("takes request bodies from the handlers' own validators", () => {
    // Prepare
    const body = (resource: string, method: string) =>
      doc.paths[resource]?.[method]?.requestBody?.content['application/json']?.schema;
    const expected = (schema: unknown) => {
      const json = toJSONSchema(schema as $ZodType, { target: 'draft-2020-12', io: 'input' }) as Record<
        string,
        unknown
      >;
      delete json.$schema;
      return json;
    };
    // Assess
    expect(body('/v1/users/{userId}/factors', 'post')).toEqual(expected(addFactorBody));
    expect(body('/v1/users/{userId}/verify', 'post')).toEqual(expected(verifyBody));
    expect(body('/v1/deliveries', 'post')).toEqual(expected(createDeliveryBody));
  });

  it('catalogues every error class with the status, code and title it answers', () => {
    // Prepare
    const classes = [
      ...[...Object.values(errors), ...Object.values(refusalErrors)].filter(
        (value) => typeof value === 'function' && value.prototype instanceof errors.DomainError,
      ),
      IdempotencyKeyReusedError,
    ].map((c) => (c as { name: string }).name);
    // Act
    const catalogued = PROBLEMS.flatMap((p) => [p.className, ...p.alsoClassNames]);
    // Assess
    expect([...catalogued].sort()).toEqual([...new Set(classes)].sort());
    expect(new Set(PROBLEMS.map((p) => p.code)).size).toBe(PROBLEMS.length);
    for (const p of PROBLEMS) expect(doc.components.schemas[`problem_${p.code}`]).toBeDefined();
    expect(PROBLEMS.find((p) => p.code === 'locked')).toMatchObject({ status: 423, retryAfter: true });
    expect(PROBLEMS.find((p) => p.code === 'code_incorrect')).toMatchObject({
      status: 422,
      retryAfter: false,
    });
  });
});
