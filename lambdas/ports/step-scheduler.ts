/**
 * Port: running a fallback step later. In AWS each step is an EventBridge
 * Scheduler one-time schedule that invokes the step function at its time
 * (lambdas/adapters/scheduler/); locally an in-process timer runs the same step
 * use case (local/timer-step-scheduler.ts). Whatever runs a step, the step itself
 * decides whether to send (lambdas/app/fallback-step.ts): a timer that fires late,
 * twice or after approval sends nothing it should not.
 */

/** What the step function is invoked with: which step of which challenge. */
export interface StepRef {
  readonly userId: string;
  readonly challengeId: string;
  readonly stepIndex: number;
}

export interface DueStep extends StepRef {
  /** When it is due (ms since the epoch). */
  readonly at: number;
}

export interface StepScheduler {
  /**
   * Arranges for each step to run at its time. Never throws: answers the indices
   * (`stepIndex`) of the steps that could not be scheduled, so the challenge is
   * kept and says which steps wait without a timer.
   */
  schedule(steps: readonly DueStep[]): Promise<{ readonly unscheduled: readonly number[] }>;
}
