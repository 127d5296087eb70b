/**
 * The local server's StepScheduler: an in-process timer per fallback step that
 * runs the very step use case the AWS step function runs (lambdas/app/fallback-step.ts)
 * when it fires. Timers do not keep the process alive, and are forgotten when the
 * server stops: a ladder's pending steps do not survive a restart (the challenge
 * does; `next` still moves it on).
 */
import type { Log } from '../lambdas/ports/log';
import type { Clock } from '../lambdas/ports/clock';
import type { DueStep, StepRef, StepScheduler } from '../lambdas/ports/step-scheduler';

export class TimerStepScheduler implements StepScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private run: ((step: StepRef) => Promise<unknown>) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  /** What a timer runs when it fires: the step use case, bound once the app's dependencies exist. */
  bind(run: (step: StepRef) => Promise<unknown>): void {
    this.run = run;
  }

  async schedule(steps: readonly DueStep[]): Promise<{ readonly unscheduled: readonly number[] }> {
    for (const step of steps) {
      const timer = setTimeout(() => this.fire(timer, step), Math.max(0, step.at - this.clock.now()));
      timer.unref();
      this.timers.add(timer);
    }
    return { unscheduled: [] };
  }

  /** Resolves once no timer is waiting and no step is running (tests wait on it instead of sleeping blindly). */
  async settled(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await Promise.allSettled([...this.running]);
    }
  }

  /** Forgets every waiting step. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private fire(timer: NodeJS.Timeout, step: StepRef): void {
    this.timers.delete(timer);
    const run = this.run;
    if (!run) return;
    const running: Promise<void> = run({
      userId: step.userId,
      challengeId: step.challengeId,
      stepIndex: step.stepIndex,
    })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.log.error('fallback step failed', { error: error instanceof Error ? error.name : 'unknown' });
      })
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }
}
