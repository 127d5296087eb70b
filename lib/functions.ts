/**
 * One NodejsFunction per entry file, all built the same way (lib/bundling.ts):
 * nodejs22.x on arm64, minified ESM with source maps, bundled by the local esbuild.
 * Each function gets its own role and its own log group, so the stack can grant
 * exactly what that function uses and nothing that another one needs.
 */
import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { nodejsBundling, NODE_OPTIONS } from './bundling';

export interface FunctionSpec {
  /** Short name, e.g. `verify`: the construct id and the key of `OnetimeFunctions.byName`. */
  readonly name: string;
  /** Entry file relative to the project root, e.g. `lambdas/entry/verify.ts`. */
  readonly entry: string;
  /** What the function serves (shown in the console). */
  readonly description: string;
  /** Invoked synchronously by API Gateway (true) or asynchronously by an event source (false). */
  readonly synchronous: boolean;
  /** @default the construct's memorySize */
  readonly memorySize?: number;
  /** @default the construct's timeout */
  readonly timeout?: Duration;
}

export interface OnetimeFunctionsProps {
  /** Directory holding package.json, package-lock.json and `lambdas/`. */
  readonly projectRoot: string;
  readonly functions: readonly FunctionSpec[];
  /** Environment shared by every function (names and ARNs, never secret values). */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * 512 MB: Lambda allots CPU in proportion to memory, and a cold start parses the bundle and
   * opens TLS connections to DynamoDB, KMS and Secrets Manager on that CPU. A user waits on it at
   * sign-in; at one-time-code volumes the extra GB-seconds cost cents. @default 512
   */
  readonly memorySize?: number;
  /**
   * 10 s: a request makes a few DynamoDB calls and at most one KMS and one SNS/SES/voice call, each
   * retried by the SDK; 10 s covers those retries yet ends well inside API Gateway's 29 s integration
   * timeout, so the function answers 503 itself rather than the gateway answering 504. @default 10 s
   */
  readonly timeout?: Duration;
  /** Bundle the AWS SDK (true) or use the runtime's (false); `npm run bench` measures both. @default true */
  readonly bundleAwsSdk?: boolean;
  /** Layers every function gets: the library layer, whose modules the bundles leave out (`FROM_LAYER`). */
  readonly layers: readonly lambda.ILayerVersion[];
  /** @default ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class OnetimeFunctions extends Construct {
  readonly byName: ReadonlyMap<string, nodejs.NodejsFunction>;

  constructor(scope: Construct, id: string, props: OnetimeFunctionsProps) {
    super(scope, id);
    const byName = new Map<string, nodejs.NodejsFunction>();
    for (const spec of props.functions) {
      if (byName.has(spec.name)) throw new Error(`function "${spec.name}" is declared twice`);
      byName.set(spec.name, this.createFunction(spec, props));
    }
    this.byName = byName;
  }

  get(name: string): nodejs.NodejsFunction {
    const fn = this.byName.get(name);
    if (fn === undefined) throw new Error(`no function named "${name}"`);
    return fn;
  }

  private createFunction(spec: FunctionSpec, props: OnetimeFunctionsProps): nodejs.NodejsFunction {
    const id = pascal(spec.name);
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    // An own role instead of the default one: no AWSLambdaBasicExecutionRole (which may write to any log
    // group), only this function's log group.
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `onetime ${spec.name} function`,
    });
    logGroup.grantWrite(role);

    const fn = new nodejs.NodejsFunction(this, id, {
      description: spec.description,
      entry: path.join(props.projectRoot, spec.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      // Graviton: about 20 % cheaper per GB-second and at least as fast for this I/O-bound work.
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memorySize ?? props.memorySize ?? 512,
      timeout: spec.timeout ?? props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      // Powertools Logger writes JSON already; the JSON format makes Lambda's own START/REPORT lines JSON too.
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: { ...props.environment, NODE_OPTIONS },
      bundling: nodejsBundling(props.bundleAwsSdk ?? true),
      layers: [...props.layers],
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (Tracing.ACTIVE) needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
    if (spec.synchronous) {
      const reason =
        'Invoked synchronously by API Gateway only: a failure is answered to the caller, there is no asynchronous event to keep.';
      Validations.of(fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason });
      Validations.of(fn).acknowledge({ id: 'Serverless-LambdaAsyncFailureDestination', reason });
    } else {
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Failed asynchronous invocations go to an on-failure destination (an SQS queue), the successor of a DLQ.',
      });
    }
    const runtimeReason =
      'Pinned to nodejs22.x on purpose: the bundles target node22 and the project is tested on that runtime; move deliberately.';
    Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: runtimeReason });
    Validations.of(fn).acknowledge({ id: 'Serverless-LambdaLatestVersion', reason: runtimeReason });
    return fn;
  }
}

/** `delivery-events` → `DeliveryEvents`: stable construct ids for function names. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
