/**
 * TOTP secrets encrypted locally with AES-256-GCM (development and tests). The
 * context is the additional authenticated data, as KMS's encryption context is.
 * Format: base64(iv | tag | ciphertext).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../ports/secrets';

export class LocalSecretBox implements SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the local encryption key must be 32 bytes');
  }

  encrypt(plaintext: Buffer, context: Record<string, string>): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'));
  }

  async decrypt(ciphertext: string, context: Record<string, string>): Promise<Buffer> {
    const raw = Buffer.from(ciphertext, 'base64');
    // iv (12) + tag (16) at least; a full-length tag is required, never a truncated one.
    if (raw.length < 28) throw new Error('ciphertext too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(aad(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }
}

/** Context as canonical JSON (sorted keys), so the same context always authenticates. */
function aad(context: Record<string, string>): Buffer {
  const sorted = Object.keys(context)
    .sort()
    .map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}
