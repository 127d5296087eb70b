/**
 * TOTP secrets encrypted with AWS KMS. The encryption context (user and factor)
 * is bound into the ciphertext: a secret copied onto another record will not decrypt.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import { UnavailableError } from '../../domain/refusal-errors';
import type { SecretBox } from '../../ports/secrets';

/** Loaded on first use: only requests that touch an authenticator secret need KMS. */
const kms = () => import('@aws-sdk/client-kms');

export class KmsSecretBox implements SecretBox {
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async encrypt(plaintext: Buffer, context: Record<string, string>): Promise<string> {
    try {
      const { EncryptCommand } = await kms();
      const out = await this.client.send(
        new EncryptCommand({ KeyId: this.keyId, Plaintext: plaintext, EncryptionContext: context }),
      );
      if (!out.CiphertextBlob) throw new Error('KMS returned no ciphertext');
      return Buffer.from(out.CiphertextBlob).toString('base64');
    } catch (cause) {
      throw new UnavailableError({ cause });
    }
  }

  async decrypt(ciphertext: string, context: Record<string, string>): Promise<Buffer> {
    try {
      const { DecryptCommand } = await kms();
      const out = await this.client.send(
        new DecryptCommand({
          KeyId: this.keyId,
          CiphertextBlob: Buffer.from(ciphertext, 'base64'),
          EncryptionContext: context,
        }),
      );
      if (!out.Plaintext) throw new Error('KMS returned no plaintext');
      return Buffer.from(out.Plaintext);
    } catch (cause) {
      throw new UnavailableError({ cause });
    }
  }
}
