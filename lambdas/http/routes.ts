/**
 * The API's routes as data: which Lambda function serves which method and resource.
 * The CDK stack builds API Gateway from this table and the local server routes with
 * it, so the two cannot drift apart. Pure data: no handler code is imported here.
 */
export const FUNCTION_NAMES = ['health', 'factors', 'challenges', 'verify', 'account'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource template, e.g. `/v1/users/{userId}/factors`. */
  readonly resource: string;
  readonly fn: FunctionName;
  /** Routes reachable without an API key (health, the emailed report link). */
  readonly public?: boolean;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', resource: '/v1/health', fn: 'health', public: true },

  { method: 'POST', resource: '/v1/users/{userId}/factors', fn: 'factors' },
  { method: 'GET', resource: '/v1/users/{userId}/factors', fn: 'factors' },
  { method: 'POST', resource: '/v1/users/{userId}/factors/{factorId}/activate', fn: 'factors' },
  { method: 'DELETE', resource: '/v1/users/{userId}/factors/{factorId}', fn: 'factors' },

  { method: 'POST', resource: '/v1/users/{userId}/challenges', fn: 'challenges' },
  { method: 'GET', resource: '/v1/users/{userId}/challenges/{challengeId}', fn: 'challenges' },

  { method: 'POST', resource: '/v1/users/{userId}/verify', fn: 'verify' },
  { method: 'POST', resource: '/v1/users/{userId}/recovery-codes', fn: 'verify' },

  { method: 'DELETE', resource: '/v1/users/{userId}/lockout', fn: 'account' },
];

/** The Lambda entry file of each function, relative to the repository root. */
export function entryFile(fn: FunctionName): string {
  return `lambdas/entry/${fn}.ts`;
}
