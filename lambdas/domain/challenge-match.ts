/**
 * What an entered code means against the challenges of one slot: the current code
 * (accept), a superseded or used or expired one (a precise answer, not counted),
 * or none of them (counted as wrong, if there is a code to guess at all).
 */
import { codeMatches } from './codes';
import { isCurrent, type ChallengeRecord } from './records';

export type ChallengeVerdict =
  | { readonly kind: 'match'; readonly challenge: ChallengeRecord }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'already_used' }
  | { readonly kind: 'expired' }
  /** No code matched; `current` is the challenge whose code was missed. */
  | { readonly kind: 'wrong'; readonly current: ChallengeRecord }
  | { readonly kind: 'nothing_pending'; readonly latestExpired: boolean };

/** Entered codes are compared without the spaces and dashes people type or paste. */
export function normaliseEnteredCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export function judgeChallengeCode(
  key: Buffer,
  challenges: readonly ChallengeRecord[],
  slot: string,
  code: string,
  now: number,
): ChallengeVerdict {
  const inSlot = challenges.filter((c) => c.slot === slot).sort((a, b) => b.createdAt - a.createdAt);
  // Every record is checked, so the time taken does not reveal which one matched.
  const matches = inSlot.filter((c) => codeMatches(key, c.seed, c.codeLength, code));
  const live = (c: ChallengeRecord) => isCurrent(c, now);
  const matchedCurrent = matches.find(live);
  if (matchedCurrent) return { kind: 'match', challenge: matchedCurrent };
  const matched = matches[0];
  if (matched) {
    if (matched.status === 'superseded') return { kind: 'superseded' };
    if (matched.status === 'approved') return { kind: 'already_used' };
    return { kind: 'expired' };
  }
  const current = inSlot.find(live);
  if (current) return { kind: 'wrong', current };
  const latest = inSlot[0];
  return { kind: 'nothing_pending', latestExpired: latest !== undefined && latest.status === 'pending' };
}
