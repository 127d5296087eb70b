/** Lambda entry: the deliveries route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeDeliveriesHandler } from '../handlers/deliveries';

export const handler = makeDeliveriesHandler(awsDeps(), awsHttpOptions());
