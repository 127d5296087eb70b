/** Lambda entry: the account route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeAccountHandler } from '../handlers/account';

export const handler = makeAccountHandler(awsDeps(), awsHttpOptions());
