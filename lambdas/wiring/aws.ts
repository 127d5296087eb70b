/**
 * Composition root for AWS: reads the environment once and wires the adapters
 * (DynamoDB, SNS, SES, voice, Secrets Manager, KMS) and hands them to wireApp(). Each
 * Lambda entry file calls this at cold start; nothing else reads `process.env`.
 */
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoDbMessageOutcomes } from '../adapters/dynamodb/message-outcome-store';
import { storeOptions } from '../adapters/dynamodb/store-options';
import { LazySecretBox, LazySender, LazyServerSecret } from '../adapters/lazy';
import { lean } from '../adapters/sdk-clients';
import { outcomeOf } from '../adapters/ses/ses-events';
import type { AppDeps } from '../app/deps';
import type { DeliveryEventDeps } from '../app/delivery-events';
import { advanceLadderAfterFailure } from '../app/fallback-step';
import { readRequired, readString, type Env } from '../contract/env';
import { readFunctionConfig } from '../contract/function-config';
import { DEFAULT_TABLE_NAME } from '../contract/table';
import { metricOutcomes } from '../observability/outcome-metrics';
import { log, metricSink } from '../observability/powertools';
import { systemClock } from '../ports/clock';
import type { Log } from '../ports/log';
import { awsStepScheduler } from './aws-step-scheduler';
import { wireApp } from './wire-app';

/** The DynamoDB client (lean, lambdas/adapters/sdk-clients.ts) and table of this function. */
function awsTable(env: Env) {
  return { client: documentClient(), tableName: readString(env, 'TABLE_NAME', DEFAULT_TABLE_NAME) };
}

/** What the delivery-events function needs: the message outcomes and the SES event reader. */
export function awsDeliveryEventDeps(log: Log, env: Env = process.env): DeliveryEventDeps {
  let app: AppDeps | undefined;
  const { client, tableName } = awsTable(env);
  const { policy } = readFunctionConfig(env);
  return {
    messages: new DynamoDbMessageOutcomes(client, { tableName, ...storeOptions(policy) }),
    log,
    now: () => Date.now(),
    readEvent: outcomeOf,
    // A failed message of a fallback ladder sends the ladder's next step: the full wiring, built then.
    onFailed: (failed) => advanceLadderAfterFailure((app ??= awsDeps(env)), failed),
  };
}

export function awsDeps(env: Env = process.env): AppDeps {
  const { policy, messaging } = readFunctionConfig(env);
  // Provider calls retry three times with backoff before a refusal is reported.
  const retry = { maxAttempts: 3 };
  const hmacSecretArn = readRequired(env, 'ONETIME_HMAC_SECRET_ARN');
  const totpKeyId = readRequired(env, 'ONETIME_TOTP_KEY_ID');
  // Every client but DynamoDB's is loaded on first use (dynamic import): module init
  // stays small, and a request that sends nothing never loads SES, SNS or voice.
  const senders = {
    sms: new LazySender(async () => {
      const [{ SNSClient }, { SnsSmsSender }] = await Promise.all([
        import('@aws-sdk/client-sns'),
        import('../adapters/sns/sms-sender'),
      ]);
      return new SnsSmsSender(lean(new SNSClient(retry)), {
        senderId: messaging.smsSenderId,
        originationNumber: messaging.smsOriginationNumber,
        ...(messaging.smsMaxPriceUsd ? { maxPriceUsd: messaging.smsMaxPriceUsd } : {}),
      });
    }),
    email: new LazySender(async () => {
      const [{ SESv2Client }, { SesEmailSender }] = await Promise.all([
        import('@aws-sdk/client-sesv2'),
        import('../adapters/ses/email-sender'),
      ]);
      return new SesEmailSender(lean(new SESv2Client(retry)), {
        from: messaging.emailFrom,
        configurationSet: messaging.sesConfigurationSet,
      });
    }),
    voice: new LazySender(async () => {
      const [{ PinpointSMSVoiceV2Client }, { VoiceSender }] = await Promise.all([
        import('@aws-sdk/client-pinpoint-sms-voice-v2'),
        import('../adapters/voice/voice-sender'),
      ]);
      return new VoiceSender(lean(new PinpointSMSVoiceV2Client(retry)), {
        originationIdentity: messaging.voiceOriginationIdentity ?? '',
      });
    }),
  };
  const secret = new LazyServerSecret(async () => {
    const [{ SecretsManagerClient }, { SecretsManagerSecret }] = await Promise.all([
      import('@aws-sdk/client-secrets-manager'),
      import('../adapters/secrets/secrets-manager-secret'),
    ]);
    return new SecretsManagerSecret(lean(new SecretsManagerClient(retry)), hmacSecretArn);
  });
  const secretBox = new LazySecretBox(async () => {
    const [{ KMSClient }, { KmsSecretBox }] = await Promise.all([
      import('@aws-sdk/client-kms'),
      import('../adapters/kms/kms-secret-box'),
    ]);
    return new KmsSecretBox(lean(new KMSClient(retry)), totpKeyId);
  });
  return wireApp({
    ...awsTable(env),
    steps: awsStepScheduler(env, retry, log),
    outcomes: metricOutcomes(metricSink),
    policy,
    messaging,
    senders,
    clock: systemClock,
    secret,
    secretBox,
    log,
  });
}
