/** Lambda entry: the verify route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeVerifyHandler } from '../handlers/verify';

export const handler = makeVerifyHandler(awsDeps(), awsHttpOptions());
