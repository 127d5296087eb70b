/**
 * Helpers for cdk-nag acknowledgements. A wildcard-resource finding is named after
 * the resource as cdk-nag renders it (`<AWS::AccountId>`, a literal region when the
 * stack's region is known), so the id is computed from the same ARN the policy uses
 * rather than written by hand: it stays right in any account and region.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** The cdk-nag finding id of an IAM5 wildcard resource. */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** Acknowledges AwsSolutions-IAM5 for one wildcard resource of a policy owned by `scope`, with the reason. */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: wildcardResourceFinding(scope, resource), reason });
}
