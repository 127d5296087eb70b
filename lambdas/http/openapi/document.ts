/**
 * Builds the OpenAPI 3.1 document from the route table (routes.ts), the schemas the
 * handlers validate with (schemas.ts), the answers' schemas (responses.ts) and the
 * problem catalogue (problems.ts). JSON Schema comes from zod's own converter
 * (`toJSONSchema` of zod/v4/core, which reads zod mini schemas), so the document's
 * bodies are the validators themselves. Refinements zod cannot express in JSON
 * Schema (a destination required for sms, voice and email; factorId used alone) are
 * stated in the operation's description instead.
 *
 * Not bundled into any function: `npm run openapi` writes the result to
 * openapi.json beside this file, which the health function serves, and a test
 * checks that the committed file is what this builds.
 */
import { toJSONSchema, type $ZodType } from 'zod/v4/core';
import type { ZodMiniType } from 'zod/v4-mini';
import { ROUTES } from '../../contract/routes';
import { deliveryIdSchema, idSchema, reportTokenSchema, userIdSchema } from '../schemas';
import { COMMON_PROBLEMS, KEYED_PROBLEMS, OPERATIONS, type Operation } from './operations';
import { PROBLEMS, problemEntry } from './problems';

type Json = Record<string, unknown>;

/** Where `npm run openapi` writes the document, relative to the repository root. */
export const OPENAPI_FILE = 'lambdas/http/openapi/openapi.json';

function jsonSchema(schema: ZodMiniType, io: 'input' | 'output'): Json {
  const converted = toJSONSchema(schema as unknown as $ZodType, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  delete converted.$schema;
  return converted;
}

const PATH_PARAMETERS: Readonly<Record<string, { schema: ZodMiniType; description: string }>> = {
  userId: { schema: userIdSchema, description: "The calling app's own account id." },
  deliveryId: {
    schema: deliveryIdSchema,
    description: "The sender's own delivery id (an order or parcel number).",
  },
  reportToken: { schema: reportTokenSchema, description: "The token of an email's report link." },
};

function pathParameter(name: string): Json {
  const known = PATH_PARAMETERS[name];
  return {
    name,
    in: 'path',
    required: true,
    description: known?.description ?? `An id onetime created (${name}).`,
    schema: jsonSchema(known?.schema ?? idSchema, 'input'),
  };
}

const problemRef = (code: string) => ({ $ref: `#/components/schemas/problem_${code}` });

function problemSchemas(): Json {
  const schemas: Json = {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details, with a machine-readable `code`.',
      required: ['type', 'status', 'code', 'title', 'detail'],
      properties: {
        type: { type: 'string', description: '`urn:onetime:problem:<code>`' },
        status: { type: 'integer' },
        code: { type: 'string' },
        title: { type: 'string' },
        detail: { type: 'string', description: 'For people; may change. Branch on `code`.' },
      },
    },
  };
  for (const p of PROBLEMS) {
    const extras = Object.entries(p.extras);
    schemas[`problem_${p.code}`] = {
      title: p.code,
      description: `${p.when}${p.retryAfter ? ' Header Retry-After (seconds).' : ''}`,
      allOf: [
        { $ref: '#/components/schemas/Problem' },
        {
          type: 'object',
          required: ['status', 'code', ...extras.map(([name]) => name)],
          properties: {
            status: { const: p.status },
            code: { const: p.code },
            ...Object.fromEntries(extras.map(([name, schema]) => [name, jsonSchema(schema, 'output')])),
          },
        },
      ],
      example: {
        type: `urn:onetime:problem:${p.code}`,
        status: p.status,
        code: p.code,
        title: p.title,
        detail: p.example,
      },
    };
  }
  return schemas;
}

function problemResponses(codes: readonly string[]): Json {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const { status } = problemEntry(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Json = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const retry = list.some((code) => problemEntry(code).retryAfter);
    responses[String(status)] = {
      description: list.map((code) => `\`${code}\``).join(', '),
      ...(retry ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
      content: {
        'application/problem+json': {
          schema: list.length === 1 ? problemRef(list[0] as string) : { oneOf: list.map(problemRef) },
        },
      },
    };
  }
  return responses;
}

function operation(key: string, op: Operation, isPublic: boolean): Json {
  const [method, resource] = key.split(' ') as [string, string];
  const parameters: Json[] = [...resource.matchAll(/\{(\w+)\}/g)].map((m) => pathParameter(m[1] as string));
  for (const [name, q] of Object.entries(op.query ?? {}))
    parameters.push({ name, in: 'query', required: false, description: q.description, schema: q.schema });
  if (op.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  const responses: Json = {};
  for (const answer of op.answers) {
    responses[String(answer.status)] = {
      description: answer.description,
      ...(answer.schema
        ? { content: { 'application/json': { schema: jsonSchema(answer.schema, 'output') } } }
        : answer.contentType
          ? { content: { [answer.contentType]: { schema: { type: 'string' } } } }
          : {}),
    };
  }
  const codes = [
    ...new Set([
      ...(op.body ? COMMON_PROBLEMS : COMMON_PROBLEMS.filter((c) => c !== 'payload_too_large')),
      ...(isPublic ? [] : KEYED_PROBLEMS),
      ...op.problems,
    ]),
  ];
  Object.assign(responses, problemResponses(codes));
  return {
    operationId: operationId(method, resource),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(isPublic ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.bodyOptional !== true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** `POST /v1/users/{userId}/factors/{factorId}/activate` → `postUsersFactorsActivate`. */
export function operationId(method: string, resource: string): string {
  const words = resource
    .split('/')
    .filter((s) => s !== '' && s !== 'v1' && !s.startsWith('{'))
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  const tail = resource.endsWith('}') ? 'ById' : '';
  return [method.toLowerCase(), ...words.map((w) => w[0]?.toUpperCase() + w.slice(1))].join('') + tail;
}

export function buildOpenApiDocument(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    const key = `${route.method} ${route.resource}`;
    const op = OPERATIONS[key];
    if (!op) throw new Error(`route ${key} has no entry in OPERATIONS`);
    paths[route.resource] = {
      ...paths[route.resource],
      [route.method.toLowerCase()]: operation(key, op, route.public === true),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'onetime',
      version,
      summary:
        'Send and verify one-time passcodes: SMS, voice, email, authenticator apps and delivery codes.',
      description:
        'JSON in and out. Every route but the public ones (health, this document, the report link) needs the ' +
        'x-api-key header. Every error is RFC 9457 problem JSON with a machine-readable `code`; the catalogue is ' +
        'components.schemas.problem_*. The reference in words is docs/api.md in the repository.',
    },
    servers: [{ url: 'http://localhost:3000', description: 'npm start' }],
    security: [{ ApiKey: [] }],
    tags: ['Service', 'Factors', 'Challenges', 'Verify', 'Devices', 'Account', 'Deliveries', 'Reports'].map(
      (name) => ({ name }),
    ),
    paths,
    components: {
      securitySchemes: { ApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Retries of the same request with the same key answer the first answer again and send nothing more ' +
            '(1 to 255 visible ASCII characters; the same key with another request answers 422 idempotency_key_reused).',
          schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
        },
      },
      headers: {
        RetryAfter: {
          description: 'Seconds to wait before trying again.',
          schema: { type: 'integer', minimum: 0 },
        },
      },
      schemas: problemSchemas(),
    },
  };
}
