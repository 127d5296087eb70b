/**
 * The verification-state port on one DynamoDB table: the user's state item (attempt
 * window, locks, live codes and their messages, cooldowns, send caps) and what must
 * change with it. Each method is one round trip: a strongly consistent Query or
 * GetItem to read, or one conditional write (an UpdateItem, or a transaction where
 * two items must change together) with its events beside it. A failed condition
 * comes back with the item as it is now (`ReturnValuesOnConditionCheckFailure:
 * ALL_OLD`) and becomes a domain answer, never a guess. The writes themselves are
 * built in send-reservation.ts and attempt-writes.ts.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AbuseScope } from '../../domain/abuse-limits';
import type { AccountEvent } from '../../domain/events';
import type { LockPlan } from '../../domain/lockout';
import type { ChallengeRecord, UserSnapshot, UserState } from '../../domain/records';
import { dayBucket, hourBucket } from '../../domain/send-limits';
import type {
  AcceptOutcome,
  Acceptance,
  AttemptLimits,
  AttemptReservation,
  ReportOutcome,
  SendReservation,
  SendReservationResult,
  VerificationStateStore,
} from '../../ports/verification-state';
import { AbuseCounters } from './abuse-counters';
import {
  acceptFactorUpdate,
  acceptRecoveryUpdate,
  acceptStateUpdate,
  giveBackUpdate,
  lockUpdate,
  reserveAttemptUpdate,
} from './attempt-writes';
import { EventWriter } from './event-writes';
import {
  challengeFromEntry,
  challengeRetained,
  deviceToItem,
  recoveryToItem,
  snapshotFromItems,
  stateFromItem,
  type ChallengeEntry,
  type Item,
} from './item-mapping';
import { STATE_ATTR, pk, sk } from './keys';
import { dynamoRequest, queryPartition, transactWrite, updateOrFalse } from './request';
import type { TransactItem } from './send-counters';
import { reservationItems, undoItems } from './send-reservation';
import type { DynamoDbStoreOptions } from './store-options';
import { ITEM_ABSENT, REPORT_CANCELS, REPORT_RECORDS } from './conditions';

export class DynamoDbVerificationState implements VerificationStateStore {
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
          transactWrite(this.client, items),
          abuse ? this.abuse.count(abuse) : Promise.resolve({ ok: true as const }),
        ]);
        const committed = reserved.status === 'fulfilled' && reserved.value === undefined;
        const allowed = counted.status === 'fulfilled' && counted.value.ok;
        if (committed && allowed) return { ok: true };
        if (committed) await transactWrite(this.client, undoItems(this.table, r));
        if (!committed && abuse && allowed) await this.abuse.uncount(abuse);
        if (reserved.status === 'rejected') throw reserved.reason;
        if (counted.status === 'rejected') throw counted.reason;
        if (!committed) return refusal(reserved.value?.reasons ?? []);
        return { ok: false, reason: 'abuse', scope: (counted.value as { scope: AbuseScope }).scope };
      },
      (result) => !result.ok,
    );
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
    const refusal = await transactWrite(this.client, [
      { Update: update },
      ...events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    if (!refusal) return { ok: true };
    return { ok: false, state: stateFromItem(refusal.reasons[0]?.Item ?? (await this.readState(userId))) };
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
          ConditionExpression: ITEM_ABSENT,
        },
      });
    }
    if (a.rememberDevice) {
      extra.push({
        Put: {
          TableName: this.table,
          Item: deviceToItem(a.rememberDevice),
          ConditionExpression: ITEM_ABSENT,
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
    const refusal = await transactWrite(this.client, [
      { Update: state },
      ...extra,
      ...a.events.map((e) => ({ Put: { TableName: this.table, Item: this.events.item(e) } })),
    ]);
    if (!refusal) return { ok: true, recoveryCodesIssued: a.issueRecoveryCodes !== undefined };
    // Only the state item (the first) can say the user is locked.
    return refusal.refusedBy === 0
      ? refusedBy(refusal.reasons[0]?.Item)
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
            ConditionExpression: cancel ? REPORT_CANCELS : REPORT_RECORDS,
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
