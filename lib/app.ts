/**
 * Builds the onetime app: reads the stage configuration from context, creates the
 * stack and registers cdk-nag's AwsSolutions and Serverless rule packs, so any
 * unacknowledged finding fails `cdk synth` (and the infra test).
 */
import { Tags, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ConfigError, readConfig } from './config';
import { OnetimeStack } from './onetime-stack';

export interface BuildOptions {
  /** Register the cdk-nag rule packs on the app. @default true */
  readonly nag?: boolean;
  /** Where `lambdas/` and package-lock.json are. @default the repository root */
  readonly projectRoot?: string;
}

export function buildOnetime(app: App, options: BuildOptions = {}): OnetimeStack {
  // Where SMS and voice may go is the operator's explicit choice: a list, or `*` for any country.
  if (app.node.tryGetContext('smsAllowedCountries') === undefined) {
    throw new ConfigError(
      'context "smsAllowedCountries" is required to synthesize a stack: a comma list of ISO 3166 alpha-2 codes (e.g. -c smsAllowedCountries=GB,US), or * to allow any country',
    );
  }
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stack = new OnetimeStack(app, `Onetime-${config.stage}`, {
    config,
    description: `onetime (${config.stage}): one-time passcodes over SMS, voice, email and TOTP`,
    // Environment-agnostic unless the CLI knows the account (credentials): synth works offline either way.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    ...(options.projectRoot === undefined ? {} : { projectRoot: options.projectRoot }),
  });
  Tags.of(stack).add('service', 'onetime');
  Tags.of(stack).add('stage', config.stage);
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return stack;
}
