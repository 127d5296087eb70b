/**
 * SecretsManagerSecret against a mocked Secrets Manager client: the HMAC key is read
 * once per cold start and cached; a failed read is answered 503 and retried on the
 * next call; a secret too short to be a key is refused.
 */
import { answered } from './answered';
import {
  GetSecretValueCommand,
  InternalServiceError,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { SecretsManagerSecret } from '../../lambdas/adapters/secrets/secrets-manager-secret';
import { UnavailableError } from '../../lambdas/domain/refusal-errors';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:onetime/hmac-AbCdEf';
const KEY = 'k'.repeat(24) + '0123456789abcdef0123456789abcdef';
const client = new SecretsManagerClient({ region: 'eu-west-1' });
const sm = mockClient(client);

describe('Class: SecretsManagerSecret', () => {
  beforeEach(() => sm.reset());

  describe('Method: hmacKey', () => {
    it('reads the secret once and serves every later call from the cache', async () => {
      // Prepare
      sm.on(GetSecretValueCommand).resolves({ SecretString: KEY });
      const secret = new SecretsManagerSecret(client, SECRET_ARN);
      // Act
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => secret.hmacKey()));
      const later: Buffer[] = [];
      for (let i = 0; i < 10; i++) later.push(await secret.hmacKey());
      // Assess
      expect(sm).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
      expect(sm).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: SECRET_ARN });
      for (const key of [...concurrent, ...later]) expect(key.equals(Buffer.from(KEY, 'utf8'))).toBe(true);
    });

    it('answers unavailable (503) when the read fails, and reads again on the next call', async () => {
      // Prepare
      sm.on(GetSecretValueCommand)
        .rejectsOnce(new InternalServiceError({ message: 'boom', $metadata: {} }))
        .resolves({ SecretString: KEY });
      const secret = new SecretsManagerSecret(client, SECRET_ARN);
      // Act
      const failed = secret.hmacKey();
      await expect(failed).rejects.toBeInstanceOf(UnavailableError);
      const key = await secret.hmacKey();
      const cached = await secret.hmacKey();
      // Assess
      await expect(failed.then(() => undefined, answered)).resolves.toMatchObject({
        status: 503,
        code: 'unavailable',
      });
      expect(key.toString('utf8')).toBe(KEY);
      expect(cached).toBe(key);
      expect(sm).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
    });

    it('refuses a secret shorter than 32 characters, and does not cache the refusal', async () => {
      // Prepare
      sm.on(GetSecretValueCommand)
        .resolvesOnce({ SecretString: 'x'.repeat(31) })
        .resolves({ SecretString: KEY });
      const secret = new SecretsManagerSecret(client, SECRET_ARN);
      // Act
      const short = secret.hmacKey();
      // Assess
      await expect(short).rejects.toThrow(/shorter than 32/);
      await expect(short).rejects.not.toBeInstanceOf(UnavailableError);
      expect((await secret.hmacKey()).toString('utf8')).toBe(KEY);
    });

    it('refuses a missing or binary-only secret', async () => {
      // Prepare
      sm.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array(64) });
      const secret = new SecretsManagerSecret(client, SECRET_ARN);
      // Act
      const reading = secret.hmacKey();
      // Assess
      await expect(reading).rejects.toThrow(/missing/);
    });
  });
});
