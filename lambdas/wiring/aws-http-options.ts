/**
 * Logging and metrics for the deployed route handlers (Powertools), apart
 * from the adapters' wiring so the health function loads no SDK client.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { gatewayKeyRing } from '../http/api-keys';
import type { HttpHandlerOptions } from '../http/http-handler';
import { log, logger, metrics } from '../observability/powertools';

/** Logging and metrics for the route handlers (Powertools). */
export function awsHttpOptions(): HttpHandlerOptions {
  return {
    log,
    // API Gateway checked the key's value; the stack names each key id's scopes.
    keys: gatewayKeyRing(process.env.ONETIME_API_KEY_SCOPES),
    middlewares: [injectLambdaContext(logger), logMetrics(metrics, { captureColdStartMetric: true })],
  };
}
