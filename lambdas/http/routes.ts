/**
 * The API's routes as data: which Lambda function serves which method and resource.
 * The CDK stack builds API Gateway from this table and the local server routes with
 * it, so the two cannot drift apart. Pure data: no handler code is imported here.
 */
export const FUNCTION_NAMES = [
  'health',
  'factors',
  'challenges',
  'verify',
  'devices',
  'account',
  'reports',
  'deliveries',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource template, e.g. `/v1/users/{userId}/factors`. */
  readonly resource: string;
  readonly fn: FunctionName;
  /** Routes reachable without an API key (health, the OpenAPI document, the emailed report link). */
  readonly public?: boolean;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', resource: '/v1/health', fn: 'health', public: true },
  // The OpenAPI document (lambdas/http/openapi/): served by the health function, which touches no dependency.
  { method: 'GET', resource: '/v1/openapi.json', fn: 'health', public: true },

  { method: 'POST', resource: '/v1/users/{userId}/factors', fn: 'factors' },
  { method: 'GET', resource: '/v1/users/{userId}/factors', fn: 'factors' },
  { method: 'POST', resource: '/v1/users/{userId}/factors/{factorId}/activate', fn: 'factors' },
  { method: 'DELETE', resource: '/v1/users/{userId}/factors/{factorId}', fn: 'factors' },

  { method: 'POST', resource: '/v1/users/{userId}/challenges', fn: 'challenges' },
  { method: 'GET', resource: '/v1/users/{userId}/challenges/{challengeId}', fn: 'challenges' },
  { method: 'POST', resource: '/v1/users/{userId}/challenges/{challengeId}/report', fn: 'challenges' },

  { method: 'POST', resource: '/v1/users/{userId}/verify', fn: 'verify' },
  { method: 'POST', resource: '/v1/users/{userId}/recovery-codes', fn: 'verify' },

  { method: 'POST', resource: '/v1/users/{userId}/devices/verify', fn: 'devices' },
  { method: 'GET', resource: '/v1/users/{userId}/devices', fn: 'devices' },
  { method: 'DELETE', resource: '/v1/users/{userId}/devices/{deviceId}', fn: 'devices' },

  { method: 'GET', resource: '/v1/users/{userId}/events', fn: 'account' },
  { method: 'DELETE', resource: '/v1/users/{userId}/lockout', fn: 'account' },
  { method: 'DELETE', resource: '/v1/users/{userId}', fn: 'account' },

  { method: 'POST', resource: '/v1/deliveries', fn: 'deliveries' },
  { method: 'GET', resource: '/v1/deliveries/{deliveryId}', fn: 'deliveries' },
  { method: 'POST', resource: '/v1/deliveries/{deliveryId}/resend', fn: 'deliveries' },
  { method: 'POST', resource: '/v1/deliveries/{deliveryId}/confirm', fn: 'deliveries' },

  // The emailed "I did not ask for this" link: the token is the credential.
  { method: 'POST', resource: '/v1/reports/{reportToken}', fn: 'reports', public: true },
  { method: 'GET', resource: '/report/{reportToken}', fn: 'reports', public: true },
];

/** The Lambda entry file of each function, relative to the repository root. */
export function entryFile(fn: string): string {
  return `lambdas/entry/${fn}.ts`;
}
