/** Builds account events with fresh ids and the request's context. */
import type { AccountEvent, EventType, RequestContext } from '../domain/events';
import type { AppDeps } from './deps';

export function newEvent(
  deps: Pick<AppDeps, 'newId'>,
  userId: string,
  type: EventType,
  at: number,
  detail: Omit<AccountEvent, 'eventId' | 'userId' | 'type' | 'at' | 'context'> & {
    context?: RequestContext | undefined;
  } = {},
): AccountEvent {
  const { context, ...rest } = detail;
  const hasContext = context !== undefined && (context.ip !== undefined || context.userAgent !== undefined);
  return { eventId: deps.newId(), userId, type, at, ...rest, ...(hasContext ? { context } : {}) };
}
