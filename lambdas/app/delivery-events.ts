/**
 * Providers' reports on messages (SES events today), recorded on the challenge they
 * belong to, so `GET .../challenges/{id}` can say whether the code was delivered.
 * Reading a report is the adapter's business: the wiring passes its reader in.
 */
import type { Log } from '../ports/log';
import type { DeliveryOutcomeRecord, MessageOutcomeStore } from '../ports/message-outcomes';

export interface DeliveryEventDeps {
  readonly messages: MessageOutcomeStore;
  readonly log: Log;
  readonly now: () => number;
  /** One provider event, as received; undefined for events that are not ours or say nothing about delivery. */
  readonly readEvent: (message: string, receivedAt: number) => DeliveryOutcomeRecord | undefined;
  /**
   * Runs after a failure is recorded: a fallback ladder whose step this message was
   * moves on at once (advanceLadderAfterFailure in lambdas/app/fallback-step.ts).
   */
  readonly onFailed?: (failed: DeliveryOutcomeRecord) => Promise<void>;
}

export async function recordDeliveryEvents(
  deps: DeliveryEventDeps,
  messages: readonly string[],
): Promise<number> {
  let recorded = 0;
  for (const message of messages) {
    const outcome = deps.readEvent(message, deps.now());
    if (!outcome) continue;
    if (await deps.messages.recordDeliveryStatus(outcome)) {
      recorded++;
      if (outcome.status === 'failed') await deps.onFailed?.(outcome);
    } else deps.log.info('delivery event for an unknown or finished delivery', { status: outcome.status });
  }
  return recorded;
}
