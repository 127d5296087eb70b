/** Lambda entry: the health check, which needs no dependency (so it loads no SDK client). */
import { makeHealthHandler } from '../handlers/health';
import { awsHttpOptions } from '../wiring/aws-http-options';

export const handler = makeHealthHandler(awsHttpOptions());
