/**
 * Builds the API Gateway REST (v1) proxy event a deployed function would receive,
 * from a plain request, so the local server runs the very same handlers.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export interface PlainRequest {
  readonly method: string;
  readonly path: string;
  readonly resource: string;
  readonly pathParameters: Record<string, string>;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly sourceIp?: string;
}

export function apiGatewayEvent(req: PlainRequest): APIGatewayProxyEvent {
  const now = Date.now();
  const requestId = randomUUID();
  const hasQuery = Object.keys(req.query).length > 0;
  return {
    resource: req.resource,
    path: req.path,
    httpMethod: req.method,
    headers: req.headers,
    multiValueHeaders: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: hasQuery ? req.query : null,
    multiValueQueryStringParameters: hasQuery
      ? Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters: Object.keys(req.pathParameters).length ? req.pathParameters : null,
    stageVariables: null,
    body: req.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: null,
      protocol: 'HTTP/1.1',
      httpMethod: req.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: req.headers['x-api-key'] ?? null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: req.sourceIp ?? '127.0.0.1',
        user: null,
        userAgent: req.headers['user-agent'] ?? null,
        userArn: null,
      },
      path: `/local${req.path}`,
      stage: 'local',
      requestId,
      requestTimeEpoch: now,
      resourceId: 'local',
      resourcePath: req.resource,
    },
  };
}
