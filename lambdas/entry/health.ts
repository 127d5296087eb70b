/** Lambda entry: the health check, which needs no dependency. */
import { awsHttpOptions } from '../composition';
import { makeHealthHandler } from '../handlers/health';

export const handler = makeHealthHandler(awsHttpOptions());
