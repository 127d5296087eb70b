/**
 * A StepScheduler built on first use (the Scheduler client is loaded only by a
 * request that starts a ladder), or none at all where the stack configured no
 * target: then every step is answered unscheduled, never thrown, so the challenge
 * stands and `next` still moves its ladder on.
 */
import { lazy } from '../../load-once';
import type { Log } from '../../ports/log';
import type { DueStep, StepScheduler } from '../../ports/step-scheduler';

export class LazyStepScheduler implements StepScheduler {
  private readonly get: (() => Promise<StepScheduler>) | undefined;
  constructor(
    load: (() => Promise<StepScheduler>) | undefined,
    private readonly log?: Log,
  ) {
    this.get = load ? lazy(load) : undefined;
  }

  async schedule(steps: readonly DueStep[]): Promise<{ readonly unscheduled: readonly number[] }> {
    const all = { unscheduled: steps.map((s) => s.stepIndex) };
    if (!this.get) {
      if (steps.length > 0) this.log?.warn('fallback steps not scheduled: no scheduler target configured');
      return all;
    }
    try {
      return await (await this.get()).schedule(steps);
    } catch (error) {
      this.log?.warn('fallback steps not scheduled', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return all;
    }
  }
}
