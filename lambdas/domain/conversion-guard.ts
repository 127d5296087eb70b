/**
 * The conversion guard (docs/api.md, "Abuse defences"; docs/decisions.md 41-44):
 * genuine users enter most of the codes they are sent, pumped numbers none, so a
 * number prefix (or a whole country, on a larger sample) whose recent code sends
 * were rarely approved is blocked for a while. Recent means the clock hour the
 * abuse counters already count in: each hourly prefix and country item carries
 * `s` (codes sent) and `a` (codes approved) beside the rate counter, and a block
 * (`bu`, blocked until) is written onto every hour it covers, so a send learns it
 * all from the one conditional ADD it makes anyway.
 *
 * After a block the prefix is on probation (`p`): it is judged again after two
 * sends instead of a full sample, so a slow attack gets one probe per block, not a
 * fresh sample every hour. A destination its owner has verified (an active factor)
 * is exempt and left out of the counts, and a prefix whose own codes this hour were
 * approved often enough is spared its country's block: the attacker cannot fake
 * approvals without the codes.
 */

/** The metrics only the use cases know of (carried on their replies; names in lambdas/contract/telemetry.ts). */
export const CONVERSION_METRICS = {
  /** Monitor mode: a send the guard would have blocked (`scope`, `reason`, `channel`). */
  sendsFlagged: 'SendsFlagged',
  /** An approved out-of-band code (`channel`): with CodesSent, conversion per channel. */
  codesApproved: 'CodesApproved',
} as const;

/** `ONETIME_CONVERSION_GUARD`: block, only judge and record, or do nothing. */
export const CONVERSION_MODES = ['enforce', 'monitor', 'off'] as const;
export type ConversionMode = (typeof CONVERSION_MODES)[number];

export type ConversionScope = 'prefix' | 'country';

export interface ConversionThresholds {
  readonly conversionGuard: ConversionMode;
  /** Below this share of approved codes (in percent) a judged prefix or country is blocked. */
  readonly conversionMinPercent: number;
  /** Code sends to one prefix in the hour before it is judged. */
  readonly conversionPrefixSample: number;
  /** Code sends to one country in the hour before it is judged. */
  readonly conversionCountrySample: number;
  /** How long a block lasts, in seconds. */
  readonly conversionBlockSeconds: number;
}

/** Sends a prefix or country on probation (just out of a block) is judged after. */
export const PROBATION_SAMPLE = 2;

/** What one hourly prefix or country item said after the send's ADD (the send included). */
export interface ConversionReading {
  readonly sent: number;
  readonly approved: number;
  /** Epoch ms until which a block holds, if one was written. */
  readonly blockedUntil?: number;
  /** The hour follows a block: judged after {@link PROBATION_SAMPLE} sends. */
  readonly probation?: boolean;
}

export interface ConversionCheck {
  readonly thresholds: ConversionThresholds;
  readonly now: number;
  /** A destination its owner verified before: neither counted toward conversion nor blocked. */
  readonly exempt: boolean;
}

export type ConversionVerdict =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'low';
      readonly scope: ConversionScope;
      /** Epoch ms the block ends. */
      readonly until: number;
      /** True when this send tipped the reading into low conversion: its block must be written. */
      readonly starts: boolean;
    };

/** True when the reading's approvals are at least the minimum share of its sends. */
export function converts(r: ConversionReading, minPercent: number): boolean {
  return r.approved * 100 >= minPercent * r.sent;
}

function judgeOne(
  r: ConversionReading | undefined,
  sample: number,
  check: ConversionCheck,
  scope: ConversionScope,
): ConversionVerdict {
  if (!r) return { kind: 'ok' };
  if (r.blockedUntil !== undefined && r.blockedUntil > check.now) {
    return { kind: 'low', scope, until: r.blockedUntil, starts: false };
  }
  const needed = r.probation ? Math.min(PROBATION_SAMPLE, sample) : sample;
  const min = check.thresholds.conversionMinPercent;
  const low = (x: ConversionReading) => x.sent >= needed && !converts(x, min);
  if (!low(r)) return { kind: 'ok' };
  // Only the send that tipped the reading writes the block: parallel sends past it would repeat it.
  const before = { sent: r.sent - 1, approved: r.approved };
  return {
    kind: 'low',
    scope,
    until: check.now + check.thresholds.conversionBlockSeconds * 1000,
    starts: !low(before),
  };
}

/**
 * Judges one code send from its prefix's and its country's readings. The prefix is
 * judged first (its block is the narrower one); a country's block spares a prefix
 * that converts on its own, with at least one approval this hour.
 */
export function judgeConversion(
  readings: { readonly prefix?: ConversionReading; readonly country?: ConversionReading },
  check: ConversionCheck,
): ConversionVerdict {
  const t = check.thresholds;
  if (t.conversionGuard === 'off' || check.exempt) return { kind: 'ok' };
  const prefix = judgeOne(readings.prefix, t.conversionPrefixSample, check, 'prefix');
  if (prefix.kind === 'low') return prefix;
  const p = readings.prefix;
  if (p && p.approved > 0 && converts(p, t.conversionMinPercent)) return { kind: 'ok' };
  return judgeOne(readings.country, t.conversionCountrySample, check, 'country');
}

/** The hour buckets a block from `now` to `until` covers, first to last. */
export function blockedHours(now: number, until: number): number[] {
  const first = Math.floor(now / 3_600_000);
  const last = Math.floor((until - 1) / 3_600_000);
  return Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => first + i);
}
