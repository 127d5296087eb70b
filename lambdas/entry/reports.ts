/** Lambda entry: the reports route group, wired to AWS adapters at cold start. */
import { awsDeps, awsHttpOptions } from '../composition';
import { makeReportsHandler } from '../handlers/reports';

export const handler = makeReportsHandler(awsDeps(), awsHttpOptions());
