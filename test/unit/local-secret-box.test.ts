/**
 * LocalSecretBox: AES-256-GCM with the context as additional authenticated data,
 * so a ciphertext opens only with its own key and context and any change is caught.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { LocalSecretBox } from '../../lambdas/adapters/secrets/local-secret-box';

const key = randomBytes(32);
const context = { userId: 'user-1', factorId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' };
const secret = Buffer.from('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'utf8');

/**
 * Runs a decryption as a promise. LocalSecretBox.decrypt throws synchronously on a
 * failed authentication instead of returning a rejected promise; callers `await`
 * it inside async functions, where both end the same way.
 */
const attempt = (decrypt: () => Promise<Buffer>): Promise<Buffer> => Promise.resolve().then(decrypt);

describe('Class: LocalSecretBox', () => {
  describe('Method: constructor', () => {
    it('accepts only a 32-byte key', () => {
      // Prepare
      const sizes = [0, 16, 31, 33, 64];
      // Act
      const attempts = sizes.map((n) => () => new LocalSecretBox(Buffer.alloc(n)));
      // Assess
      for (const attempt of attempts) expect(attempt).toThrow(/32 bytes/);
      expect(() => new LocalSecretBox(Buffer.alloc(32))).not.toThrow();
    });
  });

  describe('Method: encrypt / decrypt', () => {
    it('round-trips with the same key and context', async () => {
      // Prepare
      const box = new LocalSecretBox(key);
      // Act
      const ciphertext = await box.encrypt(secret, context);
      const plaintext = await box.decrypt(ciphertext, { factorId: context.factorId, userId: context.userId });
      // Assess
      expect(plaintext.equals(secret)).toBe(true);
      expect(ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(ciphertext).not.toContain(secret.toString('utf8'));
      expect(Buffer.from(ciphertext, 'base64').includes(secret)).toBe(false);
    });

    it('round-trips any bytes and any context (property)', async () => {
      // Prepare
      const box = new LocalSecretBox(key);
      // Act / Assess
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 256 }),
          fc.dictionary(fc.string(), fc.string()),
          async (bytes, ctx) => {
            const plaintext = await box.decrypt(await box.encrypt(Buffer.from(bytes), ctx), ctx);
            return plaintext.equals(Buffer.from(bytes));
          },
        ),
        { numRuns: 200 },
      );
    });

    it('uses a fresh IV: the same secret encrypts differently each time', async () => {
      // Prepare
      const box = new LocalSecretBox(key);
      // Act
      const a = await box.encrypt(secret, context);
      const b = await box.encrypt(secret, context);
      // Assess
      expect(a).not.toBe(b);
      expect(Buffer.from(a, 'base64').subarray(0, 12).equals(Buffer.from(b, 'base64').subarray(0, 12))).toBe(
        false,
      );
    });

    it('refuses to decrypt with another context: a secret copied to another factor or user', async () => {
      // Prepare
      const box = new LocalSecretBox(key);
      const ciphertext = await box.encrypt(secret, context);
      const others: Array<Record<string, string>> = [
        { ...context, factorId: '01ARZ3NDEKTSV4RRFFQ69G5FAW' },
        { ...context, userId: 'user-2' },
        { userId: context.userId },
        {},
        { ...context, extra: 'x' },
        { userId: context.factorId, factorId: context.userId },
      ];
      // Act
      const attempts = others.map((other) => attempt(() => box.decrypt(ciphertext, other)));
      // Assess
      for (const attempt of attempts) await expect(attempt).rejects.toThrow();
    });

    it('refuses to decrypt with another key', async () => {
      // Prepare
      const ciphertext = await new LocalSecretBox(key).encrypt(secret, context);
      // Act
      const decrypting = attempt(() => new LocalSecretBox(randomBytes(32)).decrypt(ciphertext, context));
      // Assess
      await expect(decrypting).rejects.toThrow();
    });

    it('refuses a ciphertext with any byte changed, or cut short', async () => {
      // Prepare
      const box = new LocalSecretBox(key);
      const raw = Buffer.from(await box.encrypt(secret, context), 'base64');
      const tampered: string[] = [];
      for (let i = 0; i < raw.length; i++) {
        const copy = Buffer.from(raw);
        copy[i] = (copy[i] as number) ^ 0x01;
        tampered.push(copy.toString('base64'));
      }
      for (const length of [0, 12, 20, 27, 28, raw.length - 1]) {
        tampered.push(raw.subarray(0, length).toString('base64'));
      }
      // Act
      const results = await Promise.allSettled(tampered.map((c) => attempt(() => box.decrypt(c, context))));
      // Assess
      expect(results.filter((r) => r.status === 'fulfilled')).toEqual([]);
    });
  });
});
