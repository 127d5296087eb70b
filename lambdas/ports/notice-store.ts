/**
 * Port: what keeps security notices to the owner rare and within the caps: one notice
 * of a kind per window, and every notice counted against its destination's caps.
 */
import type { SendCounters } from './verification-state';

export interface NoticeStore {
  /** True if this notice may be sent now (none of this kind in the window); claims the window atomically. */
  claimNotice(userId: string, kind: string, now: number, windowMs: number): Promise<boolean>;
  /** Counts one message (a notice) against a destination's caps; false when a cap is reached. */
  countDestinationSend(counters: SendCounters): Promise<boolean>;
}
