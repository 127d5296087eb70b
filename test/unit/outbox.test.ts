/**
 * The development outbox and its Sender: newest first, bounded, filtered by
 * destination, and able to simulate a provider refusal.
 */
import { decodeTime, isValid } from 'ulid';
import { Outbox, OutboxSender } from '../../lambdas/adapters/outbox/outbox';
import type { Clock } from '../../lambdas/ports/clock';
import { DeliveryRefusedError } from '../../lambdas/ports/sender';
import { type OutboundMessage } from '../../lambdas/domain/outbound-message';

const T0 = Date.parse('2026-01-02T03:04:05.000Z');
function fixedClock(start = T0): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}
const sms = (to: string, body: string): OutboundMessage => ({ channel: 'sms', to, body });

describe('Module: outbox', () => {
  describe('Method: Outbox.add', () => {
    it('records each channel with its readable body', () => {
      // Prepare
      const outbox = new Outbox({ clock: fixedClock() });

      // Act
      const a = outbox.add(sms('+14155550100', 'sms body'));
      const b = outbox.add({
        channel: 'email',
        to: 'jo@example.com',
        subject: 'Subj',
        text: 'plain',
        html: '<p>x</p>',
      });
      const c = outbox.add({
        channel: 'voice',
        to: '+14155550101',
        ssml: '<speak>x</speak>',
        text: 'spoken',
        locale: 'ja',
      });

      // Assess
      expect(a).toEqual({
        id: a.id,
        channel: 'sms',
        to: '+14155550100',
        body: 'sms body',
        locale: 'en',
        sentAt: '2026-01-02T03:04:05.000Z',
      });
      expect(b).toEqual({
        id: b.id,
        channel: 'email',
        to: 'jo@example.com',
        subject: 'Subj',
        body: 'plain',
        locale: 'en',
        html: '<p>x</p>',
        sentAt: '2026-01-02T03:04:05.000Z',
      });
      expect(outbox.get(b.id)).toBe(b);
      expect(outbox.get('01NOSUCHID0000000000000000')).toBeUndefined();
      expect(c).toEqual({
        id: c.id,
        channel: 'voice',
        to: '+14155550101',
        body: 'spoken',
        locale: 'ja',
        sentAt: '2026-01-02T03:04:05.000Z',
      });
      for (const entry of [a, b, c]) {
        expect(isValid(entry.id)).toBe(true);
        expect(decodeTime(entry.id)).toBe(T0);
      }
      // Same millisecond, still in order.
      expect([a.id, b.id, c.id]).toEqual([a.id, b.id, c.id].sort());
      expect(Object.isFrozen(a)).toBe(true);
    });

    it('keeps only the newest messages up to its capacity', () => {
      // Prepare
      const outbox = new Outbox({ capacity: 3, clock: fixedClock() });

      // Act
      for (let i = 1; i <= 5; i++) outbox.add(sms('+14155550100', `m${i}`));

      // Assess
      expect(outbox.size).toBe(3);
      expect(outbox.list().map((e) => e.body)).toEqual(['m5', 'm4', 'm3']);
    });

    it('holds 500 messages by default', () => {
      // Prepare
      const outbox = new Outbox();

      // Act
      for (let i = 0; i < 520; i++) outbox.add(sms('+14155550100', `m${i}`));

      // Assess
      expect(outbox.size).toBe(500);
      expect(outbox.list({ limit: 1 })[0]?.body).toBe('m519');
    });
  });

  describe('Method: Outbox.list', () => {
    it('returns newest first, filtered by destination and limited', () => {
      // Prepare
      const clock = fixedClock();
      const outbox = new Outbox({ clock });
      outbox.add(sms('+14155550100', 'one'));
      clock.advance(1_000);
      outbox.add(sms('+14155550199', 'other'));
      clock.advance(1_000);
      outbox.add(sms('+14155550100', 'two'));
      clock.advance(1_000);
      outbox.add({ channel: 'email', to: 'Jo@Example.com', subject: 's', text: 'mail', html: '' });

      // Act
      const all = outbox.list();
      const forPhone = outbox.list({ to: '+14155550100' });
      const unencodedPlus = outbox.list({ to: ' 14155550100' });
      const forEmail = outbox.list({ to: 'jo@example.com' });
      const limited = outbox.list({ limit: 2 });

      // Assess
      expect(all.map((e) => e.body)).toEqual(['mail', 'two', 'other', 'one']);
      expect(all.map((e) => e.sentAt)).toEqual([
        '2026-01-02T03:04:08.000Z',
        '2026-01-02T03:04:07.000Z',
        '2026-01-02T03:04:06.000Z',
        '2026-01-02T03:04:05.000Z',
      ]);
      expect(forPhone.map((e) => e.body)).toEqual(['two', 'one']);
      expect(unencodedPlus.map((e) => e.body)).toEqual(['two', 'one']);
      expect(forEmail.map((e) => e.body)).toEqual(['mail']);
      expect(limited.map((e) => e.body)).toEqual(['mail', 'two']);
      expect(outbox.list({ limit: 0 })).toEqual([]);
    });
  });

  describe('Method: Outbox.clear', () => {
    it('empties the outbox', () => {
      // Prepare
      const outbox = new Outbox();
      outbox.add(sms('+14155550100', 'one'));

      // Act
      outbox.clear();

      // Assess
      expect(outbox.size).toBe(0);
      expect(outbox.list()).toEqual([]);
    });
  });

  describe('Method: OutboxSender.send', () => {
    it('adds the message and returns the entry id as message id', async () => {
      // Prepare
      const outbox = new Outbox({ clock: fixedClock() });
      const sender = new OutboxSender(outbox);

      // Act
      const receipt = await sender.send(sms('+14155550100', 'hello'));

      // Assess
      const [entry] = outbox.list();
      expect(receipt).toEqual({ messageId: entry?.id });
      expect(entry?.body).toBe('hello');
    });

    it('simulates a refusal for chosen destinations and records nothing', async () => {
      // Prepare
      const outbox = new Outbox();
      const refused = new Map([['+14155550123', 'opted_out' as const]]);
      const sender = new OutboxSender(outbox, { refuse: (to) => refused.get(to) });

      // Act
      const error: unknown = await sender.send(sms('+14155550123', 'hello')).catch((e: unknown) => e);
      await sender.send(sms('+14155550100', 'ok'));

      // Assess
      expect(error).toBeInstanceOf(DeliveryRefusedError);
      expect(error).toMatchObject({ channel: 'sms', reason: 'opted_out' });
      expect(outbox.list().map((e) => e.to)).toEqual(['+14155550100']);
    });
  });
});
