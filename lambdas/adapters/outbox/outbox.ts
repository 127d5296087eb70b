/**
 * The development outbox: where the local server "sends" SMS, voice and email, so a
 * developer reads codes at `/_dev/outbox` instead of in a console log (docs/api.md, "Development outbox").
 * In memory, newest first, bounded so a long session cannot grow without limit.
 * Never wired into a deployed stack.
 */
import { monotonicFactory } from 'ulid';
import { systemClock, type Clock } from '../../ports/clock';
import { DeliveryRefusedError, type RefusalReason, type SendReceipt, type Sender } from '../../ports/sender';
import { type OutboundMessage } from '../../domain/outbound-message';
import type { DeliveryChannel } from '../../domain/channel';

export interface OutboxEntry {
  /** ULID: sorts by time of sending. */
  readonly id: string;
  readonly channel: DeliveryChannel;
  /** The whole destination: the outbox lives on the developer's own machine. */
  readonly to: string;
  /** Email only. */
  readonly subject?: string;
  /** The SMS body, the email's plain-text part or the call's plain text. */
  readonly body: string;
  /** BCP 47 tag of the language the message is written (or spoken) in. */
  readonly locale: string;
  /** Email only: the HTML part, shown by the outbox page in a sandboxed frame. */
  readonly html?: string;
  /** ISO 8601 UTC. */
  readonly sentAt: string;
}

export interface OutboxOptions {
  /** Messages kept; the oldest are dropped first. @default 500 */
  readonly capacity?: number;
  /** @default systemClock */
  readonly clock?: Clock;
}

export interface OutboxQuery {
  /** Only messages to this destination. */
  readonly to?: string;
  /** At most this many, newest first. @default all */
  readonly limit?: number;
}

export const DEFAULT_OUTBOX_CAPACITY = 500;

// Matching is lenient because `?to=+14155550100` arrives as " 14155550100" when the
// `+` is not percent-encoded, and email addresses are typed in any case.
function destinationKey(to: string): string {
  return to.trim().toLowerCase().replace(/^\+/, '');
}

export class Outbox {
  // Oldest first, so adding is a push and trimming a shift; list() reads backwards.
  private readonly entries: OutboxEntry[] = [];
  private readonly capacity: number;
  private readonly clock: Clock;
  // Monotonic, so ids of messages sent within one millisecond still sort in order.
  private readonly nextId = monotonicFactory();

  constructor(options: OutboxOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_OUTBOX_CAPACITY));
    this.clock = options.clock ?? systemClock;
  }

  add(message: OutboundMessage): OutboxEntry {
    const now = this.clock.now();
    const common = {
      id: this.nextId(now),
      channel: message.channel,
      to: message.to,
      locale: message.locale ?? 'en',
      sentAt: new Date(now).toISOString(),
    };
    const entry: OutboxEntry = Object.freeze(
      message.channel === 'email'
        ? { ...common, subject: message.subject, body: message.text, html: message.html }
        : message.channel === 'voice'
          ? { ...common, body: message.text }
          : { ...common, body: message.body },
    );
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  /** Newest first. */
  list(query: OutboxQuery = {}): OutboxEntry[] {
    const limit = query.limit === undefined ? this.entries.length : Math.max(0, Math.floor(query.limit));
    const key = query.to === undefined ? undefined : destinationKey(query.to);
    const found: OutboxEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && found.length < limit; i--) {
      const entry = this.entries[i] as OutboxEntry;
      if (key === undefined || destinationKey(entry.to) === key) found.push(entry);
    }
    return found;
  }

  get(id: string): OutboxEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  clear(): void {
    this.entries.length = 0;
  }

  get size(): number {
    return this.entries.length;
  }
}

export interface OutboxSenderOptions {
  /**
   * Simulates a provider refusal for some destinations, so local runs and tests can
   * exercise `delivery_failed` and its alternatives. @default every message is accepted
   */
  readonly refuse?: (to: string, channel: DeliveryChannel) => RefusalReason | undefined;
}

/** A Sender that "delivers" into an Outbox; the entry id is the message id. */
export class OutboxSender implements Sender {
  constructor(
    private readonly outbox: Outbox,
    private readonly options: OutboxSenderOptions = {},
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const refusal = this.options.refuse?.(message.to, message.channel);
    // A refused message never reached anyone, so it is not in the outbox either.
    if (refusal !== undefined) throw new DeliveryRefusedError(message.channel, refusal);
    return { messageId: this.outbox.add(message).id };
  }
}
