/** Lambda entry: the devices route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeDevicesHandler } from '../handlers/devices';

export const handler = makeDevicesHandler(awsDeps(), awsHttpOptions());
