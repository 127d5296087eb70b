/** Lambda entry: the challenges route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeChallengesHandler } from '../handlers/challenges';

export const handler = makeChallengesHandler(awsDeps(), awsHttpOptions());
