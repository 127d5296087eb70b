/**
 * Port: security notifications to the account owner (a factor added or removed,
 * a lock, a recovery code used, codes regenerated, an unrequested code reported).
 * Best effort: a notification that cannot be sent never fails the request that
 * caused it. At most one per kind per user every 10 minutes.
 */
import type { NoticeKind } from '../domain/messages';

export interface NoticeRequest {
  readonly userId: string;
  readonly kind: NoticeKind;
  /** Do not notify through this factor (the one just added, or the one removed). */
  readonly exceptFactorId?: string;
  /** Already-masked text to mention (a masked phone or email). */
  readonly detail?: string;
}

export interface Notifier {
  notify(request: NoticeRequest): Promise<void>;
}
