/**
 * KmsSecretBox against a mocked KMS client: the exact Encrypt and Decrypt inputs
 * (the key, the bytes, and the encryption context that binds a secret to its user
 * and factor), and a KMS failure answered as 503 unavailable.
 */
import { answered } from './answered';
import { statusOf } from '../../lambdas/http/problem-status';
import { DecryptCommand, EncryptCommand, KMSClient, KMSInvalidStateException } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { KmsSecretBox } from '../../lambdas/adapters/kms/kms-secret-box';
import { UnavailableError } from '../../lambdas/domain/refusal-errors';

const KEY_ID = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const client = new KMSClient({ region: 'eu-west-1' });
const kms = mockClient(client);
const context = { userId: 'user-1', factorId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' };
const secret = Buffer.from('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'utf8');
const blob = new Uint8Array([1, 2, 3, 250, 251, 252]);

describe('Class: KmsSecretBox', () => {
  beforeEach(() => kms.reset());

  describe('Method: encrypt', () => {
    it('calls Encrypt with the key, the plaintext bytes and the user and factor as context', async () => {
      // Prepare
      kms.on(EncryptCommand).resolves({ CiphertextBlob: blob, KeyId: KEY_ID });
      const box = new KmsSecretBox(client, KEY_ID);
      // Act
      const ciphertext = await box.encrypt(secret, context);
      // Assess
      expect(kms).toHaveReceivedCommandTimes(EncryptCommand, 1);
      const input = kms.commandCalls(EncryptCommand)[0]?.args[0].input;
      expect(input).toEqual({
        KeyId: KEY_ID,
        Plaintext: expect.anything() as unknown,
        EncryptionContext: { userId: 'user-1', factorId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      });
      expect(Buffer.from(input?.Plaintext as Uint8Array).equals(secret)).toBe(true);
      expect(ciphertext).toBe(Buffer.from(blob).toString('base64'));
    });

    it('answers unavailable (503) when KMS fails, without the secret in the error', async () => {
      // Prepare
      kms
        .on(EncryptCommand)
        .rejects(new KMSInvalidStateException({ message: 'key disabled', $metadata: {} }));
      const box = new KmsSecretBox(client, KEY_ID);
      // Act
      const encrypting = box.encrypt(secret, context);
      // Assess
      await expect(encrypting).rejects.toBeInstanceOf(UnavailableError);
      const error = (await encrypting.catch((e: unknown) => e)) as UnavailableError;
      expect(statusOf(error)).toBe(503);
      expect(error.code).toBe('unavailable');
      expect(JSON.stringify(error) + String(error.message)).not.toContain(secret.toString('utf8'));
    });

    it('answers unavailable when KMS returns no ciphertext', async () => {
      // Prepare
      kms.on(EncryptCommand).resolves({});
      const box = new KmsSecretBox(client, KEY_ID);
      // Act
      const encrypting = box.encrypt(secret, context);
      // Assess
      await expect(encrypting).rejects.toBeInstanceOf(UnavailableError);
    });
  });

  describe('Method: decrypt', () => {
    it('calls Decrypt with the key, the ciphertext bytes and the same context', async () => {
      // Prepare
      kms.on(DecryptCommand).resolves({ Plaintext: new Uint8Array(secret), KeyId: KEY_ID });
      const box = new KmsSecretBox(client, KEY_ID);
      const ciphertext = Buffer.from(blob).toString('base64');
      // Act
      const plaintext = await box.decrypt(ciphertext, context);
      // Assess
      expect(kms).toHaveReceivedCommandTimes(DecryptCommand, 1);
      const input = kms.commandCalls(DecryptCommand)[0]?.args[0].input;
      expect(input).toEqual({
        KeyId: KEY_ID,
        CiphertextBlob: expect.anything() as unknown,
        EncryptionContext: { userId: 'user-1', factorId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      });
      expect(Buffer.from(input?.CiphertextBlob as Uint8Array).equals(Buffer.from(blob))).toBe(true);
      expect(plaintext.equals(secret)).toBe(true);
    });

    it('answers unavailable (503) when KMS fails, for instance on a context mismatch', async () => {
      // Prepare
      kms.on(DecryptCommand).rejects(new Error('InvalidCiphertextException'));
      const box = new KmsSecretBox(client, KEY_ID);
      // Act
      const decrypting = box.decrypt(Buffer.from(blob).toString('base64'), { ...context, userId: 'other' });
      // Assess
      await expect(decrypting).rejects.toBeInstanceOf(UnavailableError);
      await expect(decrypting.then(() => undefined, answered)).resolves.toMatchObject({ status: 503 });
    });

    it('answers unavailable when KMS returns no plaintext', async () => {
      // Prepare
      kms.on(DecryptCommand).resolves({});
      const box = new KmsSecretBox(client, KEY_ID);
      // Act
      const decrypting = box.decrypt(Buffer.from(blob).toString('base64'), context);
      // Assess
      await expect(decrypting).rejects.toBeInstanceOf(UnavailableError);
    });
  });

  describe('Round trip', () => {
    it('decrypts what it encrypted when KMS echoes the blob', async () => {
      // Prepare: a fake KMS that "encrypts" by reversing bytes and checks the context.
      kms.on(EncryptCommand).callsFake((input: { Plaintext: Uint8Array }) => ({
        CiphertextBlob: Uint8Array.from(input.Plaintext).reverse(),
      }));
      kms.on(DecryptCommand).callsFake((input: { CiphertextBlob: Uint8Array }) => ({
        Plaintext: Uint8Array.from(input.CiphertextBlob).reverse(),
      }));
      const box = new KmsSecretBox(client, KEY_ID);
      // Act
      const plaintext = await box.decrypt(await box.encrypt(secret, context), context);
      // Assess
      expect(plaintext.toString('utf8')).toBe(secret.toString('utf8'));
    });
  });
});
