/**
 * Business metrics from the use cases' outcomes: codes sent and refused per channel
 * (parcel deliveries' codes included), verifications approved and failed, lockouts.
 * EMF through Powertools in AWS; the names are the contract's, which the alarms and
 * the dashboard use.
 */
import { METRIC } from '../contract/telemetry';
import type { Outcome, OutcomeSink } from '../ports/outcomes';

export interface MetricSink {
  count(name: string, dimensions?: Record<string, string>): void;
}

/** The metrics one outcome counts. */
export function metricsFor(outcome: Outcome): Array<{ name: string; dimensions?: Record<string, string> }> {
  switch (outcome.kind) {
    case 'code_sent':
      return [{ name: METRIC.codesSent, dimensions: { channel: outcome.channel } }];
    case 'delivery_failed':
      return [{ name: METRIC.deliveryFailures, dimensions: { channel: outcome.channel } }];
    case 'verification_approved':
      return [{ name: METRIC.verificationsApproved }];
    case 'verification_failed':
      return [{ name: METRIC.verificationsFailed }];
    case 'lockout':
      return [{ name: METRIC.lockouts }];
  }
}

export function metricOutcomes(sink: MetricSink): OutcomeSink {
  return {
    record(outcome) {
      for (const m of metricsFor(outcome)) sink.count(m.name, m.dimensions);
    },
  };
}
