/**
 * Composition root for AWS: reads the environment once and wires the adapters
 * (DynamoDB, SNS, SES, voice, Secrets Manager, KMS) into the use cases. Each Lambda
 * entry file calls this at cold start; nothing else reads `process.env`.
 */
import { monotonicFactory } from 'ulid';
import { documentClient } from './adapters/dynamodb/client';
import { DynamoDbAccountStore } from './adapters/dynamodb/dynamodb-account-store';
import { DynamoDbDeliveryStore } from './adapters/dynamodb/dynamodb-delivery-store';
import { DynamoDbLadderStore } from './adapters/dynamodb/dynamodb-ladder-store';
import { DynamoDbStore, storeOptions } from './adapters/dynamodb/dynamodb-store';
import { LazySecretBox, LazySender, LazyServerSecret } from './adapters/lazy';
import { LazyStepScheduler } from './adapters/scheduler/lazy-step-scheduler';
import type { AppDeps } from './app/deps';
import { OwnerNotifier } from './app/owner-notifier';
import { readOptional, readRequired, readString, type Env } from './config/env';
import { readMessagingConfig } from './config/messaging';
import { readPolicy } from './config/policy';
import type { HttpHandlerOptions } from './http/http-handler';
import { log, powertoolsHttpOptions, tracer } from './observability/powertools';
import { systemClock } from './ports/clock';

const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);

/** The store alone, for functions that need nothing else (delivery events). */
export function awsStore(env: Env = process.env, policy = readPolicy(env)) {
  const tableName = readString(env, 'TABLE_NAME', 'onetime');
  const client = documentClient({}, traced);
  const store = new DynamoDbStore(client, { tableName, ...storeOptions(policy) });
  return { client, tableName, store };
}

export function awsDeps(env: Env = process.env): AppDeps {
  const policy = readPolicy(env);
  const messaging = readMessagingConfig(env);
  // Provider calls retry three times with backoff before a refusal is reported.
  const retry = { maxAttempts: 3 };
  const { client, tableName, store } = awsStore(env, policy);
  const accounts = new DynamoDbAccountStore(client, tableName, policy.eventRetentionDays);
  const hmacSecretArn = readRequired(env, 'ONETIME_HMAC_SECRET_ARN');
  const totpKeyId = readRequired(env, 'ONETIME_TOTP_KEY_ID');
  // Every client but DynamoDB's is loaded on first use (dynamic import): module init
  // stays small, and a request that sends nothing never loads SES, SNS or voice.
  const senders = {
    sms: new LazySender(async () => {
      const [{ SNSClient }, { SnsSmsSender }] = await Promise.all([
        import('@aws-sdk/client-sns'),
        import('./adapters/sns/sms-sender'),
      ]);
      return new SnsSmsSender(traced(new SNSClient(retry)), {
        senderId: messaging.smsSenderId,
        originationNumber: messaging.smsOriginationNumber,
      });
    }),
    email: new LazySender(async () => {
      const [{ SESv2Client }, { SesEmailSender }] = await Promise.all([
        import('@aws-sdk/client-sesv2'),
        import('./adapters/ses/email-sender'),
      ]);
      return new SesEmailSender(traced(new SESv2Client(retry)), {
        from: messaging.emailFrom,
        configurationSet: messaging.sesConfigurationSet,
      });
    }),
    voice: new LazySender(async () => {
      const [{ PinpointSMSVoiceV2Client }, { VoiceSender }] = await Promise.all([
        import('@aws-sdk/client-pinpoint-sms-voice-v2'),
        import('./adapters/voice/voice-sender'),
      ]);
      return new VoiceSender(traced(new PinpointSMSVoiceV2Client(retry)), {
        originationIdentity: messaging.voiceOriginationIdentity ?? '',
      });
    }),
  };
  const secret = new LazyServerSecret(async () => {
    const [{ SecretsManagerClient }, { SecretsManagerSecret }] = await Promise.all([
      import('@aws-sdk/client-secrets-manager'),
      import('./adapters/secrets/secrets-manager-secret'),
    ]);
    return new SecretsManagerSecret(traced(new SecretsManagerClient(retry)), hmacSecretArn);
  });
  const newId = monotonicFactory();
  return {
    store,
    accounts,
    deliveries: new DynamoDbDeliveryStore(client, tableName, policy.eventRetentionDays),
    ladders: new DynamoDbLadderStore(client, tableName),
    steps: awsStepScheduler(env, retry),
    notifier: new OwnerNotifier({
      store,
      accounts,
      senders,
      clock: systemClock,
      messaging,
      log,
      secret,
      policy,
      newId,
    }),
    senders,
    clock: systemClock,
    secret,
    secretBox: new LazySecretBox(async () => {
      const [{ KMSClient }, { KmsSecretBox }] = await Promise.all([
        import('@aws-sdk/client-kms'),
        import('./adapters/kms/kms-secret-box'),
      ]);
      return new KmsSecretBox(traced(new KMSClient(retry)), totpKeyId);
    }),
    policy,
    messaging,
    newId,
  };
}

/**
 * Fallback steps as EventBridge Scheduler schedules, where the stack set the target
 * (the step function, the role the scheduler assumes, the schedule group: only the
 * challenges function gets them); elsewhere none, and a ladder's later steps are
 * answered unscheduled.
 */
function awsStepScheduler(env: Env, retry: { maxAttempts: number }): LazyStepScheduler {
  const functionArn = readOptional(env, 'ONETIME_FALLBACK_STEP_FUNCTION_ARN');
  const roleArn = readOptional(env, 'ONETIME_FALLBACK_SCHEDULER_ROLE_ARN');
  const groupName = readOptional(env, 'ONETIME_FALLBACK_SCHEDULE_GROUP');
  if (functionArn === undefined || roleArn === undefined || groupName === undefined) {
    return new LazyStepScheduler(undefined, log);
  }
  return new LazyStepScheduler(async () => {
    const [{ SchedulerClient }, { EventBridgeStepScheduler }] = await Promise.all([
      import('@aws-sdk/client-scheduler'),
      import('./adapters/scheduler/eventbridge-step-scheduler'),
    ]);
    return new EventBridgeStepScheduler(
      traced(new SchedulerClient(retry)),
      { functionArn, roleArn, groupName },
      log,
    );
  }, log);
}

/** Logging, metrics and tracing for the route handlers (Powertools). */
export function awsHttpOptions(): HttpHandlerOptions {
  return powertoolsHttpOptions();
}
