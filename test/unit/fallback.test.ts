/**
 * The ladder rules (lambdas/domain/fallback.ts) and ONETIME_FALLBACK: what a
 * ladder may say, how it is planned against a user's factors, and what each step
 * shows.
 */
import { ConfigError } from '../../lambdas/contract/env';
import { readPolicy } from '../../lambdas/contract/policy-env';
import { DEFAULT_POLICY } from '../../lambdas/domain/policy';
import {
  formatLadder,
  nextWaitingStep,
  parseLadder,
  planLadder,
  stepOfDelivery,
  stepStatus,
  type FallbackStep,
} from '../../lambdas/domain/fallback';
import type { FactorRecord } from '../../lambdas/domain/records';

const factor = (factorId: string, type: FactorRecord['type'], status: FactorRecord['status'] = 'active') => ({
  userId: 'u',
  factorId,
  type,
  status,
  destination: type === 'email' ? 'a@example.com' : '+14155550100',
  destinationMasked: type === 'email' ? 'a***@example.com' : '+1*******0100',
  createdAt: 1,
});

describe('Module: fallback', () => {
  describe('Function: parseLadder', () => {
    it('reads channels and increasing delays', () => {
      expect(parseLadder(['sms', 'voice@45', 'email@120'], 600)).toEqual({
        ok: true,
        steps: [
          { channel: 'sms', delaySeconds: 0 },
          { channel: 'voice', delaySeconds: 45 },
          { channel: 'email', delaySeconds: 120 },
        ],
      });
      expect(parseLadder(['email@0', 'sms@1'], 600).ok).toBe(true);
    });

    it.each([
      [['fax'], '/fallback/0'],
      [['SMS'], '/fallback/0'],
      [['sms@-1'], '/fallback/0'],
      [['sms@10'], '/fallback/0'],
      [['sms', 'voice'], '/fallback/1'],
      [['sms', 'voice@0'], '/fallback/1'],
      [['sms', 'voice@60', 'email@60'], '/fallback/2'],
      [['sms', 'voice@600'], '/fallback/1'],
      [['sms', 'voice@1e3'], '/fallback/1'],
      [[], '/fallback'],
      [['sms', 'sms@1', 'sms@2', 'sms@3', 'sms@4', 'sms@5'], '/fallback'],
    ])('refuses %j at %s', (items, path) => {
      const parsed = parseLadder(items, 600);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toContain(path);
    });
  });

  describe('Function: planLadder', () => {
    const ladder = [
      { channel: 'sms' as const, delaySeconds: 0 },
      { channel: 'voice' as const, delaySeconds: 60 },
      { channel: 'email' as const, delaySeconds: 180 },
    ];

    it('sends the first step now to the named factor and plans the rest to the active factor of each channel', () => {
      const factors = [
        factor('s1', 'sms'),
        factor('s2', 'sms'),
        factor('v1', 'voice', 'pending'),
        factor('e1', 'email'),
      ];
      const plan = planLadder(ladder, factors, 1_000, factors[1] as ReturnType<typeof factor>);
      expect(plan?.firstIndex).toBe(0);
      expect(plan?.firstFactor.factorId).toBe('s2');
      expect(plan?.steps.map((s) => [s.state, s.factorId, s.dueAt])).toEqual([
        ['sent', 's2', 1_000],
        ['skipped', undefined, 61_000],
        ['scheduled', 'e1', 181_000],
      ]);
      expect(plan?.steps[1]?.reason).toBe('no_factor');
    });

    it('starts at the first step the user has a factor for, and answers undefined when none has', () => {
      expect(planLadder(ladder, [factor('e1', 'email')], 0)?.firstIndex).toBe(2);
      expect(planLadder(ladder, [factor('t1', 'totp')], 0)).toBeUndefined();
    });
  });

  describe('Function: stepStatus', () => {
    const sent: FallbackStep = { channel: 'sms', dueAt: 0, state: 'sent', deliveryIndex: 1 };
    const waiting: FallbackStep = { channel: 'voice', dueAt: 0, state: 'scheduled' };

    it('takes a sent step’s delivery status, and cancels waiting steps of a finished challenge', () => {
      const deliveries = [{ status: 'sent' as const }, { status: 'failed' as const }];
      expect(stepStatus(sent, true, deliveries)).toBe('failed');
      expect(stepStatus(sent, false, [{ status: 'sent' }, { status: 'delivered' }])).toBe('delivered');
      expect(stepStatus(sent, true, [{ status: 'sent' }, { status: 'sent' }])).toBe('sent');
      expect(stepStatus(waiting, true, deliveries)).toBe('scheduled');
      expect(stepStatus(waiting, false, deliveries)).toBe('canceled');
      expect(stepStatus({ ...waiting, state: 'unscheduled' }, true, deliveries)).toBe('unscheduled');
      expect(stepStatus({ ...waiting, state: 'skipped' }, false, deliveries)).toBe('skipped');
    });

    it('finds the next waiting step and the step of a delivery', () => {
      const ladder = { steps: [sent, { ...waiting, state: 'skipped' as const }, waiting] };
      expect(nextWaitingStep(ladder)).toBe(2);
      expect(nextWaitingStep(ladder, 2)).toBeUndefined();
      expect(stepOfDelivery(ladder, 1)).toBe(0);
      expect(stepOfDelivery(ladder, 0)).toBeUndefined();
    });
  });

  describe('Policy: ONETIME_FALLBACK', () => {
    it('defaults to sms,voice@60,email@180 and reads an override', () => {
      expect(formatLadder(DEFAULT_POLICY.fallback)).toBe('sms,voice@60,email@180');
      expect(formatLadder(readPolicy({}).fallback)).toBe('sms,voice@60,email@180');
      expect(formatLadder(readPolicy({ ONETIME_FALLBACK: 'email, sms@30' }).fallback)).toBe('email,sms@30');
    });

    it('fails fast on a ladder a request could not ask for, the code’s life included', () => {
      expect(() => readPolicy({ ONETIME_FALLBACK: 'sms,fax@60' })).toThrow(ConfigError);
      expect(() =>
        readPolicy({ ONETIME_FALLBACK: 'sms,voice@300', ONETIME_CODE_TTL_SECONDS: '300' }),
      ).toThrow(/ONETIME_FALLBACK/);
    });
  });
});
