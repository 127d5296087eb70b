/**
 * What the DynamoDB adapters need to know besides the client: the table and the
 * policy settings that decide how long things are kept.
 */
import type { Policy } from '../../domain/policy';

export interface DynamoDbStoreOptions {
  readonly tableName: string;
  /** Days an account event is kept. @default 400 */
  readonly eventRetentionDays?: number;
  /** How long a challenge is kept past its code's expiry. @default 86400 */
  readonly challengeRetentionSeconds?: number;
  /** The resend cooldown: older cooldown stamps are dropped. @default 60 */
  readonly resendCooldownSeconds?: number;
}

/** The store's options from the policy: the one place that knows which settings it reads. */
export function storeOptions(
  policy: Pick<Policy, 'eventRetentionDays' | 'challengeRetentionSeconds' | 'resendCooldownSeconds'>,
): Omit<DynamoDbStoreOptions, 'tableName'> {
  return {
    eventRetentionDays: policy.eventRetentionDays,
    challengeRetentionSeconds: policy.challengeRetentionSeconds,
    resendCooldownSeconds: policy.resendCooldownSeconds,
  };
}
