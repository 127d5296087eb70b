/**
 * Composition root for AWS: reads the environment once and wires the adapters
 * (DynamoDB, SNS, SES, voice, Secrets Manager, KMS) into the use cases. Each Lambda
 * entry file calls this at cold start; nothing else reads `process.env`.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { monotonicFactory } from 'ulid';
import { documentClient } from './adapters/dynamodb/client';
import { DynamoDbAccountStore } from './adapters/dynamodb/dynamodb-account-store';
import { DynamoDbStore } from './adapters/dynamodb/dynamodb-store';
import { KmsSecretBox } from './adapters/kms/kms-secret-box';
import { SecretsManagerSecret } from './adapters/secrets/secrets-manager-secret';
import { SesEmailSender } from './adapters/ses/email-sender';
import { SnsSmsSender } from './adapters/sns/sms-sender';
import { VoiceSender } from './adapters/voice/voice-sender';
import type { AppDeps } from './app/deps';
import { OwnerNotifier } from './app/owner-notifier';
import { ConfigError, readString, type Env } from './config/env';
import { readMessagingConfig } from './config/messaging';
import { readPolicy } from './config/policy';
import type { HttpHandlerOptions } from './http/http-handler';
import { log, powertoolsHttpOptions, tracer } from './observability/powertools';
import { systemClock } from './ports/clock';

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} must be set`);
  return value;
}

const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);

/** The store alone, for functions that need nothing else (delivery events). */
export function awsStore(env: Env = process.env) {
  const policy = readPolicy(env);
  const tableName = readString(env, 'TABLE_NAME', 'onetime');
  const client = documentClient({}, traced);
  const store = new DynamoDbStore(client, { tableName, eventRetentionDays: policy.eventRetentionDays });
  return { client, tableName, store };
}

export function awsDeps(env: Env = process.env): AppDeps {
  const policy = readPolicy(env);
  const messaging = readMessagingConfig(env);
  // Provider calls retry three times with backoff before a refusal is reported.
  const retry = { maxAttempts: 3 };
  const { client, tableName, store } = awsStore(env);
  const accounts = new DynamoDbAccountStore(client, tableName, policy.eventRetentionDays);
  const senders = {
    sms: new SnsSmsSender(traced(new SNSClient(retry)), {
      senderId: messaging.smsSenderId,
      originationNumber: messaging.smsOriginationNumber,
    }),
    email: new SesEmailSender(traced(new SESv2Client(retry)), {
      from: messaging.emailFrom,
      configurationSet: messaging.sesConfigurationSet,
    }),
    voice: new VoiceSender(traced(new PinpointSMSVoiceV2Client(retry)), {
      originationIdentity: messaging.voiceOriginationIdentity ?? '',
    }),
  };
  return {
    store,
    accounts,
    notifier: new OwnerNotifier({ store, accounts, senders, clock: systemClock, messaging, log }),
    senders,
    clock: systemClock,
    secret: new SecretsManagerSecret(
      traced(new SecretsManagerClient(retry)),
      required(env, 'ONETIME_HMAC_SECRET_ARN'),
    ),
    secretBox: new KmsSecretBox(traced(new KMSClient(retry)), required(env, 'ONETIME_TOTP_KEY_ID')),
    policy,
    messaging,
    newId: monotonicFactory(),
  };
}

/** Logging, metrics and tracing for the route handlers (Powertools). */
export function awsHttpOptions(): HttpHandlerOptions {
  return powertoolsHttpOptions();
}
