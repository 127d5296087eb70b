/** How a challenge's fallback ladder looks in answers (docs/api.md, "Fallback ladders"). */
import { stepStatus, type StepStatus } from '../domain/fallback';
import type { ChallengeRecord } from '../domain/records';
import type { DeliveryChannel } from '../domain/channel';
import { iso } from './reply';

export interface StepView {
  readonly channel: DeliveryChannel;
  readonly factorId?: string;
  readonly destinationMasked?: string;
  /** When it was sent or skipped; for a step still to come (or canceled), when it is (or was) due. */
  readonly at: string;
  readonly status: StepStatus;
}

/** The ladder's steps as answered; undefined for a challenge without one. */
export function fallbackView(
  c: Pick<ChallengeRecord, 'fallback' | 'deliveries'>,
  pending: boolean,
): StepView[] | undefined {
  return c.fallback?.steps.map((s) => ({
    channel: s.channel,
    ...(s.factorId !== undefined ? { factorId: s.factorId } : {}),
    ...(s.destinationMasked !== undefined ? { destinationMasked: s.destinationMasked } : {}),
    at: iso(s.at ?? s.dueAt),
    status: stepStatus(s, pending, c.deliveries),
  }));
}
