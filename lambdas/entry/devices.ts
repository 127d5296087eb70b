/** Lambda entry: the devices route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeDevicesHandler } from '../handlers/devices';

export const handler = makeDevicesHandler(awsDeps(), awsHttpOptions());
