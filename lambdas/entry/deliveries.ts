/** Lambda entry: the deliveries route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeDeliveriesHandler } from '../handlers/deliveries';

export const handler = makeDeliveriesHandler(awsDeps(), awsHttpOptions());
