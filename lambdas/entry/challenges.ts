/** Lambda entry: the challenges route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeChallengesHandler } from '../handlers/challenges';

export const handler = makeChallengesHandler(awsDeps(), awsHttpOptions());
