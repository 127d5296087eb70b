/**
 * Names shared by the functions that emit telemetry and the CDK stack that builds
 * alarms and dashboards on it, so the two cannot drift apart.
 */
export const METRICS_NAMESPACE = 'onetime';
export const SERVICE_NAME = 'onetime';

/** EMF metric names. `CodesSent` and `DeliveryFailures` carry a `channel` dimension. */
export const METRIC = {
  codesSent: 'CodesSent',
  verificationsApproved: 'VerificationsApproved',
  verificationsFailed: 'VerificationsFailed',
  lockouts: 'Lockouts',
  deliveryFailures: 'DeliveryFailures',
  /** An SMS or voice send refused by an abuse limit or the conversion guard: `scope`, `reason`. */
  sendsBlocked: 'SendsBlocked',
  /** Monitor mode: a send the conversion guard would have blocked (`scope`, `reason`, `channel`). */
  sendsFlagged: 'SendsFlagged',
  /** An approved SMS or voice code (`channel`), beside CodesSent for conversion per channel. */
  codesApproved: 'CodesApproved',
} as const;
