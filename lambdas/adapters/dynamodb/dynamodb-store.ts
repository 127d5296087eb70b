/**
 * The Store port on one DynamoDB table. Each method is one request: a strongly
 * consistent Query or GetItem to read, or one conditional UpdateItem or
 * TransactWriteItems to write. Conditions are built from the named parts in
 * conditions.ts; a failed condition comes back with the item as it is now
 * (`ReturnValuesOnConditionCheckFailure: ALL_OLD`) and becomes a domain answer,
 * never a guess.
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
import type { AccountEvent } from '../../domain/events';
import type { FailurePlan } from '../../domain/lockout';
import type { ChallengeRecord, FactorRecord, UserSnapshot } from '../../domain/records';
import { hourBucket, dayBucket } from '../../domain/send-limits';
import {
  type AcceptOutcome,
  type DeliveryFailure,
  type DeliveryOutcomeRecord,
  type Acceptance,
  type FailureOutcome,
  type IdempotencyRecord,
  type SendReservation,
  type SendReservationResult,
  type Store,
} from '../../ports/store';
import {
  ABSENT_OR_EXPIRED,
  CHALLENGE_PENDING,
  COOLDOWN_ELAPSED,
  NOT_LOCKED,
  allOf,
  belowOrAbsent,
  equalsOrAbsentIfZero,
} from './conditions';
import {
  challengeFromItem,
  challengeToItem,
  deviceToItem,
  eventToItem,
  factorToItem,
  idempotentFromItem,
  isLive,
  recoveryToItem,
  snapshotFromItems,
  stateFromItem,
  type Item,
} from './item-mapping';
import { dynamoRequest, queryPartition, transactOrFalse, updateOrFalse } from './request';
import { COUNTER_ROLES, sendCounterItems, type TransactItem } from './send-counters';
import { TTL_ATTRIBUTE, cooldownAttribute, pk, sk, toTtl } from './keys';

export interface DynamoDbStoreOptions {
  readonly tableName: string;
  /** Days an account event is kept. @default 400 */
  readonly eventRetentionDays?: number;
}

export class DynamoDbStore implements Store {
  private readonly table: string;
  private readonly eventRetentionDays: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbStoreOptions,
  ) {
    this.table = options.tableName;
    this.eventRetentionDays = options.eventRetentionDays ?? 400;
  }

  async loadUser(userId: string, now: number): Promise<UserSnapshot> {
    const items = await queryPartition(this.client, this.table, pk.user(userId));
    return snapshotFromItems(userId, items, now, { hour: hourBucket(now), day: dayBucket(now) });
  }

  async getChallenge(userId: string, challengeId: string, now: number): Promise<ChallengeRecord | undefined> {
    const out = await dynamoRequest(() =>
      this.client.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: pk.user(userId), sk: sk.challenge(challengeId) },
          ConsistentRead: true,
        }),
      ),
    );
    const item = out.Item as Item | undefined;
    return item && isLive(item, now) ? challengeFromItem(item) : undefined;
  }

  async reserveSend(r: SendReservation): Promise<SendReservationResult> {
    const userPk = pk.user(r.userId);
    const items: TransactItem[] = [];
    const roles: Array<
      'state' | 'challenge' | 'superseded' | 'factor' | 'counter' | 'event' | 'idempotency'
    > = [];
    const push = (role: (typeof roles)[number], item: TransactItem) => {
      roles.push(role);
      items.push(item);
    };

    // 1. The state item: one send per cooldown, none while locked, factor cap unchanged.
    const stateSet = ['#cd = :now', 'updatedAt = :now'];
    const stateConditions = [COOLDOWN_ELAPSED, NOT_LOCKED];
    const stateValues: Record<string, unknown> = {
      ':now': r.now,
      ':cutoff': r.cooldownCutoff,
      ':false': false,
    };
    if (r.locale !== undefined) {
      stateSet.push('#locale = :locale');
      stateValues[':locale'] = r.locale;
    }
    if (r.newFactor) {
      stateSet.push('factorsVersion = :nextVersion');
      stateConditions.push(
        equalsOrAbsentIfZero('factorsVersion', ':version', r.newFactor.expectFactorsVersion),
      );
      stateValues[':version'] = r.newFactor.expectFactorsVersion;
      stateValues[':nextVersion'] = r.newFactor.expectFactorsVersion + 1;
    }
    push('state', {
      Update: {
        TableName: this.table,
        Key: { pk: userPk, sk: sk.state },
        UpdateExpression: `SET ${stateSet.join(', ')}`,
        ConditionExpression: allOf(...stateConditions),
        ExpressionAttributeNames: {
          '#cd': cooldownAttribute(r.cooldownKey),
          ...(r.locale !== undefined ? { '#locale': 'locale' } : {}),
        },
        ExpressionAttributeValues: stateValues,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });

    // 2. The code: a new challenge, or one more delivery of the pending one.
    if (r.challenge.kind === 'new') {
      push('challenge', {
        Put: {
          TableName: this.table,
          Item: challengeToItem(r.challenge.record, r.retentionSeconds),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
      if (r.challenge.supersedes) {
        // The code it replaces stops working, but stays recognisable as superseded.
        push('superseded', {
          Update: {
            TableName: this.table,
            Key: { pk: userPk, sk: sk.challenge(r.challenge.supersedes) },
            UpdateExpression: 'SET #status = :superseded',
            ConditionExpression: 'attribute_exists(pk) AND #status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':superseded': 'superseded', ':pending': 'pending' },
          },
        });
      }
    } else {
      const d = r.challenge.delivery;
      push('challenge', {
        Update: {
          TableName: this.table,
          Key: { pk: userPk, sk: sk.challenge(r.challenge.challengeId) },
          UpdateExpression:
            'SET deliveries = list_append(deliveries, :delivery), channel = :channel, factorId = :factorId',
          ConditionExpression: CHALLENGE_PENDING,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':delivery': [d],
            ':channel': d.channel,
            ':factorId': d.factorId,
            ':pending': 'pending',
            ':now': r.now,
          },
        },
      });
    }

    if (r.newFactor) {
      push('factor', {
        Put: {
          TableName: this.table,
          Item: factorToItem(
            r.newFactor.record,
            // A factor never activated disappears with its enrolment code's record.
            r.challenge.kind === 'new' ? r.challenge.record.expiresAt + r.retentionSeconds * 1000 : undefined,
          ),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }

    // 3. Send caps, per user and per destination, hourly and daily: counters that refuse to pass the cap.
    for (const item of sendCounterItems(this.table, r.userId, r.counters)) push('counter', item);

    for (const event of r.events) push('event', this.putEvent(event));
    if (r.idempotency) push('idempotency', this.putIdempotency(r.userId, r.idempotency, r.now, true));

    try {
      await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
      return { ok: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const failed = (role: (typeof roles)[number]) =>
        reasons.filter((reason, i) => roles[i] === role && reason.Code === 'ConditionalCheckFailed');
      const idem = failed('idempotency')[0];
      if (idem?.Item) {
        return {
          ok: false,
          reason: 'idempotent',
          response: idempotentFromItem(unmarshall(idem.Item) as Item),
        };
      }
      const stateFailure = failed('state')[0];
      if (stateFailure) {
        const state = stateFromItem(stateFailure.Item ? (unmarshall(stateFailure.Item) as Item) : undefined);
        const locked = state.hardLocked || (state.lockedUntil !== undefined && state.lockedUntil > r.now);
        if (locked) return { ok: false, reason: 'locked' };
        const stamp = state.cooldowns[r.cooldownKey];
        if (stamp !== undefined && stamp > r.cooldownCutoff) return { ok: false, reason: 'cooldown' };
        return { ok: false, reason: 'conflict' };
      }
      let counterIndex = 0;
      for (let i = 0; i < reasons.length; i++) {
        if (roles[i] !== 'counter') continue;
        const role = COUNTER_ROLES[counterIndex++];
        if (reasons[i]?.Code === 'ConditionalCheckFailed' && role) return { ok: false, reason: role };
      }
      // Another request changed the challenge, the factor or an item in between: decide again.
      return { ok: false, reason: 'conflict' };
    }
  }

  async recordDeliveryFailure(input: DeliveryFailure): Promise<void> {
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.table,
          Key: { pk: pk.user(input.userId), sk: sk.challenge(input.challengeId) },
          UpdateExpression: `SET deliveries[${input.deliveryIndex}].#status = :failed, deliveries[${input.deliveryIndex}].statusAt = :now`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':now': input.now },
        },
      },
      ...input.events.map((e) => this.putEvent(e)),
    ];
    if (input.idempotency) items.push(this.putIdempotency(input.userId, input.idempotency, input.now, false));
    await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
  }

  async recordDeliveryStatus(input: DeliveryOutcomeRecord): Promise<boolean> {
    const path = `deliveries[${input.deliveryIndex}]`;
    const conditions = ['attribute_exists(pk)', `attribute_exists(${path})`];
    // Events arrive out of order: a final outcome is never replaced by "sent".
    if (input.status === 'sent') conditions.push(`NOT ${path}.#status IN (:delivered, :failed)`);
    return updateOrFalse(this.client, {
      TableName: this.table,
      Key: { pk: pk.user(input.userId), sk: sk.challenge(input.challengeId) },
      UpdateExpression: `SET ${path}.#status = :status, ${path}.statusAt = :at`,
      ConditionExpression: allOf(...conditions),
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': input.status,
        ':at': input.at,
        ...(input.status === 'sent' ? { ':delivered': 'delivered', ':failed': 'failed' } : {}),
      },
    });
  }

  async recordFailure(
    userId: string,
    plan: FailurePlan,
    now: number,
    events: readonly AccountEvent[],
  ): Promise<FailureOutcome> {
    const values: Record<string, unknown> = { ':false': false, ':now': now };
    const set = ['updatedAt = :now'];
    const remove: string[] = [];
    const conditions = ['attribute_not_exists(hardLocked) OR hardLocked = :false'];
    let add = '';

    if (plan.expectLockedUntil !== undefined || plan.lock) {
      // Exact-match writes: a lock that ended opens a new window, or this failure locks.
      // Both must see precisely the counts they were planned from.
      set.push('failures = :failuresAfter', 'consecutiveFailures = :consecutiveAfter');
      values[':failuresAfter'] = plan.failuresAfter;
      values[':consecutiveAfter'] = plan.consecutiveAfter;
      conditions.push(equalsOrAbsentIfZero('failures', ':expectFailures', plan.expectFailures));
      conditions.push(
        equalsOrAbsentIfZero('consecutiveFailures', ':expectConsecutive', plan.expectConsecutive),
      );
      conditions.push(equalsOrAbsentIfZero('lockCount', ':expectLocks', plan.expectLocks));
      values[':expectFailures'] = plan.expectFailures;
      values[':expectConsecutive'] = plan.expectConsecutive;
      values[':expectLocks'] = plan.expectLocks;
      if (plan.expectLockedUntil !== undefined) {
        // Only a lock that has ended: a running one refuses every attempt.
        conditions.push('lockedUntil = :expectLockedUntil AND lockedUntil <= :now');
        values[':expectLockedUntil'] = plan.expectLockedUntil;
      } else {
        conditions.push('attribute_not_exists(lockedUntil)');
      }
      if (plan.lock) {
        set.push('lockCount = :locksAfter');
        values[':locksAfter'] = plan.lock.locksAfter;
        if (plan.lock.until === null) {
          set.push('hardLocked = :true');
          values[':true'] = true;
          remove.push('lockedUntil');
        } else {
          set.push('lockedUntil = :until');
          values[':until'] = plan.lock.until;
        }
      } else {
        remove.push('lockedUntil');
      }
    } else {
      // The common case, free of contention: add one while both counts stay under their limits,
      // so however many wrong codes arrive together, at most the limit are counted.
      add = 'ADD failures :one, consecutiveFailures :one';
      values[':one'] = 1;
      values[':failuresBelow'] = plan.failuresBelow;
      values[':consecutiveBelow'] = plan.consecutiveBelow;
      conditions.push(belowOrAbsent('failures', ':failuresBelow'));
      conditions.push(belowOrAbsent('consecutiveFailures', ':consecutiveBelow'));
      conditions.push('attribute_not_exists(lockedUntil)');
    }

    const update: NonNullable<TransactItem['Update']> = {
      TableName: this.table,
      Key: { pk: pk.user(userId), sk: sk.state },
      UpdateExpression: [`SET ${set.join(', ')}`, remove.length ? `REMOVE ${remove.join(', ')}` : '', add]
        .filter(Boolean)
        .join(' '),
      ConditionExpression: allOf(...conditions),
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    };
    try {
      if (events.length === 0) {
        await dynamoRequest(() => this.client.send(new UpdateCommand(update)));
      } else {
        await dynamoRequest(() =>
          this.client.send(
            new TransactWriteCommand({
              TransactItems: [{ Update: update }, ...events.map((e) => this.putEvent(e))],
            }),
          ),
        );
      }
      return { ok: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return { ok: false, state: stateFromItem(error.Item ? (unmarshall(error.Item) as Item) : undefined) };
      }
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const first = reasons[0];
      return {
        ok: false,
        state: stateFromItem(first?.Item ? (unmarshall(first.Item) as Item) : await this.readState(userId)),
      };
    }
  }

  async accept(a: Acceptance): Promise<AcceptOutcome> {
    const userPk = pk.user(a.userId);
    const items: TransactItem[] = [
      {
        // Success resets every count, but only for a user who is not locked at this instant.
        Update: {
          TableName: this.table,
          Key: { pk: userPk, sk: sk.state },
          UpdateExpression:
            'SET failures = :zero, consecutiveFailures = :zero, lockCount = :zero, updatedAt = :now REMOVE lockedUntil',
          ConditionExpression: NOT_LOCKED,
          ExpressionAttributeValues: { ':zero': 0, ':now': a.now, ':false': false },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    ];
    const t = a.target;
    let factorHandled = false;
    if (t.kind === 'challenge') {
      // A code is accepted at most once: only a pending, unexpired challenge turns approved.
      items.push({
        Update: {
          TableName: this.table,
          Key: { pk: userPk, sk: sk.challenge(t.challengeId) },
          UpdateExpression: 'SET #status = :approved, approvedAt = :now',
          ConditionExpression: CHALLENGE_PENDING,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':approved': 'approved', ':pending': 'pending', ':now': a.now },
        },
      });
    } else if (t.kind === 'recovery_code') {
      // A recovery code is accepted at most once: removing it from the set is the acceptance.
      items.push({
        Update: {
          TableName: this.table,
          Key: { pk: userPk, sk: sk.recovery },
          UpdateExpression: 'DELETE hashes :codeSet',
          ConditionExpression: 'contains(hashes, :code)',
          ExpressionAttributeValues: { ':codeSet': new Set([t.hash]), ':code': t.hash },
        },
      });
    } else {
      // A TOTP time step is accepted at most once, and never one older than the last accepted.
      factorHandled = true;
      items.push(
        this.factorUpdate(a, {
          set: ['lastTotpStep = :step', 'totpDrift = :drift'],
          condition: 'attribute_not_exists(lastTotpStep) OR lastTotpStep < :step',
          values: { ':step': t.timeStep, ':drift': t.drift },
        }),
      );
    }
    if (a.factorId && !factorHandled)
      items.push(this.factorUpdate(a, { set: [], condition: '', values: {} }));
    if (a.issueRecoveryCodes) {
      items.push({
        Put: {
          TableName: this.table,
          Item: recoveryToItem(a.userId, a.issueRecoveryCodes),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    if (a.rememberDevice) {
      items.push({
        Put: {
          TableName: this.table,
          Item: deviceToItem(a.rememberDevice),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    for (const event of a.events) items.push(this.putEvent(event));

    try {
      await dynamoRequest(() => this.client.send(new TransactWriteCommand({ TransactItems: items })));
      return { ok: true, recoveryCodesIssued: a.issueRecoveryCodes !== undefined };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const stateFailure = reasons[0];
      if (stateFailure?.Code === 'ConditionalCheckFailed') {
        return {
          ok: false,
          reason: 'locked',
          state: stateFromItem(stateFailure.Item ? (unmarshall(stateFailure.Item) as Item) : undefined),
        };
      }
      return { ok: false, reason: 'target_changed' };
    }
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
                  'SET failures = :zero, consecutiveFailures = :zero, lockCount = :zero, hardLocked = :false REMOVE lockedUntil',
                ExpressionAttributeValues: { ':zero': 0, ':false': false },
              },
            },
            ...events.map((e) => this.putEvent(e)),
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
      ...input.events.map((e) => this.putEvent(e)),
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
      ...input.events.map((e) => this.putEvent(e)),
    ]);
    return { ok };
  }

  async replaceRecoveryCodes(
    userId: string,
    set: { hashes: readonly string[]; generatedAt: number },
    events: readonly AccountEvent[],
  ): Promise<void> {
    await dynamoRequest(() =>
      this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: recoveryToItem(userId, set),
              },
            },
            ...events.map((e) => this.putEvent(e)),
          ],
        }),
      ),
    );
  }

  private factorUpdate(
    a: Acceptance,
    extra: { set: string[]; condition: string; values: Record<string, unknown> },
  ): TransactItem {
    const factorId = a.target.kind === 'totp' ? a.target.factorId : (a.factorId as string);
    const set = ['lastUsedAt = :now', ...extra.set];
    const conditions = ['attribute_exists(pk)'];
    if (extra.condition) conditions.push(extra.condition);
    const values: Record<string, unknown> = { ':now': a.now, ...extra.values };
    let remove = '';
    if (a.activate) {
      // Activation happens once; it also ends the pending factor's expiry.
      set.push('#status = :active', 'activatedAt = :now');
      conditions.push('#status = :pendingFactor');
      values[':active'] = 'active';
      values[':pendingFactor'] = 'pending';
      remove = ' REMOVE #ttl';
    }
    return {
      Update: {
        TableName: this.table,
        Key: { pk: pk.user(a.userId), sk: sk.factor(factorId) },
        UpdateExpression: `SET ${set.join(', ')}${remove}`,
        ConditionExpression: allOf(...conditions),
        ...(a.activate ? { ExpressionAttributeNames: { '#status': 'status', '#ttl': TTL_ATTRIBUTE } } : {}),
        ExpressionAttributeValues: values,
      },
    };
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

  private putEvent(event: AccountEvent): TransactItem {
    return { Put: { TableName: this.table, Item: eventToItem(event, this.eventRetentionDays) } };
  }

  private putIdempotency(
    userId: string,
    r: IdempotencyRecord,
    now: number,
    firstWrite: boolean,
  ): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: {
          pk: pk.user(userId),
          sk: sk.idempotency(r.key),
          kind: 'idempotency',
          key: r.key,
          requestHash: r.requestHash,
          statusCode: r.statusCode,
          body: r.body,
          [TTL_ATTRIBUTE]: toTtl(r.expiresAt),
        },
        ...(firstWrite
          ? {
              // One answer per key: a concurrent twin finds this one and returns it.
              ConditionExpression: ABSENT_OR_EXPIRED,
              ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
              ExpressionAttributeValues: { ':nowSeconds': Math.floor(now / 1000) },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
            }
          : {}),
      },
    };
  }

  private async readState(userId: string) {
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

function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  return error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : undefined;
}
