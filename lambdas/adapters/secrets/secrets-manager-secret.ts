/**
 * The HMAC server secret from AWS Secrets Manager, read once per cold start and
 * cached for the life of the execution environment. A failed read is answered 503
 * and retried on the next request.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { UnavailableError } from '../../domain/refusal-errors';
import { lazy } from '../../load-once';
import type { ServerSecret } from '../../ports/secrets';

export class SecretsManagerSecret implements ServerSecret {
  private readonly key = lazy(() => this.read());

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly secretId: string,
  ) {}

  hmacKey(): Promise<Buffer> {
    return this.key();
  }

  private async read(): Promise<Buffer> {
    let value: string | undefined;
    try {
      // Loaded with the first request that needs the key, not at module load.
      const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      value = (await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId }))).SecretString;
    } catch (cause) {
      throw new UnavailableError({ cause });
    }
    if (!value || value.length < 32)
      throw new Error('the HMAC server secret is missing or shorter than 32 characters');
    return Buffer.from(value, 'utf8');
  }
}
