/**
 * Adapters built on first use. A Lambda cold start then loads only the SDK
 * clients its first request needs: a verify that sends no notice never loads SES,
 * SNS or the voice client, and module init stays small. A failed load is retried
 * on the next call rather than remembered.
 */
import { lazy } from '../load-once';
import type { SecretBox, ServerSecret } from '../ports/secrets';
import type { OutboundMessage } from '../domain/outbound-message';
import type { SendReceipt, Sender } from '../ports/sender';

export class LazySender implements Sender {
  private readonly get: () => Promise<Sender>;
  constructor(load: () => Promise<Sender>) {
    this.get = lazy(load);
  }
  async send(message: OutboundMessage): Promise<SendReceipt> {
    return (await this.get()).send(message);
  }
}

export class LazySecretBox implements SecretBox {
  private readonly get: () => Promise<SecretBox>;
  constructor(load: () => Promise<SecretBox>) {
    this.get = lazy(load);
  }
  async encrypt(plaintext: Buffer, context: Record<string, string>): Promise<string> {
    return (await this.get()).encrypt(plaintext, context);
  }
  async decrypt(ciphertext: string, context: Record<string, string>): Promise<Buffer> {
    return (await this.get()).decrypt(ciphertext, context);
  }
}

export class LazyServerSecret implements ServerSecret {
  private readonly get: () => Promise<ServerSecret>;
  constructor(load: () => Promise<ServerSecret>) {
    this.get = lazy(load);
  }
  async hmacKey(): Promise<Buffer> {
    return (await this.get()).hmacKey();
  }
}
