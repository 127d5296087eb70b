/** Lambda entry: the factors route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeFactorsHandler } from '../handlers/factors';

export const handler = makeFactorsHandler(awsDeps(), awsHttpOptions());
