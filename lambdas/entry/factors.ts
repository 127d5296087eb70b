/** Lambda entry: the factors route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeFactorsHandler } from '../handlers/factors';

export const handler = makeFactorsHandler(awsDeps(), awsHttpOptions());
