/** Lambda entry: the account route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeAccountHandler } from '../handlers/account';

export const handler = makeAccountHandler(awsDeps(), awsHttpOptions());
