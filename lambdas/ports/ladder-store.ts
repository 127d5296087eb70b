/**
 * Port: the changes of a fallback step that send nothing (docs/api.md, "Fallback
 * ladders"). Sending a step is not here: it is taken by the send reservation
 * itself (SendReservation's `claimStep`), in the same write as its delivery.
 */
import type { SkipReason } from '../domain/fallback';

export interface StepMark {
  readonly userId: string;
  readonly challengeId: string;
  readonly index: number;
  readonly state: 'unscheduled' | 'skipped' | 'canceled';
  readonly at: number;
  readonly reason?: SkipReason;
}

export interface LadderStore {
  /** Marks a step that is still waiting (scheduled or unscheduled); false when it is not, or is gone. */
  markStep(mark: StepMark): Promise<boolean>;
}
