/**
 * Test harness for the CDK stack: builds the app exactly as bin/onetime.ts does,
 * with cdk.json's context (feature flags included) plus per-test overrides.
 * Bundling is the slow part, so files that do not inspect bundles skip it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { buildOnetime, type BuildOptions } from '../../lib/app';
import type { OnetimeStack } from '../../lib/onetime-stack';

export const ROOT = path.resolve(__dirname, '..', '..');

/** The `context` block of cdk.json. */
export function cdkJsonContext(): Record<string, unknown> {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return json.context ?? {};
}

export interface Synthesized {
  readonly app: App;
  readonly stack: OnetimeStack;
  readonly template: Template;
}

export interface SynthOptions extends BuildOptions {
  /** Run esbuild for every function (slow). @default false */
  readonly bundle?: boolean;
}

export function synth(context: Record<string, unknown> = {}, options: SynthOptions = {}): Synthesized {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      ...(options.bundle === true ? {} : { [BUNDLING_STACKS]: [] }),
      // The operator's explicit choice a deployed stack needs; tests that are about it pass their own.
      smsAllowedCountries: '*',
      ...context,
    },
  });
  const stack = buildOnetime(app, {
    nag: options.nag ?? false,
    ...(options.projectRoot ? { projectRoot: options.projectRoot } : {}),
  });
  return { app, stack, template: Template.fromStack(stack) };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown }>;

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The logical id of the single resource of `type` whose logical id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(resourcesOf(template, type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1)
    throw new Error(`expected one ${type} named ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, unknown>;
  Sid?: string;
}

/** Statements of every IAM policy attached to a role (by the role's logical id). */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const out: Statement[] = [];
  for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const props = policy.Properties as {
      Roles: { Ref: string }[];
      PolicyDocument: { Statement: Statement[] };
    };
    if (props.Roles.some((r) => r.Ref === roleLogicalId)) out.push(...props.PolicyDocument.Statement);
  }
  return out;
}

export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
}
