/**
 * CDK app entry (`cdk.json`: `npx tsx bin/onetime.ts`). Settings come from context:
 * `cdk.json` and `-c key=value`, listed in docs/deploy.md.
 */
import { App } from 'aws-cdk-lib';
import { buildOnetime } from '../lib/app';

buildOnetime(new App());
