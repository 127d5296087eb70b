/**
 * The one place that assembles a route group's Lambda handler, so every route gets
 * the same middleware in the same order: header normalisation, API-key check, body
 * size and JSON parsing, then the route's own path and body schemas, and problem
 * JSON for every error (registered last, so it sees every failure first).
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/v4-mini';
import { InvalidRequestError, MethodNotAllowedError, NotFoundError, type FieldError } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import type { Reply } from '../app/reply';
import type { Log } from '../ports/log';
import { CALLER, apiKeyCheck, type WithCaller } from './middleware/api-key';
import type { KeyRing } from './api-keys';
import type { KeyScope } from '../contract/routes';
import { jsonBody, type ParsedEvent } from './middleware/json-body';
import { problemErrors } from './middleware/problem-errors';
import { ROUTES } from '../contract/routes';
import { deliveryIdSchema, idSchema, reportTokenSchema, userIdSchema } from './schemas';

export interface RouteRequest<B> {
  readonly params: Readonly<Record<string, string>>;
  readonly body: B;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The end user's context as the calling app reported it (`context` in the body). */
  readonly context?: RequestContext;
  /** The calling API key's name (`default` for the main key). */
  readonly keyName: string;
}

export interface RouteDef {
  readonly parseBody: (body: unknown) => unknown;
  readonly run: (request: RouteRequest<unknown>) => Promise<Reply>;
}

/** A route with a JSON body checked by `schema`; an absent body is checked as `{}`. */
export function route<S extends z.ZodMiniType>(
  schema: S,
  run: (request: RouteRequest<z.output<S>>) => Promise<Reply>,
): RouteDef {
  return {
    parseBody: (body) => {
      const result = schema.safeParse(body ?? {});
      if (!result.success) {
        const errors: FieldError[] = result.error.issues.map((issue) => ({
          path: issue.path.length ? `/${issue.path.join('/')}` : '/',
          message: issue.message,
        }));
        throw new InvalidRequestError('The request body does not match the schema.', errors);
      }
      return result.data as unknown;
    },
    run: (request) => run(request as RouteRequest<z.output<S>>),
  };
}

/** A route that takes no body (GET, DELETE); one sent anyway is ignored. */
export function bodyless(run: (request: RouteRequest<undefined>) => Promise<Reply>): RouteDef {
  return { parseBody: () => undefined, run: (request) => run(request as RouteRequest<undefined>) };
}

export type RouteTable = Readonly<Record<string, RouteDef>>;

export interface HttpHandlerOptions {
  readonly log: Log;
  /** Runtime middleware (Powertools logger context, metrics flush, tracing), outermost first. */
  readonly middlewares?: ReadonlyArray<MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>>;
  /** The API keys and their scopes; undefined when API Gateway checks keys and none are scoped. */
  readonly keys?: KeyRing;
}

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const routeKey = (event: Pick<APIGatewayProxyEvent, 'httpMethod' | 'resource'>) =>
  `${event.httpMethod} ${event.resource}`;

const SCOPES: ReadonlyMap<string, readonly KeyScope[]> = new Map(
  ROUTES.filter((r) => !r.public).map((r) => [`${r.method} ${r.resource}`, r.scopes ?? []]),
);

export function httpHandler(routes: RouteTable, options: HttpHandlerOptions): ApiHandler {
  const core = async (event: ParsedEvent): Promise<APIGatewayProxyResult> => {
    const def = routes[routeKey(event)];
    if (!def) {
      const known = Object.keys(routes).some((k) => k.endsWith(` ${event.resource}`));
      throw known
        ? new MethodNotAllowedError('This method is not allowed here.')
        : new NotFoundError('No such route.');
    }
    const params = checkPathParameters(event.pathParameters ?? {});
    const body = def.parseBody(event.parsedBody);
    const context = contextOf(body);
    const reply = await def.run({
      params,
      body,
      query: event.queryStringParameters ?? {},
      headers: event.headers,
      keyName: (event as WithCaller)[CALLER]?.name ?? 'default',
      ...(context ? { context } : {}),
    });
    return toResponse(reply);
  };
  const handler = middy<ParsedEvent, APIGatewayProxyResult>({ timeoutEarlyInMillis: 0 });
  for (const m of options.middlewares ?? [])
    handler.use(m as MiddlewareObj<ParsedEvent, APIGatewayProxyResult>);
  return handler
    .use(httpHeaderNormalizer())
    .use(apiKeyCheck({ keys: options.keys, scopesOf: (e) => SCOPES.get(routeKey(e)) }))
    .use(jsonBody())
    .use(problemErrors(options.log))
    .handler(core) as unknown as ApiHandler;
}

/** Path parameters by name; any other (challenge, factor, device and event ids) is an id onetime made. */
const PATH_SCHEMAS: Readonly<Record<string, typeof idSchema>> = {
  userId: userIdSchema,
  deliveryId: deliveryIdSchema,
  reportToken: reportTokenSchema,
};

function checkPathParameters(raw: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const params: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const decoded = safeDecode(value);
    const schema = PATH_SCHEMAS[name] ?? idSchema;
    const result = schema.safeParse(decoded);
    if (result.success) params[name] = result.data;
    else errors.push({ path: `/path/${name}`, message: result.error.issues[0]?.message ?? 'is invalid' });
  }
  if (errors.length) throw new InvalidRequestError('A path parameter is invalid.', errors);
  return params;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function contextOf(body: unknown): RequestContext | undefined {
  if (typeof body !== 'object' || body === null || !('context' in body)) return undefined;
  return (body as { context?: RequestContext }).context;
}

export function toResponse(reply: Reply): APIGatewayProxyResult {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (reply.body === undefined) return { statusCode: reply.statusCode, headers, body: '' };
  if (reply.contentType !== undefined) {
    headers['content-type'] = reply.contentType;
    return { statusCode: reply.statusCode, headers, body: String(reply.body) };
  }
  headers['content-type'] = 'application/json';
  return { statusCode: reply.statusCode, headers, body: JSON.stringify(reply.body) };
}
