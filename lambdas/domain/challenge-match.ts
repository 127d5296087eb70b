/**
 * What an entered code means against the challenges of one slot: the current code
 * (accept), a superseded or used or expired one (a precise answer, not counted),
 * or none of them (counted as wrong, if there is a code to guess at all).
 */
import { codeMatches } from './codes';
import type { ChallengeRecord } from './records';

export type ChallengeVerdict =
  | { readonly kind: 'match'; readonly challenge: ChallengeRecord }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'already_used' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'wrong' }
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
  const live = (c: ChallengeRecord) => c.status === 'pending' && c.expiresAt > now;
  const current = matches.find(live);
  if (current) return { kind: 'match', challenge: current };
  const matched = matches[0];
  if (matched) {
    if (matched.status === 'superseded') return { kind: 'superseded' };
    if (matched.status === 'approved') return { kind: 'already_used' };
    return { kind: 'expired' };
  }
  if (inSlot.some(live)) return { kind: 'wrong' };
  const latest = inSlot[0];
  return { kind: 'nothing_pending', latestExpired: latest !== undefined && latest.status === 'pending' };
}
