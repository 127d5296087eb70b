import { metricsFor } from '../../lambdas/observability/outcome-metrics';

const answer = (statusCode: number, body: unknown) => ({ statusCode, body: JSON.stringify(body) });

describe('Module: outcome-metrics', () => {
  describe('Function: metricsFor', () => {
    it('counts a code sent, by channel', () => {
      const event = { httpMethod: 'POST', resource: '/v1/users/{userId}/challenges' };
      expect(metricsFor(event, answer(202, { channel: 'sms' }))).toEqual([
        { name: 'CodesSent', dimensions: { channel: 'sms' } },
      ]);
      expect(metricsFor(event, answer(502, { code: 'delivery_failed', channel: 'email' }))).toEqual([
        { name: 'DeliveryFailures', dimensions: { channel: 'email' } },
      ]);
    });
    it('counts enrolment codes from the nested challenge', () => {
      const event = { httpMethod: 'POST', resource: '/v1/users/{userId}/factors' };
      expect(metricsFor(event, answer(201, { factor: {}, challenge: { channel: 'email' } }))).toEqual([
        { name: 'CodesSent', dimensions: { channel: 'email' } },
      ]);
      expect(metricsFor(event, answer(201, { factor: {}, secret: 'x' }))).toEqual([]);
    });
    it('counts approvals, failures and the failure that locks', () => {
      const event = { httpMethod: 'POST', resource: '/v1/users/{userId}/verify' };
      expect(metricsFor(event, answer(200, { status: 'approved' }))).toEqual([
        { name: 'VerificationsApproved' },
      ]);
      expect(metricsFor(event, answer(422, { code: 'code_incorrect' }))).toEqual([
        { name: 'VerificationsFailed' },
      ]);
      expect(metricsFor(event, answer(423, { code: 'locked', attemptsRemaining: 0 }))).toEqual([
        { name: 'VerificationsFailed' },
        { name: 'Lockouts' },
      ]);
      // Already locked: no new failure was evaluated.
      expect(metricsFor(event, answer(423, { code: 'locked' }))).toEqual([]);
    });
  });
});
