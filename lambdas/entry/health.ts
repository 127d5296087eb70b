/** Lambda entry: the health check, which needs no dependency (so it loads no SDK client). */
import { makeHealthHandler } from '../handlers/health';
import { powertoolsHttpOptions } from '../observability/powertools';

export const handler = makeHealthHandler(powertoolsHttpOptions());
