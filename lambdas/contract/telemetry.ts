/**
 * Names shared by the functions that emit telemetry and the CDK stack that builds
 * alarms and dashboards on it, so the two cannot drift apart.
 */
import { DELIVERY_CHANNELS } from '../domain/channel';

export const METRICS_NAMESPACE = 'onetime';
export const SERVICE_NAME = 'onetime';

/** EMF metric names. `CodesSent` and `DeliveryFailures` carry a `channel` dimension. */
export const METRIC = {
  codesSent: 'CodesSent',
  verificationsApproved: 'VerificationsApproved',
  verificationsFailed: 'VerificationsFailed',
  lockouts: 'Lockouts',
  deliveryFailures: 'DeliveryFailures',
} as const;

/** The values of the `channel` dimension. */
export const CHANNEL_DIMENSION_VALUES = DELIVERY_CHANNELS;
