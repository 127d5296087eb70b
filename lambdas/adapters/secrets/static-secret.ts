/** A server secret given directly (local development and tests). */
import type { ServerSecret } from '../../ports/secrets';

export class StaticSecret implements ServerSecret {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('the HMAC server secret must be at least 32 bytes');
  }
  hmacKey(): Promise<Buffer> {
    return Promise.resolve(this.key);
  }
}
