/**
 * The abuse limits' counters: one item per scope and clock hour (`ABUSE#<scope>#<key>`,
 * `H#<hour bucket>`), each one conditional ADD that refuses to pass its cap, with no
 * read first. The API key's count is an attribute of the service shard's item, so a
 * send writes at most four counters, each its own update outside any transaction:
 * a counter may over-count safely, and one refused takes the others' counts back.
 * A code send also counts toward its prefix's and country's conversion on the same
 * items and reads it back, for the conversion guard to judge (conversion-writes.ts).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AbuseScope } from '../../domain/abuse-limits';
import { judgeConversion, type ConversionReading } from '../../domain/conversion-guard';
import type { AbuseCounting, ConversionBlock, SendReservationResult } from '../../ports/verification-state';
import { belowOrAbsent } from './conditions';
import type { Item } from './item-mapping';
import { TTL_ATTRIBUTE, toTtl } from './keys';
import { dynamoRequest } from './request';
import { abuseKey, readingOf, writeBlock } from './conversion-writes';

export type AbuseOutcome =
  | { readonly ok: true; readonly flagged?: ConversionBlock }
  | { readonly ok: false; readonly scope: AbuseScope }
  | { readonly ok: false; readonly conversion: ConversionBlock };

/** A reservation's answer when the counters let the send go (monitor mode may have flagged it). */
export function allowedResult(outcome: AbuseOutcome): SendReservationResult {
  return 'flagged' in outcome && outcome.flagged ? { ok: true, flagged: outcome.flagged } : { ok: true };
}

/** A reservation's answer when the counters refused: an abuse limit, or the conversion guard. */
export function refusedResult(outcome: Exclude<AbuseOutcome, { ok: true }>): SendReservationResult {
  return 'conversion' in outcome
    ? { ok: false, reason: 'low_conversion', block: outcome.conversion }
    : { ok: false, reason: 'abuse', scope: outcome.scope };
}

interface CounterWrite {
  readonly scope: AbuseScope;
  readonly counterKey: string;
  readonly key: { pk: string; sk: string };
  /** Also counts a code sent toward conversion (`s`), and reads the item back. */
  readonly conversion: boolean;
  readonly attributes: Record<string, string>;
  readonly caps: ReadonlyArray<{
    readonly attribute: string;
    readonly max: number;
    readonly scope: AbuseScope;
  }>;
}

/** The writes for a set of counters: the key counter joins the service shard's item. */
function writesFor(c: AbuseCounting): CounterWrite[] {
  const key = c.counters.find((x) => x.scope === 'key');
  // A verified number's code is neither counted toward conversion nor judged (docs/decisions.md 43).
  const judged =
    c.conversion !== undefined && !c.conversion.exempt && c.conversion.thresholds.conversionGuard !== 'off';
  return c.counters
    .filter((x) => x.scope !== 'key')
    .map((x) => ({
      scope: x.scope,
      counterKey: x.key,
      key: abuseKey(x.scope, x.key, c.hourBucket),
      conversion: judged && (x.scope === 'prefix' || x.scope === 'country'),
      attributes: { '#n': 'n', ...(x.scope === 'service' && key ? { '#k': `k:${key.key}` } : {}) },
      caps: [
        { attribute: '#n', max: x.max, scope: x.scope },
        ...(x.scope === 'service' && key ? [{ attribute: '#k', max: key.max, scope: 'key' as const }] : []),
      ],
    }));
}

export class AbuseCounters {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Counts every counter at once; the first refused one names the scope, and the
   * others are taken back. A code send is then judged on its prefix's and country's
   * conversion as the ADDs left them: a block this send starts is written, and in
   * enforce mode the send's counts are taken back as for any refusal.
   */
  async count(c: AbuseCounting): Promise<AbuseOutcome> {
    const writes = writesFor(c);
    const results = await Promise.allSettled(writes.map((w) => this.add(w, c.hourBucket)));
    const counted = writes.filter(
      (_, i) => results[i]?.status === 'fulfilled' && results[i].value.refused === undefined,
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const refused = results
      .map((r) => (r.status === 'fulfilled' ? r.value.refused : undefined))
      .find((scope) => scope !== undefined);
    if (failure || refused) {
      await this.takeBack(counted);
      if (failure) throw failure.reason;
      return { ok: false, scope: refused as AbuseScope };
    }
    if (!c.conversion || c.conversion.exempt) return { ok: true };
    const reading = (scope: AbuseScope) => {
      const i = writes.findIndex((w) => w.scope === scope && w.conversion);
      const r = results[i];
      return r?.status === 'fulfilled' ? r.value.reading : undefined;
    };
    const prefix = reading('prefix');
    const country = reading('country');
    const verdict = judgeConversion(
      { ...(prefix ? { prefix } : {}), ...(country ? { country } : {}) },
      c.conversion,
    );
    if (verdict.kind === 'ok') return { ok: true };
    const block = { scope: verdict.scope, until: verdict.until };
    const enforce = c.conversion.thresholds.conversionGuard === 'enforce';
    const blocked = writes.find((w) => w.scope === verdict.scope) as CounterWrite;
    await Promise.all([
      verdict.starts
        ? writeBlock(
            this.client,
            this.table,
            { scope: blocked.scope, key: blocked.counterKey },
            c.conversion.now,
            verdict.until,
          )
        : undefined,
      enforce ? this.takeBack(counted) : undefined,
    ]);
    return enforce ? { ok: false, conversion: block } : { ok: true, flagged: block };
  }

  /** Takes a whole counting back (its send was refused by another guard). */
  async uncount(c: AbuseCounting): Promise<void> {
    await this.takeBack(writesFor(c));
  }

  /** One more send; the scope that refused, or the item as counted (a conversion reading). */
  private async add(
    w: CounterWrite,
    hourBucket: number,
  ): Promise<{ refused?: AbuseScope; reading?: ConversionReading }> {
    const names = [...w.caps.map((cap) => cap.attribute), ...(w.conversion ? ['s'] : [])];
    try {
      const out = await dynamoRequest(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: w.key,
            UpdateExpression: `ADD ${names.map((n) => `${n} :one`).join(', ')} SET #ttl = :ttl`,
            ConditionExpression: w.caps
              .map((cap, i) => `(${belowOrAbsent(cap.attribute, `:max${i}`)})`)
              .join(' AND '),
            ExpressionAttributeNames: { ...w.attributes, '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':one': 1,
              ':ttl': toTtl((hourBucket + 1) * 3_600_000),
              ...Object.fromEntries(w.caps.map((cap, i) => [`:max${i}`, cap.max])),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            // The code send's conversion comes back from the write itself: no read.
            ...(w.conversion ? { ReturnValues: 'ALL_NEW' as const } : {}),
          }),
        ),
      );
      return w.conversion ? { reading: readingOf(out.Attributes as Item | undefined) } : {};
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = error.Item ? (unmarshall(error.Item) as Item) : {};
      const full = w.caps.find((cap) => {
        const value = old[w.attributes[cap.attribute] as string];
        return typeof value === 'number' && value >= cap.max;
      });
      return { refused: (full ?? w.caps[0])?.scope ?? 'service' };
    }
  }

  private async takeBack(writes: readonly CounterWrite[]): Promise<void> {
    await Promise.all(
      writes.map((w) =>
        dynamoRequest(() =>
          this.client.send(
            new UpdateCommand({
              TableName: this.table,
              Key: w.key,
              UpdateExpression: `ADD ${[...w.caps.map((cap) => cap.attribute), ...(w.conversion ? ['s'] : [])]
                .map((n) => `${n} :minusOne`)
                .join(', ')}`,
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: w.attributes,
              ExpressionAttributeValues: { ':minusOne': -1 },
            }),
          ),
        ).catch((error: unknown) => {
          // Nothing to take back from an item that is gone; an over-count is safe.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }),
      ),
    );
  }
}
