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

/**
 * What an API key may be limited to (docs/api.md, "API keys"): `verify` for the
 * sign-in flows, `deliveries` for a shop's backend, `courier` for the door, and
 * `support` for the help desk.
 */
export const KEY_SCOPES = ['verify', 'deliveries', 'courier', 'support'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource template, e.g. `/v1/users/{userId}/factors`. */
  readonly resource: string;
  readonly fn: FunctionName;
  /** Routes reachable without an API key (health, the OpenAPI document, the emailed report link). */
  readonly public?: boolean;
  /** The scopes of which a key needs one to call this route (keyed routes only). */
  readonly scopes?: readonly KeyScope[];
}

const V = ['verify'] as const;
const SUPPORT = ['support'] as const;

export const ROUTES: readonly Route[] = [
  { method: 'GET', resource: '/v1/health', fn: 'health', public: true },
  // The OpenAPI document (lambdas/http/openapi/): served by the health function, which touches no dependency.
  { method: 'GET', resource: '/v1/openapi.json', fn: 'health', public: true },

  { method: 'POST', resource: '/v1/users/{userId}/factors', fn: 'factors', scopes: V },
  { method: 'GET', resource: '/v1/users/{userId}/factors', fn: 'factors', scopes: V },
  { method: 'POST', resource: '/v1/users/{userId}/factors/{factorId}/activate', fn: 'factors', scopes: V },
  { method: 'DELETE', resource: '/v1/users/{userId}/factors/{factorId}', fn: 'factors', scopes: V },

  { method: 'POST', resource: '/v1/users/{userId}/challenges', fn: 'challenges', scopes: V },
  { method: 'GET', resource: '/v1/users/{userId}/challenges/{challengeId}', fn: 'challenges', scopes: V },
  {
    method: 'POST',
    resource: '/v1/users/{userId}/challenges/{challengeId}/next',
    fn: 'challenges',
    scopes: V,
  },
  {
    method: 'POST',
    resource: '/v1/users/{userId}/challenges/{challengeId}/report',
    fn: 'challenges',
    scopes: V,
  },

  { method: 'POST', resource: '/v1/users/{userId}/verify', fn: 'verify', scopes: V },
  { method: 'POST', resource: '/v1/users/{userId}/recovery-codes', fn: 'verify', scopes: V },

  { method: 'POST', resource: '/v1/users/{userId}/devices/verify', fn: 'devices', scopes: V },
  { method: 'GET', resource: '/v1/users/{userId}/devices', fn: 'devices', scopes: V },
  { method: 'DELETE', resource: '/v1/users/{userId}/devices/{deviceId}', fn: 'devices', scopes: V },

  { method: 'GET', resource: '/v1/users/{userId}/events', fn: 'account', scopes: SUPPORT },
  { method: 'DELETE', resource: '/v1/users/{userId}/lockout', fn: 'account', scopes: SUPPORT },
  { method: 'DELETE', resource: '/v1/users/{userId}', fn: 'account', scopes: SUPPORT },

  { method: 'POST', resource: '/v1/deliveries', fn: 'deliveries', scopes: ['deliveries'] },
  {
    method: 'GET',
    resource: '/v1/deliveries/{deliveryId}',
    fn: 'deliveries',
    scopes: ['deliveries', 'courier'],
  },
  {
    method: 'POST',
    resource: '/v1/deliveries/{deliveryId}/resend',
    fn: 'deliveries',
    scopes: ['deliveries'],
  },
  { method: 'POST', resource: '/v1/deliveries/{deliveryId}/confirm', fn: 'deliveries', scopes: ['courier'] },

  // The emailed "I did not ask for this" link: the token is the credential.
  { method: 'POST', resource: '/v1/reports/{reportToken}', fn: 'reports', public: true },
  { method: 'GET', resource: '/report/{reportToken}', fn: 'reports', public: true },
];

/** The Lambda entry file of each function, relative to the repository root. */
export function entryFile(fn: string): string {
  return `lambdas/entry/${fn}.ts`;
}
