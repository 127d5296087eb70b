/**
 * Everything a function reads from its environment besides resource names, judged
 * by one reader: the functions call it at cold start and the CDK stack calls it on
 * the environment it is about to give them, so a value either is accepted by both
 * or fails `cdk synth`.
 */
import type { MessagingConfig } from '../domain/messaging';
import type { Policy } from '../domain/policy';
import type { Env } from './env';
import { readMessagingConfig } from './messaging-env';
import { readPolicy } from './policy-env';

export interface FunctionConfig {
  readonly policy: Policy;
  readonly messaging: MessagingConfig;
}

export function readFunctionConfig(env: Env): FunctionConfig {
  return { policy: readPolicy(env), messaging: readMessagingConfig(env) };
}
