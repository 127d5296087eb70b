/**
 * Security notices to the account owner: by email where the user has an active
 * email factor, else by SMS (else voice), at most one per kind every 10 minutes.
 * A notice counts toward its destination's send caps like any code: past a cap it
 * goes to the owner's next factor, and when every one is capped it is recorded as
 * not sent (`notice_not_sent`). Best effort: a failure is logged and swallowed,
 * because the action that caused the notice has already happened and must still
 * be answered.
 */
import type { DeliveryChannel } from '../domain/channel';
import { keyedHash } from '../domain/codes';
import { capForm } from '../domain/destination';
import { chooseLocale } from '../domain/locale';
import { renderNotice } from '../domain/messages';
import type { FactorRecord } from '../domain/records';
import type { Log } from '../ports/log';
import type { ActivityStore } from '../ports/activity-store';
import type { NoticeStore } from '../ports/notice-store';
import type { Clock } from '../ports/clock';
import type { NoticeRequest, Notifier } from '../ports/notifier';
import type { ServerSecret } from '../ports/secrets';
import type { Sender } from '../ports/sender';
import type { VerificationStateStore } from '../ports/verification-state';
import type { MessagingConfig } from '../domain/messaging';
import type { Policy } from '../domain/policy';
import { newEvent } from './events';
import { sendCounters } from './send-caps';

export const NOTICE_WINDOW_MS = 10 * 60_000;

const PREFERENCE: readonly DeliveryChannel[] = ['email', 'sms', 'voice'];

export interface OwnerNotifierDeps {
  readonly state: VerificationStateStore;
  readonly notices: NoticeStore;
  readonly activity: ActivityStore;
  readonly senders: Readonly<Record<DeliveryChannel, Sender>>;
  readonly clock: Clock;
  readonly messaging: MessagingConfig;
  readonly log: Log;
  readonly secret: ServerSecret;
  readonly policy: Policy;
  readonly newId: () => string;
}

export class OwnerNotifier implements Notifier {
  constructor(private readonly deps: OwnerNotifierDeps) {}

  async notify(request: NoticeRequest): Promise<void> {
    try {
      const now = this.deps.clock.now();
      const snapshot = await this.deps.state.loadUser(request.userId, now);
      const targets = noticeFactors(snapshot.factors, request.exceptFactorId);
      if (targets.length === 0) return;
      if (!(await this.deps.notices.claimNotice(request.userId, request.kind, now, NOTICE_WINDOW_MS))) return;
      const key = await this.deps.secret.hmacKey();
      for (const target of targets) {
        const channel = target.type as DeliveryChannel;
        const to = target.destination as string;
        const counters = sendCounters(
          this.deps.policy,
          keyedHash(key, 'destination', capForm(channel, to)),
          now,
        );
        if (!(await this.deps.notices.countDestinationSend(counters))) continue;
        // The user's last asked-for language, else the phone's country, else the default.
        const { locale } = await chooseLocale({
          requested: snapshot.state.locale,
          destination: to,
          defaultLocale: this.deps.messaging.defaultLocale ?? 'en',
        });
        await this.deps.senders[channel].send(
          renderNotice(
            {
              kind: request.kind,
              channel,
              to,
              ...(request.detail ? { detail: request.detail } : {}),
              locale,
            },
            this.deps.messaging,
          ),
        );
        return;
      }
      await this.deps.activity.recordEvents([
        newEvent(this.deps, request.userId, 'notice_not_sent', now, { notice: request.kind }),
      ]);
    } catch (error) {
      this.deps.log.warn('security notice not sent', {
        kind: request.kind,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}

/** The owner's active factors that can receive a message, in order of preference: email, SMS, voice. */
export function noticeFactors(factors: readonly FactorRecord[], except?: string): FactorRecord[] {
  const usable = factors.filter(
    (f) => f.status === 'active' && f.factorId !== except && f.destination !== undefined,
  );
  return PREFERENCE.flatMap((channel) => usable.filter((f) => f.type === channel));
}
