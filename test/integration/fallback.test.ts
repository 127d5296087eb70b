/**
 * Fallback ladders on the local app (the same handlers and step use case as in
 * AWS, steps run by the in-process timers with short delays): the climb with one
 * code, what stops it, `next`, a failed message moving it on, and the attacks —
 * parallel steps and `next`s, steps after approval, caps, and bad ladders.
 */
import type { SNSEvent } from 'aws-lambda';
import { runFallbackStep, advanceLadderAfterFailure } from '../../lambdas/app/fallback-step';
import type { LadderStep } from '../../lambdas/domain/fallback';
import { outcomeOf } from '../../lambdas/adapters/ses/ses-events';
import { makeDeliveryEventsHandler } from '../../lambdas/handlers/delivery-events';
import type { DueStep, StepScheduler } from '../../lambdas/ports/step-scheduler';
import { silentLog } from '../../local/local-app';
import { scanTable, testApp, type TestApp } from './harness';

const SMS = '+14155550101';
const VOICE = '+14155550102';
const EMAIL = 'ladder@example.com';

const ladder = (...steps: Array<[LadderStep['channel'], number]>): LadderStep[] =>
  steps.map(([channel, delaySeconds]) => ({ channel, delaySeconds }));

/** The code a message carries: SMS and email write it whole, a call reads it digit by digit. */
function codeOf(body: string): string {
  const spoken = /\d(?:, \d){3,9}/.exec(body);
  if (spoken) return spoken[0].replace(/\D/g, '');
  const whole = /\b\d{4,10}\b/.exec(body);
  if (!whole) throw new Error('no code in message');
  return whole[0];
}

async function activeFactor(
  app: TestApp,
  userId: string,
  type: 'sms' | 'voice' | 'email',
  destination: string,
) {
  const added = await app.call('POST', `/v1/users/${userId}/factors`, { type, destination });
  if (added.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(added.body)}`);
  const factorId = (added.body.factor as { factorId: string }).factorId;
  const message = app.outbox.list({ to: destination, limit: 1 })[0];
  const activated = await app.call('POST', `/v1/users/${userId}/factors/${factorId}/activate`, {
    code: codeOf(message?.body ?? ''),
  });
  if (activated.status !== 200) throw new Error(`activate failed: ${JSON.stringify(activated.body)}`);
  return factorId;
}

/** A user with an active sms, voice and email factor (each on its own destination). */
async function threeFactors(app: TestApp, userId: string) {
  return {
    sms: await activeFactor(app, userId, 'sms', SMS),
    voice: await activeFactor(app, userId, 'voice', VOICE),
    email: await activeFactor(app, userId, 'email', EMAIL),
  };
}

/** The codes sent to `to`, newest first (security notices to the same destination left out). */
const sentTo = (app: TestApp, to: string) =>
  app.outbox.list({ to }).filter((m) => /\b\d{6}\b|\d(, \d){5}/.test(m.body));

interface StepBody {
  channel: string;
  factorId?: string;
  destinationMasked?: string;
  at: string;
  status: string;
}
const stepsOf = (body: Record<string, unknown>) => body.fallback as StepBody[];
const statusesOf = (body: Record<string, unknown>) => stepsOf(body).map((s) => s.status);

/** Waits (real time, the timers' clock) until `done` holds, or fails after `ms`. */
async function eventually(done: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A scheduler that counts what it was asked, and refuses the steps named. */
class RecordingScheduler implements StepScheduler {
  readonly asked: DueStep[] = [];
  constructor(private readonly refuse: (step: DueStep) => boolean = () => false) {}
  async schedule(steps: readonly DueStep[]) {
    this.asked.push(...steps);
    return { unscheduled: steps.filter(this.refuse).map((s) => s.stepIndex) };
  }
}

const roomy = { maxSendsPerHour: 50, maxSendsPerDay: 100 };

describe('Fallback ladders: the climb', () => {
  it('climbs sms → voice → email with one code while the challenge is pending', async () => {
    // Prepare
    const app = await testApp({
      policy: { ...roomy, fallback: ladder(['sms', 0], ['voice', 1], ['email', 2]) },
    });
    const ids = await threeFactors(app, 'climber');
    // Act
    const started = await app.call('POST', '/v1/users/climber/challenges', { fallback: true });
    const atStart = statusesOf(started.body);
    await app.timers.settled();
    const read = await app.call('GET', `/v1/users/climber/challenges/${started.body.challengeId as string}`);
    // Assess
    expect(started.status).toBe(202);
    expect(started.body.codeLength).toBe(6);
    expect(atStart).toEqual(['sent', 'scheduled', 'scheduled']);
    expect(stepsOf(started.body).map((s) => [s.channel, s.factorId])).toEqual([
      ['sms', ids.sms],
      ['voice', ids.voice],
      ['email', ids.email],
    ]);
    expect(stepsOf(started.body)[1]?.destinationMasked).toBe('+1*******0102');
    const codes = [SMS, VOICE, EMAIL].map((to) => sentTo(app, to).map((m) => codeOf(m.body)));
    // Two messages each: the enrolment's and the ladder's step; the steps carry one code.
    expect(codes.map((c) => c.length)).toEqual([2, 2, 2]);
    expect(new Set(codes.map((c) => c[0])).size).toBe(1);
    expect(read.body.fallback).toEqual(
      stepsOf(started.body).map((s) => ({ ...s, status: 'sent', at: expect.any(String) })),
    );
    expect(read.body.codeLength).toBe(6);
    const verified = await app.call('POST', '/v1/users/climber/verify', { code: codes[2]?.[0] });
    expect(verified.body.status).toBe('approved');
  }, 20_000);

  it('stops at approval: later steps send nothing and show canceled', async () => {
    // Prepare
    const app = await testApp({
      policy: { ...roomy, fallback: ladder(['sms', 0], ['voice', 1], ['email', 2]) },
    });
    await threeFactors(app, 'approver');
    const started = await app.call('POST', '/v1/users/approver/challenges', { fallback: true });
    const code = codeOf(sentTo(app, SMS)[0]?.body ?? '');
    // Act
    const approved = await app.call('POST', '/v1/users/approver/verify', { code });
    await app.timers.settled();
    const read = await app.call('GET', `/v1/users/approver/challenges/${started.body.challengeId as string}`);
    // Assess
    expect(approved.body.status).toBe('approved');
    expect(sentTo(app, VOICE)).toHaveLength(1);
    expect(sentTo(app, EMAIL)).toHaveLength(1);
    expect(read.body.status).toBe('approved');
    expect(statusesOf(read.body)).toEqual(['sent', 'canceled', 'canceled']);
  }, 20_000);

  it('stops when the owner reports the code, and when a newer code supersedes it', async () => {
    // Prepare
    const app = await testApp({ policy: { ...roomy, fallback: ladder(['sms', 0], ['voice', 1]) } });
    await threeFactors(app, 'stopper');
    const first = await app.call('POST', '/v1/users/stopper/challenges', { fallback: true });
    const other = await app.call('POST', '/v1/users/stopper/challenges', { purpose: 'pay', fallback: true });
    // Act
    const reported = await app.call(
      'POST',
      `/v1/users/stopper/challenges/${other.body.challengeId as string}/report`,
    );
    // A new ladder of the same purpose makes a new code, which supersedes the first.
    const replaced = await app.call('POST', '/v1/users/stopper/challenges', { fallback: ['email'] });
    await app.timers.settled();
    // Assess
    expect(reported.status).toBe(202);
    expect(replaced.status).toBe(202);
    expect(sentTo(app, VOICE)).toHaveLength(1);
    for (const id of [first.body.challengeId, other.body.challengeId] as string[]) {
      const read = await app.call('GET', `/v1/users/stopper/challenges/${id}`);
      expect(statusesOf(read.body)).toEqual(['sent', 'canceled']);
    }
  }, 20_000);

  it('stops at expiry', async () => {
    // Prepare
    const app = await testApp({ policy: { ...roomy } });
    await threeFactors(app, 'late');
    const started = await app.call('POST', '/v1/users/late/challenges', { fallback: ['sms', 'voice@300'] });
    app.clock.advance(601);
    // Act
    const outcome = await runFallbackStep(
      app.deps,
      { userId: 'late', challengeId: started.body.challengeId as string, stepIndex: 1 },
      { onRefusal: 'skip' },
    );
    const read = await app.call('GET', `/v1/users/late/challenges/${started.body.challengeId as string}`);
    const next = await app.call(
      'POST',
      `/v1/users/late/challenges/${started.body.challengeId as string}/next`,
    );
    app.timers.stop();
    // Assess
    expect(outcome.outcome).toBe('stopped');
    expect(sentTo(app, VOICE)).toHaveLength(1);
    expect(read.body.status).toBe('expired');
    expect(statusesOf(read.body)).toEqual(['sent', 'canceled']);
    expect(next.status).toBe(404);
    expect(next.body.code).toBe('no_pending_challenge');
  });
});

describe('Fallback ladders: next', () => {
  it('sends the next step at once, then the one after, then answers fallback_exhausted', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'mover');
    const started = await app.call('POST', '/v1/users/mover/challenges', {
      fallback: ['sms', 'voice@300', 'email@400'],
    });
    const path = `/v1/users/mover/challenges/${started.body.challengeId as string}/next`;
    // Act
    const toVoice = await app.call('POST', path);
    const toEmail = await app.call('POST', path);
    const none = await app.call('POST', path);
    app.timers.stop();
    // Assess
    expect(toVoice.status).toBe(202);
    expect(toVoice.body.channel).toBe('voice');
    expect(statusesOf(toVoice.body)).toEqual(['sent', 'sent', 'scheduled']);
    expect(toEmail.status).toBe(202);
    expect(statusesOf(toEmail.body)).toEqual(['sent', 'sent', 'sent']);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('fallback_exhausted');
    const code = codeOf(sentTo(app, SMS)[0]?.body ?? '');
    expect(codeOf(sentTo(app, VOICE)[0]?.body ?? '')).toBe(code);
    expect(codeOf(sentTo(app, EMAIL)[0]?.body ?? '')).toBe(code);
  });

  it('applies the step channel’s cooldown, never another channel’s', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'cool');
    const started = await app.call('POST', '/v1/users/cool/challenges', {
      fallback: ['sms', 'sms@120', 'email@300'],
    });
    const path = `/v1/users/cool/challenges/${started.body.challengeId as string}/next`;
    // Act
    const again = await app.call('POST', path);
    const read = await app.call('GET', `/v1/users/cool/challenges/${started.body.challengeId as string}`);
    app.clock.advance(61);
    const later = await app.call('POST', path);
    app.timers.stop();
    // Assess
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('resend_too_soon');
    expect(statusesOf(read.body)).toEqual(['sent', 'scheduled', 'scheduled']);
    expect(later.status).toBe(202);
    expect(sentTo(app, SMS)).toHaveLength(3);
  });

  it('five nexts at once send one step', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'racer');
    const started = await app.call('POST', '/v1/users/racer/challenges', {
      fallback: ['sms', 'voice@300', 'email@400'],
    });
    const path = `/v1/users/racer/challenges/${started.body.challengeId as string}/next`;
    // Act
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.call('POST', path)));
    const read = await app.call('GET', `/v1/users/racer/challenges/${started.body.challengeId as string}`);
    app.timers.stop();
    // Assess
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(answers.every((a) => a.status === 202 || a.status === 200)).toBe(true);
    expect(sentTo(app, VOICE)).toHaveLength(2);
    expect(sentTo(app, EMAIL)).toHaveLength(1);
    expect(statusesOf(read.body)).toEqual(['sent', 'sent', 'scheduled']);
  });

  it('passes over a step the user has no factor for; a ladder of absent channels is no error', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await activeFactor(app, 'partial', 'sms', SMS);
    await activeFactor(app, 'partial', 'email', EMAIL);
    // Act
    const started = await app.call('POST', '/v1/users/partial/challenges', { fallback: true });
    const next = await app.call(
      'POST',
      `/v1/users/partial/challenges/${started.body.challengeId as string}/next`,
    );
    app.timers.stop();
    // Assess
    expect(started.status).toBe(202);
    expect(statusesOf(started.body)).toEqual(['sent', 'skipped', 'scheduled']);
    expect(stepsOf(started.body)[1]).toEqual({ channel: 'voice', at: expect.any(String), status: 'skipped' });
    expect(next.status).toBe(202);
    expect(next.body.channel).toBe('email');
  });

  it('starts at the first channel the user has: an email-only user gets the email now', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await activeFactor(app, 'mailer', 'email', EMAIL);
    // Act
    const started = await app.call('POST', '/v1/users/mailer/challenges', { fallback: true });
    // Assess
    expect(started.status).toBe(202);
    expect(started.body.channel).toBe('email');
    expect(statusesOf(started.body)).toEqual(['skipped', 'skipped', 'sent']);
    expect(sentTo(app, EMAIL)).toHaveLength(2);
  });
});

describe('Fallback ladders: failures move on at once', () => {
  it('a bounced email (SES event) sends the next step now', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'bounce');
    const started = await app.call('POST', '/v1/users/bounce/challenges', { fallback: ['email', 'sms@300'] });
    const challengeId = started.body.challengeId as string;
    const handler = makeDeliveryEventsHandler({
      messages: app.deps.messages,
      log: silentLog,
      now: () => app.clock.now(),
      readEvent: outcomeOf,
      onFailed: (failed) => advanceLadderAfterFailure(app.deps, failed),
    });
    const bounce = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', timestamp: new Date(app.clock.now()).toISOString() },
      mail: {
        timestamp: new Date(app.clock.now()).toISOString(),
        tags: {
          onetime_user: [Buffer.from('bounce').toString('base64url')],
          onetime_challenge: [challengeId],
          onetime_delivery: ['0'],
        },
      },
    };
    // Act
    await handler(snsOf(bounce), lambdaContext());
    const read = await app.call('GET', `/v1/users/bounce/challenges/${challengeId}`);
    app.timers.stop();
    // Assess
    expect(statusesOf(read.body)).toEqual(['failed', 'sent']);
    expect(sentTo(app, SMS)).toHaveLength(2);
    expect(codeOf(sentTo(app, SMS)[0]?.body ?? '')).toBe(codeOf(sentTo(app, EMAIL)[0]?.body ?? ''));
  });

  it('a call refused at hand-off moves on to email before its time', async () => {
    // Prepare
    let refusing = false;
    const app = await testApp({
      policy: { ...roomy, fallback: ladder(['sms', 0], ['voice', 1], ['email', 500]) },
      refuse: (to, channel) => (refusing && channel === 'voice' && to === VOICE ? 'rejected' : undefined),
    });
    await threeFactors(app, 'refused');
    refusing = true;
    const started = await app.call('POST', '/v1/users/refused/challenges', { fallback: true });
    // Act
    await eventually(() => sentTo(app, EMAIL).length === 2);
    const read = await app.call('GET', `/v1/users/refused/challenges/${started.body.challengeId as string}`);
    app.timers.stop();
    // Assess
    expect(statusesOf(read.body)).toEqual(['sent', 'failed', 'sent']);
    expect(sentTo(app, VOICE)).toHaveLength(1);
  }, 20_000);

  it('a late failure of an earlier step does not skip ahead, and a non-step message moves nothing', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'lately');
    const started = await app.call('POST', '/v1/users/lately/challenges', {
      fallback: ['sms', 'voice@300', 'email@400'],
    });
    const challengeId = started.body.challengeId as string;
    await app.call('POST', `/v1/users/lately/challenges/${challengeId}/next`);
    // Act
    await advanceLadderAfterFailure(app.deps, { userId: 'lately', challengeId, deliveryIndex: 0 });
    await advanceLadderAfterFailure(app.deps, { userId: 'lately', challengeId, deliveryIndex: 7 });
    await advanceLadderAfterFailure(app.deps, { userId: 'nobody', challengeId: 'none', deliveryIndex: 0 });
    app.timers.stop();
    // Assess
    expect(sentTo(app, EMAIL)).toHaveLength(1);
  });
});

describe('Fallback ladders: the step, attacked', () => {
  it('invoked five times in parallel, a step sends once', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'twins');
    const started = await app.call('POST', '/v1/users/twins/challenges', { fallback: ['sms', 'voice@300'] });
    const ref = { userId: 'twins', challengeId: started.body.challengeId as string, stepIndex: 1 };
    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => runFallbackStep(app.deps, ref, { onRefusal: 'skip' })),
    );
    const state = (await scanTable(app)).find((i) => i.sk === 'STATE') as Record<string, { d: unknown[] }>;
    app.timers.stop();
    // Assess
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['sent', 'taken', 'taken', 'taken', 'taken']);
    expect(sentTo(app, VOICE)).toHaveLength(2);
    expect(state[`c:${ref.challengeId}`]?.d).toHaveLength(2);
  });

  it('a step after approval sends nothing', async () => {
    // Prepare
    const app = await testApp({ policy: roomy });
    await threeFactors(app, 'done');
    const started = await app.call('POST', '/v1/users/done/challenges', { fallback: ['sms', 'voice@300'] });
    await app.call('POST', '/v1/users/done/verify', { code: codeOf(sentTo(app, SMS)[0]?.body ?? '') });
    const ref = { userId: 'done', challengeId: started.body.challengeId as string, stepIndex: 1 };
    // Act
    const outcomes = await Promise.all([
      runFallbackStep(app.deps, ref, { onRefusal: 'skip' }),
      runFallbackStep(app.deps, { ...ref, stepIndex: 0 }, { onRefusal: 'skip' }),
      runFallbackStep(app.deps, { ...ref, stepIndex: 9 }, { onRefusal: 'skip' }),
    ]);
    const next = await app.call('POST', `/v1/users/done/challenges/${ref.challengeId}/next`);
    app.timers.stop();
    // Assess
    expect(outcomes.map((o) => o.outcome)).toEqual(['stopped', 'stopped', 'not_found']);
    expect(sentTo(app, VOICE)).toHaveLength(1);
    expect(next.body.code).toBe('no_pending_challenge');
  });

  it('cannot escape the per-destination cap: next answers send_limit_exceeded, and a due step is skipped', async () => {
    // Prepare: three users share one mailbox, whose 4 sends an hour the enrolments nearly use up.
    const app = await testApp({ policy: { maxSendsPerHour: 4 } });
    const started: string[] = [];
    for (const [i, user] of ['a', 'b', 'c'].entries()) {
      await activeFactor(app, user, 'sms', `+1415555020${i}`);
      await activeFactor(app, user, 'email', 'shared@example.com');
      const c = await app.call('POST', `/v1/users/${user}/challenges`, { fallback: ['sms', 'email@300'] });
      started.push(c.body.challengeId as string);
    }
    // Act
    const first = await app.call('POST', `/v1/users/a/challenges/${started[0] as string}/next`);
    const second = await app.call('POST', `/v1/users/b/challenges/${started[1] as string}/next`);
    const due = await runFallbackStep(
      app.deps,
      { userId: 'c', challengeId: started[2] as string, stepIndex: 1 },
      { onRefusal: 'skip' },
    );
    const readB = await app.call('GET', `/v1/users/b/challenges/${started[1] as string}`);
    const readC = await app.call('GET', `/v1/users/c/challenges/${started[2] as string}`);
    app.timers.stop();
    // Assess
    expect(first.status).toBe(202);
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('send_limit_exceeded');
    expect(statusesOf(readB.body)).toEqual(['sent', 'scheduled']);
    expect(due.outcome).toBe('skipped');
    expect(statusesOf(readC.body)).toEqual(['sent', 'skipped']);
    expect(sentTo(app, 'shared@example.com')).toHaveLength(4);
  });

  it('cannot escape the user cap by starting ladder after ladder', async () => {
    // Prepare
    const app = await testApp({ policy: { maxSendsPerHour: 5 } });
    await activeFactor(app, 'greedy', 'sms', SMS);
    await activeFactor(app, 'greedy', 'email', EMAIL);
    // Act
    const answers = [];
    for (const purpose of ['p1', 'p2', 'p3', 'p4']) {
      const c = await app.call('POST', '/v1/users/greedy/challenges', {
        purpose,
        fallback: ['email', 'sms@300'],
      });
      answers.push(c.status);
      if (c.status === 202) {
        const n = await app.call('POST', `/v1/users/greedy/challenges/${c.body.challengeId as string}/next`);
        answers.push(n.status);
      }
    }
    app.timers.stop();
    // Assess
    expect(answers).toEqual([202, 202, 202, 429, 429, 429]);
    expect(sentTo(app, SMS).length + sentTo(app, EMAIL).length).toBe(5);
  });
});

describe('Fallback ladders: bad ladders', () => {
  it.each([
    [['fax'], '/fallback/0'],
    [['sms@5'], '/fallback/0'],
    [['sms', 'voice'], '/fallback/1'],
    [['sms', 'voice@60', 'email@30'], '/fallback/2'],
    [['sms', 'email@600'], '/fallback/1'],
    [['sms', 'voice@1', 'email@2', 'sms@3', 'voice@4', 'email@5'], '/fallback'],
    [[], '/fallback'],
  ])('%j answers 400 and changes nothing', async (fallback, path) => {
    // Prepare
    const app = await testApp();
    await activeFactor(app, 'strict', 'sms', SMS);
    const before = await scanTable(app);
    // Act
    const answer = await app.call('POST', '/v1/users/strict/challenges', { fallback });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalid_request');
    expect(JSON.stringify(answer.body.errors)).toContain(path);
    expect(await scanTable(app)).toEqual(before);
    expect(sentTo(app, SMS)).toHaveLength(1);
  });

  it('refuses channel with fallback, and a factorId of another channel than the first step', async () => {
    // Prepare
    const app = await testApp();
    await activeFactor(app, 'mixed', 'sms', SMS);
    const email = await activeFactor(app, 'mixed', 'email', EMAIL);
    const before = await scanTable(app);
    // Act
    const withChannel = await app.call('POST', '/v1/users/mixed/challenges', {
      fallback: true,
      channel: 'sms',
    });
    const wrongFactor = await app.call('POST', '/v1/users/mixed/challenges', {
      fallback: true,
      factorId: email,
    });
    const after = await scanTable(app);
    const named = await app.call('POST', '/v1/users/mixed/challenges', {
      fallback: ['email', 'sms@60'],
      factorId: email,
    });
    app.timers.stop();
    // Assess
    expect([withChannel.status, wrongFactor.status]).toEqual([400, 400]);
    expect(JSON.stringify(wrongFactor.body.errors)).toContain('/factorId');
    expect(after).toEqual(before);
    expect(named.status).toBe(202);
    expect(named.body.factorId).toBe(email);
  });
});

describe('Fallback ladders: schedules that cannot be made', () => {
  it('keeps the challenge, says which steps are unscheduled, and next still sends them', async () => {
    // Prepare
    const scheduler = new RecordingScheduler((step) => step.stepIndex === 2);
    const app = await testApp({ policy: roomy, stepScheduler: scheduler });
    await threeFactors(app, 'unsched');
    // Act
    const started = await app.call('POST', '/v1/users/unsched/challenges', { fallback: true });
    const challengeId = started.body.challengeId as string;
    const read = await app.call('GET', `/v1/users/unsched/challenges/${challengeId}`);
    const toVoice = await app.call('POST', `/v1/users/unsched/challenges/${challengeId}/next`);
    const toEmail = await app.call('POST', `/v1/users/unsched/challenges/${challengeId}/next`);
    // Assess
    expect(started.status).toBe(202);
    expect(statusesOf(started.body)).toEqual(['sent', 'scheduled', 'unscheduled']);
    expect(statusesOf(read.body)).toEqual(['sent', 'scheduled', 'unscheduled']);
    expect(scheduler.asked.map((s) => [s.challengeId, s.stepIndex, s.at - app.clock.now()])).toEqual([
      [challengeId, 1, 60_000],
      [challengeId, 2, 180_000],
    ]);
    expect(toVoice.status).toBe(202);
    expect(toEmail.status).toBe(202);
    expect(statusesOf(toEmail.body)).toEqual(['sent', 'sent', 'sent']);
  });

  it('schedules once for a request retried with its Idempotency-Key', async () => {
    // Prepare
    const scheduler = new RecordingScheduler();
    const app = await testApp({ policy: roomy, stepScheduler: scheduler });
    await threeFactors(app, 'retry');
    const headers = { 'idempotency-key': 'ladder-1' };
    // Act
    const answers = await Promise.all(
      [1, 2, 3].map(() => app.call('POST', '/v1/users/retry/challenges', { fallback: true }, headers)),
    );
    // Assess
    expect(new Set(answers.map((a) => a.body.challengeId)).size).toBe(1);
    expect(scheduler.asked).toHaveLength(2);
    expect(sentTo(app, SMS)).toHaveLength(2);
  });
});

function snsOf(message: unknown): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:us-east-1:000000000000:ses-events:sub',
        Sns: {
          Type: 'Notification',
          MessageId: 'm',
          TopicArn: 'arn:aws:sns:us-east-1:000000000000:ses-events',
          Subject: '',
          Message: JSON.stringify(message),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

function lambdaContext() {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'delivery-events',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:delivery-events',
    memoryLimitInMB: '256',
    awsRequestId: 'r',
    logGroupName: 'l',
    logStreamName: 's',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
