/** How factors and sent challenges look in answers. */
import type { FactorType } from '../domain/channel';
import type { FactorRecord, UserSnapshot } from '../domain/records';
import { fallbackView } from './fallback-view';
import { iso } from './reply';
import type { SentCode } from './send-code';

export interface FactorView {
  readonly factorId: string;
  readonly type: FactorType;
  readonly status: FactorRecord['status'];
  readonly destinationMasked?: string;
  readonly label?: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
}

export function factorView(f: FactorRecord): FactorView {
  return {
    factorId: f.factorId,
    type: f.type,
    status: f.status,
    ...(f.destinationMasked !== undefined ? { destinationMasked: f.destinationMasked } : {}),
    ...(f.label !== undefined ? { label: f.label } : {}),
    createdAt: iso(f.createdAt),
    ...(f.lastUsedAt !== undefined ? { lastUsedAt: iso(f.lastUsedAt) } : {}),
  };
}

export function challengeView(sent: SentCode) {
  const c = sent.challenge;
  return {
    challengeId: c.challengeId,
    purpose: c.purpose,
    channel: c.channel,
    factorId: c.factorId,
    destinationMasked: c.destinationMasked,
    expiresAt: iso(c.expiresAt),
    resendAvailableAt: iso(sent.resendAvailableAt),
    sendsRemaining: sent.sendsRemaining,
    reusedCode: sent.reusedCode,
    locale: sent.locale,
    // Digits to expect: a code screen sizes its input by it (docs/api.md, "Challenges").
    codeLength: c.codeLength,
    // Just sent, so pending: every step still to come shows as it waits.
    ...(c.fallback ? { fallback: fallbackView(c, true) } : {}),
  };
}

export function factorsBody(snapshot: UserSnapshot) {
  return {
    factors: snapshot.factors.map(factorView),
    twoStepEnabled: snapshot.factors.some((f) => f.status === 'active'),
  };
}
