/** Lambda entry: the verify route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeVerifyHandler } from '../handlers/verify';

export const handler = makeVerifyHandler(awsDeps(), awsHttpOptions());
