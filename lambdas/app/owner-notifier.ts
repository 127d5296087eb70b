/**
 * Security notices to the account owner: by email where the user has an active
 * email factor, else by SMS (else voice), at most one per kind every 10 minutes.
 * Best effort: a failure is logged and swallowed, because the action that caused
 * the notice has already happened and must still be answered.
 */
import type { DeliveryChannel } from '../domain/channel';
import { chooseLocale } from '../domain/locale';
import { renderNotice } from '../domain/messages';
import type { FactorRecord } from '../domain/records';
import type { Log } from '../observability/log';
import type { AccountStore } from '../ports/account-store';
import type { Clock } from '../ports/clock';
import type { NoticeRequest, Notifier } from '../ports/notifier';
import type { Sender } from '../ports/sender';
import type { Store } from '../ports/store';
import type { MessagingConfig } from '../config/messaging';

export const NOTICE_WINDOW_MS = 10 * 60_000;

const PREFERENCE: readonly DeliveryChannel[] = ['email', 'sms', 'voice'];

export interface OwnerNotifierDeps {
  readonly store: Store;
  readonly accounts: AccountStore;
  readonly senders: Readonly<Record<DeliveryChannel, Sender>>;
  readonly clock: Clock;
  readonly messaging: MessagingConfig;
  readonly log: Log;
}

export class OwnerNotifier implements Notifier {
  constructor(private readonly deps: OwnerNotifierDeps) {}

  async notify(request: NoticeRequest): Promise<void> {
    try {
      const now = this.deps.clock.now();
      const snapshot = await this.deps.store.loadUser(request.userId, now);
      const target = pickNoticeFactor(snapshot.factors, request.exceptFactorId);
      if (!target) return;
      if (!(await this.deps.accounts.claimNotice(request.userId, request.kind, now, NOTICE_WINDOW_MS)))
        return;
      const channel = target.type as DeliveryChannel;
      // The user's last asked-for language, else the phone's country, else the default.
      const { locale } = await chooseLocale({
        requested: snapshot.state.locale,
        destination: target.destination as string,
        defaultLocale: this.deps.messaging.defaultLocale ?? 'en',
      });
      await this.deps.senders[channel].send(
        renderNotice(
          {
            kind: request.kind,
            channel,
            to: target.destination as string,
            ...(request.detail ? { detail: request.detail } : {}),
            locale,
          },
          this.deps.messaging,
        ),
      );
    } catch (error) {
      this.deps.log.warn('security notice not sent', {
        kind: request.kind,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}

/** The owner's preferred active factor that can receive a message: email, then SMS, then voice. */
export function pickNoticeFactor(
  factors: readonly FactorRecord[],
  except?: string,
): FactorRecord | undefined {
  const usable = factors.filter(
    (f) => f.status === 'active' && f.factorId !== except && f.destination !== undefined,
  );
  for (const channel of PREFERENCE) {
    const found = usable.find((f) => f.type === channel);
    if (found) return found;
  }
  return undefined;
}
