import { LazySender } from '../../lambdas/adapters/lazy';
import { lazy } from '../../lambdas/load-once';
import type { OutboundMessage } from '../../lambdas/domain/outbound-message';
import type { Sender } from '../../lambdas/ports/sender';

const message: OutboundMessage = { channel: 'sms', to: '+14155550100', body: 'x' };

describe('Module: lazy', () => {
  describe('Function: lazy', () => {
    it('loads once however many callers ask at once', async () => {
      // Prepare
      let loads = 0;
      const get = lazy(async () => ++loads);
      // Act
      const values = await Promise.all([get(), get(), get()]);
      // Assess
      expect(values).toEqual([1, 1, 1]);
      expect(loads).toBe(1);
    });

    it('forgets a failed load, so the next call tries again', async () => {
      // Prepare
      let loads = 0;
      const get = lazy(async () => {
        loads++;
        if (loads === 1) throw new Error('network');
        return 'ok';
      });
      // Act
      const first = get();
      // Assess
      await expect(first).rejects.toThrow('network');
      await expect(get()).resolves.toBe('ok');
      expect(loads).toBe(2);
    });
  });

  describe('Class: LazySender', () => {
    it('builds the sender on the first send only', async () => {
      // Prepare
      let built = 0;
      const sent: OutboundMessage[] = [];
      const sender = new LazySender(async (): Promise<Sender> => {
        built++;
        return { send: async (m) => (sent.push(m), { messageId: 'm' }) };
      });
      // Act
      const before = built;
      await sender.send(message);
      await sender.send(message);
      // Assess
      expect(before).toBe(0);
      expect(built).toBe(1);
      expect(sent).toEqual([message, message]);
    });
  });
});
