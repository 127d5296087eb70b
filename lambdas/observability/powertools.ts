/**
 * Powertools for AWS Lambda in the deployed functions: JSON logs with the Lambda
 * context, EMF metrics flushed after each invocation (with a cold-start metric),
 * and X-Ray traces of the handler and of every AWS SDK client.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { powertoolsLog } from './log';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../contract/telemetry';
import type { MetricSink } from './outcome-metrics';

export const logger = new Logger({ serviceName: SERVICE_NAME });
export const tracer = new Tracer({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

export const metricSink: MetricSink = {
  count(name, dimensions) {
    if (dimensions && Object.keys(dimensions).length > 0) {
      // Dimensioned metrics go out in a single-metric document so the dimension stays attached to them alone.
      const single = metrics.singleMetric();
      for (const [k, v] of Object.entries(dimensions)) single.addDimension(k, v);
      single.addMetric(name, MetricUnit.Count, 1);
    } else {
      metrics.addMetric(name, MetricUnit.Count, 1);
    }
  },
};

export const log = powertoolsLog(logger);
