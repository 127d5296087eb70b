/** The account's activity: events, newest first, paged with an opaque cursor. */
import { InvalidRequestError } from '../domain/errors';
import type { AccountEvent } from '../domain/events';
import type { AppDeps } from './deps';
import { iso, type Reply } from './reply';

export const DEFAULT_EVENT_PAGE = 25;
export const MAX_EVENT_PAGE = 100;

export function eventView(e: AccountEvent) {
  return {
    eventId: e.eventId,
    type: e.type,
    at: iso(e.at),
    ...(e.channel !== undefined ? { channel: e.channel } : {}),
    ...(e.factorId !== undefined ? { factorId: e.factorId } : {}),
    ...(e.purpose !== undefined ? { purpose: e.purpose } : {}),
    ...(e.notice !== undefined ? { notice: e.notice } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.context !== undefined ? { context: e.context } : {}),
  };
}

/** Cursors are opaque to clients: the last event id, base64url-encoded. */
const encodeCursor = (eventId: string) => Buffer.from(eventId, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const eventId = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9A-Z]{26}$/.test(eventId)) {
    throw new InvalidRequestError('The cursor is not valid.', [
      { path: '/query/cursor', message: 'is not a valid cursor' },
    ]);
  }
  return eventId;
}

export async function listEvents(
  deps: AppDeps,
  userId: string,
  query: { limit?: string; cursor?: string },
): Promise<Reply> {
  let limit = DEFAULT_EVENT_PAGE;
  if (query.limit !== undefined) {
    if (!/^\d{1,3}$/.test(query.limit) || Number(query.limit) < 1 || Number(query.limit) > MAX_EVENT_PAGE) {
      throw new InvalidRequestError(`limit must be a whole number from 1 to ${MAX_EVENT_PAGE}.`, [
        { path: '/query/limit', message: `must be from 1 to ${MAX_EVENT_PAGE}` },
      ]);
    }
    limit = Number(query.limit);
  }
  const page = await deps.activity.listEvents(
    userId,
    { limit, ...(query.cursor !== undefined ? { cursor: decodeCursor(query.cursor) } : {}) },
    deps.clock.now(),
  );
  return {
    statusCode: 200,
    body: {
      events: page.events.map(eventView),
      ...(page.nextCursor !== undefined ? { nextCursor: encodeCursor(page.nextCursor) } : {}),
    },
  };
}
