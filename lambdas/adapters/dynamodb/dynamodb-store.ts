/**
 * The Store port on one DynamoDB table. Each method is one round trip: a strongly
 * consistent Query or GetItem to read, or one conditional write (an UpdateItem, or
 * a transaction where two items must change together) with its events beside it.
 * A failed condition comes back with the item as it is now
 * (`ReturnValuesOnConditionCheckFailure: ALL_OLD`) and becomes a domain answer,
 * never a guess. The writes themselves are built in send-reservation.ts and
 * attempt-writes.ts.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  type CancellationReason,
} from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Policy } from '../../domain/policy';
import type { AccountEvent } from '../../domain/events';
import type { LockPlan } from '../../domain/lockout';
import type {
  ChallengeRecord,
  FactorRecord,
  RecoveryCodeSet,
  UserSnapshot,
  UserState,
} from '../../domain/records';
import type { AbuseScope } from '../../domain/abuse-limits';
import { hourBucket, dayBucket } from '../../domain/send-limits';
import type {
  AbuseCounting,
  AcceptOutcome,
  Acceptance,
  ConversionCredit,
  AttemptLimits,
  AttemptReservation,
  DeliveryFailure,
  DeliveryOutcomeRecord,
  ReportOutcome,
  SendCounters,
  SendReservation,
  SendReservationResult,
  Store,
} from '../../ports/store';
import {
  acceptFactorUpdate,
  acceptRecoveryUpdate,
  acceptStateUpdate,
  giveBackUpdate,
  lockUpdate,
  reserveAttemptUpdate,
} from './attempt-writes';
import { equalsOrAbsentIfZero } from './conditions';
import { EventWriter } from './event-writes';
import {
  challengeFromEntry,
  challengeRetained,
  deviceToItem,
  factorToItem,
  recoveryToItem,
  snapshotFromItems,
  stateFromItem,
  type ChallengeEntry,
  type Item,
} from './item-mapping';
import { STATE_ATTR, pk, sk } from './keys';
import { dynamoRequest, queryPartition, transactOrFalse, updateOrFalse } from './request';
import { destinationCounterUpdate, type TransactItem } from './send-counters';
import { idempotencyItem, reservationItems, undoItems } from './send-reservation';
import { AbuseCounters, type AbuseOutcome } from './abuse-counters';
import { creditConversion } from './conversion-writes';

export interface DynamoDbStoreOptions {
  readonly tableName: string;
  /** Days an account event is kept. @default 400 */
  readonly eventRetentionDays?: number;
  /** How long a challenge is kept past its code's expiry. @default 86400 */
  readonly challengeRetentionSeconds?: number;
  /** The resend cooldown: older cooldown stamps are dropped. @default 60 */
  readonly resendCooldownSeconds?: number;
}

/** The store's options from the policy: the one place that knows which settings it reads. */
export function storeOptions(
  policy: Pick<Policy, 'eventRetentionDays' | 'challengeRetentionSeconds' | 'resendCooldownSeconds'>,
): Omit<DynamoDbStoreOptions, 'tableName'> {
  return {
    eventRetentionDays: policy.eventRetentionDays,
    challengeRetentionSeconds: policy.challengeRetentionSeconds,
    resendCooldownSeconds: policy.resendCooldownSeconds,
  };
}

export class DynamoDbStore implements Store {
  private readonly table: string;
  private readonly events: EventWriter;
  private readonly retentionMs: number;
  private readonly cooldownMs: number;
  private readonly abuse: AbuseCounters;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
    this.events = new EventWriter(client, this.table, options.eventRetentionDays ?? 400);
    this.retentionMs = (options.challengeRetentionSeconds ?? 86_400) * 1000;
    this.cooldownMs = (options.resendCooldownSeconds ?? 60) * 1000;
    this.abuse = new AbuseCounters(client, this.table);
  }

  async loadUser(userId: string, now: number): Promise<UserSnapshot> {
    const items = await queryPartition(this.client, this.table, pk.user(userId));
    return snapshotFromItems(userId, items, now, {
      cooldownMs: this.cooldownMs,
      retentionMs: this.retentionMs,
      hourBucket: hourBucket(now),
      dayBucket: dayBucket(now),
    });
  }

  async getChallenge(userId: string, challengeId: string, now: number): Promise<ChallengeRecord | undefined> {
    const entry = (await this.readState(userId))?.[STATE_ATTR.challenge(challengeId)] as
      ChallengeEntry | undefined;
    return entry && challengeRetained(entry, now, this.retentionMs)
      ? challengeFromEntry(userId, challengeId, entry)
      : undefined;
  }

  async reserveSend(r: SendReservation): Promise<SendReservationResult> {
    const { items, refusal } = reservationItems(this.table, r);
    const abuse = r.abuse;
    return this.events.beside(
      r.events,
      async (): Promise<SendReservationResult> => {
        // The abuse counters go beside the reservation, in the same round trip.
        const [reserved, counted] = await Promise.allSettled([
          this.transact(items),
          abuse ? this.abuse.count(abuse) : Promise.resolve<AbuseOutcome>({ ok: true }),
        ]);
        const committed = reserved.status === 'fulfilled' && reserved.value === undefined;
        const allowed = counted.status === 'fulfilled' && counted.value.ok;
        if (committed && allowed) {
          const flagged = 'flagged' in counted.value ? counted.value.flagged : undefined;
          return flagged ? { ok: true, flagged } : { ok: true };
        }
        if (committed) await this.transact(undoItems(this.table, r));
        if (!committed && abuse && allowed) await this.abuse.uncount(abuse);
        if (reserved.status === 'rejected') throw reserved.reason;
        if (counted.status === 'rejected') throw counted.reason;
        if (!committed) return refusal(reserved.value ?? []);
        const outcome = counted.value as Exclude<AbuseOutcome, { ok: true }>;
        return 'conversion' in outcome
          ? { ok: false, reason: 'low_conversion', block: outcome.conversion }
          : { ok: false, reason: 'abuse', scope: outcome.scope };
      },
      (result) => !result.ok,
    );
  }

  async recordDeliveryFailure(input: DeliveryFailure): Promise<void> {
    const ch = STATE_ATTR.challenge(input.challengeId);
    const path = `#ch.d[${input.deliveryIndex}]`;
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.table,
          Key: { pk: pk.user(input.userId), sk: sk.state },
          UpdateExpression: `SET ${path}.t = :failed, ${path}.u = :now`,
          ConditionExpression: 'attribute_exists(#ch)',
          ExpressionAttributeNames: { '#ch': ch },
          ExpressionAttributeValues: { ':failed': 'failed', ':now': input.now },
        },
      },
      ...input.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ];
    if (input.idempotency) {
      items.push({ Put: { TableName: this.table, Item: idempotencyItem(input.userId, input.idempotency) } });
    }
    await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
  }

  async recordDeliveryStatus(input: DeliveryOutcomeRecord): Promise<boolean> {
    const path = `#ch.d[${input.deliveryIndex}]`;
    const conditions = [`attribute_exists(${path})`];
    // Events arrive out of order: a final outcome is never replaced by "sent".
    if (input.status === 'sent') conditions.push(`NOT ${path}.t IN (:delivered, :failed)`);
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.user(input.userId), sk: sk.state },
      UpdateExpression: `SET ${path}.t = :status, ${path}.u = :at`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: { '#ch': STATE_ATTR.challenge(input.challengeId) },
      ExpressionAttributeValues: {
        ':status': input.status,
        ':at': input.at,
        ...(input.status === 'sent' ? { ':delivered': 'delivered', ':failed': 'failed' } : {}),
      },
    });
  }

  async reserveAttempt(userId: string, now: number, limits: AttemptLimits): Promise<AttemptReservation> {
    try {
      const out = await dynamoRequest(() =>
        this.client.send(new UpdateCommand(reserveAttemptUpdate(this.table, userId, now, limits))),
      );
      return { ok: true, state: stateFromItem(out.Attributes as Item | undefined) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) return { ok: false, state: stateFromItem(undefined), known: false };
      return { ok: false, state: stateFromItem(unmarshall(error.Item) as Item), known: true };
    }
  }

  async giveBackAttempt(userId: string, epoch: number): Promise<void> {
    // Refused when a success, lock or unlock came in between: then there is nothing to give back.
    await updateOrFalse(this.client, giveBackUpdate(this.table, userId, epoch));
  }

  async recordWrongCode(events: readonly AccountEvent[]): Promise<void> {
    await this.events.put(events);
  }

  async lock(
    userId: string,
    plan: LockPlan,
    now: number,
    events: readonly AccountEvent[],
  ): Promise<{ ok: true } | { ok: false; state: UserState }> {
    const update = lockUpdate(this.table, userId, plan, now);
    const reasons = await this.transact([
      { Update: update },
      ...events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    if (!reasons) return { ok: true };
    return { ok: false, state: stateFromItem(reasons[0]?.Item ?? (await this.readState(userId))) };
  }

  async accept(a: Acceptance): Promise<AcceptOutcome> {
    const state = acceptStateUpdate(this.table, a);
    const extra: TransactItem[] = [];
    if (a.target.kind === 'recovery_code')
      extra.push({ Update: acceptRecoveryUpdate(this.table, a.userId, a.target.hash) });
    if (a.target.kind === 'totp' || a.activate) extra.push({ Update: acceptFactorUpdate(this.table, a) });
    if (a.issueRecoveryCodes) {
      extra.push({
        Put: {
          TableName: this.table,
          Item: recoveryToItem(a.userId, a.issueRecoveryCodes),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    if (a.rememberDevice) {
      extra.push({
        Put: {
          TableName: this.table,
          Item: deviceToItem(a.rememberDevice),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    const refusedBy = (old: Item | undefined): AcceptOutcome =>
      old?.hardLocked === true
        ? { ok: false, reason: 'locked', state: stateFromItem(old) }
        : { ok: false, reason: 'target_changed' };

    if (extra.length === 0) {
      // A challenge code alone: one conditional update of the state item, its events beside it.
      return this.events.beside(
        a.events,
        async (): Promise<AcceptOutcome> => {
          try {
            await dynamoRequest(() => this.client.send(new UpdateCommand(state)));
            return { ok: true, recoveryCodesIssued: false };
          } catch (error) {
            if (!(error instanceof ConditionalCheckFailedException)) throw error;
            return refusedBy(error.Item ? (unmarshall(error.Item) as Item) : undefined);
          }
        },
        (outcome) => !outcome.ok,
      );
    }
    const reasons = await this.transact([
      { Update: state },
      ...extra,
      ...a.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    if (!reasons) return { ok: true, recoveryCodesIssued: a.issueRecoveryCodes !== undefined };
    return reasons[0]?.Code === 'ConditionalCheckFailed'
      ? refusedBy(reasons[0].Item)
      : { ok: false, reason: 'target_changed' };
  }

  async reportChallenge(userId: string, challengeId: string, now: number): Promise<ReportOutcome> {
    const names = { '#ch': STATE_ATTR.challenge(challengeId) };
    const report = (cancel: boolean) =>
      dynamoRequest(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: pk.user(userId), sk: sk.state },
            UpdateExpression: cancel ? 'SET #ch.r = :now, #ch.t = :canceled' : 'SET #ch.r = :now',
            // A report acts once; the first one cancels the code if it can still be used.
            ConditionExpression: cancel
              ? 'attribute_not_exists(#ch.r) AND #ch.t = :pending AND #ch.e > :now'
              : 'attribute_exists(#ch) AND attribute_not_exists(#ch.r) AND #ch.e > :retainedAfter',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: cancel
              ? { ':now': now, ':canceled': 'canceled', ':pending': 'pending' }
              : { ':now': now, ':retainedAfter': now - this.retentionMs },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
    const entryOf = (error: ConditionalCheckFailedException) =>
      (error.Item ? (unmarshall(error.Item) as Item) : undefined)?.[names['#ch']] as
        ChallengeEntry | undefined;
    for (const cancel of [true, false]) {
      try {
        await report(cancel);
        return cancel ? 'canceled' : 'not_pending';
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const entry = entryOf(error);
        if (!entry || !challengeRetained(entry, now, this.retentionMs)) return 'not_found';
        if (entry.r !== undefined) return 'already_reported';
      }
    }
    return 'not_pending';
  }

  async countAbuse(counting: AbuseCounting): Promise<{ ok: true } | { ok: false; scope: AbuseScope }> {
    // Without a conversion check the counters only refuse by their caps.
    const outcome = await this.abuse.count({ counters: counting.counters, hourBucket: counting.hourBucket });
    return 'scope' in outcome ? { ok: false, scope: outcome.scope } : { ok: true };
  }

  async uncountAbuse(counting: AbuseCounting): Promise<void> {
    await this.abuse.uncount({ counters: counting.counters, hourBucket: counting.hourBucket });
  }

  async creditConversion(credit: ConversionCredit, delta: 1 | -1): Promise<void> {
    await creditConversion(this.client, this.table, credit, delta);
  }

  async countDestinationSend(counters: SendCounters): Promise<boolean> {
    return updateOrFalse(this.client, destinationCounterUpdate(this.table, counters));
  }

  async unlock(userId: string, events: readonly AccountEvent[]): Promise<void> {
    await dynamoRequest(() =>
      this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: { pk: pk.user(userId), sk: sk.state },
                UpdateExpression:
                  'SET attempts = :zero, lockCount = :zero, hardLocked = :false, epoch = if_not_exists(epoch, :zero) + :one REMOVE lockedUntil, attemptLimit',
                ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':false': false },
              },
            },
            ...events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
          ],
        }),
      ),
    );
  }

  async createFactor(input: {
    factor: FactorRecord;
    expectFactorsVersion: number;
    expiresAt: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }> {
    const ok = await transactOrFalse(this.client, [
      this.bumpFactorsVersion(input.factor.userId, input.expectFactorsVersion),
      {
        Put: {
          TableName: this.table,
          Item: factorToItem(input.factor, input.expiresAt),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...input.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    return { ok };
  }

  async deleteFactor(input: {
    userId: string;
    factorId: string;
    expectFactorsVersion: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }> {
    const ok = await transactOrFalse(this.client, [
      {
        Delete: {
          TableName: this.table,
          Key: { pk: pk.user(input.userId), sk: sk.factor(input.factorId) },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      this.bumpFactorsVersion(input.userId, input.expectFactorsVersion),
      ...input.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    return { ok };
  }

  async replaceRecoveryCodes(
    userId: string,
    set: RecoveryCodeSet,
    events: readonly AccountEvent[],
  ): Promise<void> {
    await dynamoRequest(() =>
      this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: recoveryToItem(userId, set) } },
            ...events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
          ],
        }),
      ),
    );
  }

  /** The factor cap's guard: the set of factors is exactly as read when the change was decided. */
  private bumpFactorsVersion(userId: string, expect: number): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: { pk: pk.user(userId), sk: sk.state },
        UpdateExpression: 'SET factorsVersion = :next',
        ConditionExpression: equalsOrAbsentIfZero('factorsVersion', ':version', expect),
        ExpressionAttributeValues: { ':version': expect, ':next': expect + 1 },
      },
    };
  }

  /** Runs a transaction; undefined when it committed, else its reasons with items unmarshalled. */
  private async transact(items: TransactItem[]): Promise<Array<{ Code?: string; Item?: Item }> | undefined> {
    try {
      await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      return (error.CancellationReasons ?? []).map((r: CancellationReason) => ({
        ...(r.Code !== undefined ? { Code: r.Code } : {}),
        ...(r.Item ? { Item: unmarshall(r.Item) as Item } : {}),
      }));
    }
  }

  private async readState(userId: string): Promise<Item | undefined> {
    const out = await dynamoRequest(() =>
      this.client.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: pk.user(userId), sk: sk.state },
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item as Item | undefined;
  }
}
