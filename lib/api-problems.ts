/**
 * The API's problem JSON (RFC 9457) where API Gateway and WAF answer themselves:
 * the body as a mapping template or custom response writes it, and every gateway
 * response, so an unknown route answers 404 `not_found` instead of API Gateway's
 * 403 "Missing Authentication Token".
 */
import * as apigw from 'aws-cdk-lib/aws-apigateway';

/** A problem JSON body as API Gateway mapping templates and WAF custom responses write it. */
export function problemJson(
  status: number,
  code: string,
  title: string,
  detail: string,
  requestId = true,
): string {
  const parts = [
    `"type":"urn:onetime:problem:${code}"`,
    `"status":${status}`,
    `"code":"${code}"`,
    `"title":"${title}"`,
    // In a gateway response a quoted $context variable is substituted; WAF bodies are sent as they are.
    detail.startsWith('$') ? `"detail":${detail}` : `"detail":"${detail}"`,
  ];
  if (requestId) parts.push('"requestId":"$context.requestId"');
  return `{${parts.join(',')}}`;
}

export const PROBLEM_HEADERS = { 'Content-Type': "'application/problem+json'" };

export interface GatewayProblem {
  readonly type: apigw.ResponseType;
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly retryAfter?: string;
}

/** Every response API Gateway makes itself, as problem JSON. */
export const GATEWAY_PROBLEMS: readonly GatewayProblem[] = [
  {
    type: apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN,
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: 'No route matches this path.',
  },
  {
    type: apigw.ResponseType.RESOURCE_NOT_FOUND,
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: 'No route matches this path.',
  },
  {
    // API Gateway cannot tell a missing key from a wrong one: both are INVALID_API_KEY.
    type: apigw.ResponseType.INVALID_API_KEY,
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: 'The x-api-key header is missing or not a valid key.',
  },
  {
    type: apigw.ResponseType.ACCESS_DENIED,
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: 'Access denied.',
  },
  {
    type: apigw.ResponseType.WAF_FILTERED,
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: 'The request was blocked by the web application firewall.',
  },
  {
    type: apigw.ResponseType.THROTTLED,
    status: 429,
    code: 'too_many_requests',
    title: 'Too many requests',
    detail: 'The request rate limit was exceeded; retry shortly.',
    retryAfter: '1',
  },
  {
    type: apigw.ResponseType.QUOTA_EXCEEDED,
    status: 429,
    code: 'quota_exceeded',
    title: 'Quota exceeded',
    detail: "This API key's daily request quota is used up.",
  },
  {
    type: apigw.ResponseType.REQUEST_TOO_LARGE,
    status: 413,
    code: 'payload_too_large',
    title: 'Payload too large',
    detail: 'The request is too large.',
  },
  {
    type: apigw.ResponseType.UNSUPPORTED_MEDIA_TYPE,
    status: 415,
    code: 'unsupported_media_type',
    title: 'Unsupported media type',
    detail: 'Send the body as application/json.',
  },
  {
    type: apigw.ResponseType.BAD_REQUEST_PARAMETERS,
    status: 400,
    code: 'invalid_request',
    title: 'Invalid request',
    detail: '$context.error.messageString',
  },
  {
    type: apigw.ResponseType.BAD_REQUEST_BODY,
    status: 400,
    code: 'invalid_request',
    title: 'Invalid request',
    detail: '$context.error.messageString',
  },
  {
    type: apigw.ResponseType.DEFAULT_4XX,
    status: 400,
    code: 'invalid_request',
    title: 'Invalid request',
    detail: '$context.error.messageString',
  },
  {
    // Integration failures and timeouts: from the caller's side a dependency is unavailable; nothing was half-written
    // because every state change is one conditional write or transaction.
    type: apigw.ResponseType.DEFAULT_5XX,
    status: 503,
    code: 'unavailable',
    title: 'Service unavailable',
    detail: 'The service is temporarily unavailable; retry shortly.',
    retryAfter: '1',
  },
];

/** The gateway's own answers (GATEWAY_PROBLEMS) on the REST API. */
export function addGatewayResponses(api: apigw.RestApi): void {
  for (const p of GATEWAY_PROBLEMS) {
    api.addGatewayResponse(`${p.type.responseType}Response`, {
      type: p.type,
      statusCode: String(p.status),
      responseHeaders:
        p.retryAfter === undefined
          ? PROBLEM_HEADERS
          : { ...PROBLEM_HEADERS, 'Retry-After': `'${p.retryAfter}'` },
      templates: { 'application/json': problemJson(p.status, p.code, p.title, p.detail) },
    });
  }
}
