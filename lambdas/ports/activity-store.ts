/**
 * Port: a user's account activity, the security events support and the owner read.
 */
import type { AccountEvent } from '../domain/events';

export interface EventPage {
  readonly events: readonly AccountEvent[];
  /** Opaque; absent on the last page. */
  readonly nextCursor?: string;
}

export interface ActivityStore {
  listEvents(userId: string, page: { limit: number; cursor?: string }, now: number): Promise<EventPage>;
  recordEvents(events: readonly AccountEvent[]): Promise<void>;
}
