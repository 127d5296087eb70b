/**
 * Logging, metrics and tracing for the deployed route handlers (Powertools), apart
 * from the adapters' wiring so the health function loads no SDK client.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { gatewayKeyRing } from '../http/api-keys';
import type { HttpHandlerOptions } from '../http/http-handler';
import { log, logger, metrics, tracer } from '../observability/powertools';

/** Logging, metrics and tracing for the route handlers (Powertools). */
export function awsHttpOptions(): HttpHandlerOptions {
  return {
    log,
    // API Gateway checked the key's value; the stack names each key id's scopes.
    keys: gatewayKeyRing(process.env.ONETIME_API_KEY_SCOPES),
    middlewares: [
      injectLambdaContext(logger),
      captureLambdaHandler(tracer, { captureResponse: false }),
      logMetrics(metrics, { captureColdStartMetric: true }),
    ],
  };
}
