/**
 * Business metrics read off the answers, so the use cases stay free of telemetry:
 * codes sent per channel, verifications approved and failed, lockouts, refused
 * deliveries. A middy middleware with `after` and `onError` hooks: registered
 * before the problem mapper, it sees the final response on both paths.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { METRIC } from '../contract/telemetry';

export interface MetricSink {
  count(name: string, dimensions?: Record<string, string>): void;
}

const SENDS = new Set(['POST /v1/users/{userId}/challenges', 'POST /v1/users/{userId}/factors']);
const CHECKS = new Set([
  'POST /v1/users/{userId}/verify',
  'POST /v1/users/{userId}/factors/{factorId}/activate',
]);

interface Answer {
  readonly channel?: unknown;
  readonly code?: unknown;
  readonly attemptsRemaining?: unknown;
  readonly challenge?: { readonly channel?: unknown };
}

export function metricsFor(
  event: Pick<APIGatewayProxyEvent, 'httpMethod' | 'resource'>,
  response: APIGatewayProxyResult,
): Array<{ name: string; dimensions?: Record<string, string> }> {
  const route = `${event.httpMethod} ${event.resource}`;
  // Most routes record nothing: their answers are not read.
  if (!SENDS.has(route) && !CHECKS.has(route)) return [];
  let body: Answer = {};
  try {
    body = response.body ? (JSON.parse(response.body) as Answer) : {};
  } catch {
    // A non-JSON answer (the report page) carries no outcome.
  }
  const out: Array<{ name: string; dimensions?: Record<string, string> }> = [];
  if (SENDS.has(route)) {
    const channel = body.challenge?.channel ?? body.channel;
    if (response.statusCode < 300 && typeof channel === 'string') {
      out.push({ name: METRIC.codesSent, dimensions: { channel } });
    }
    if (body.code === 'delivery_failed' && typeof body.channel === 'string') {
      out.push({ name: METRIC.deliveryFailures, dimensions: { channel: body.channel } });
    }
  }
  if (CHECKS.has(route)) {
    if (response.statusCode === 200) out.push({ name: METRIC.verificationsApproved });
    if (body.code === 'code_incorrect') out.push({ name: METRIC.verificationsFailed });
    if (body.code === 'locked' && body.attemptsRemaining === 0) {
      out.push({ name: METRIC.verificationsFailed }, { name: METRIC.lockouts });
    }
  }
  return out;
}

export function outcomeMetrics(sink: MetricSink): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  const record = (event: APIGatewayProxyEvent, response: APIGatewayProxyResult | null | undefined) => {
    if (!response) return;
    for (const m of metricsFor(event, response)) sink.count(m.name, m.dimensions);
  };
  return {
    after: (request) => record(request.event, request.response),
    onError: (request) => record(request.event, request.response),
  };
}
