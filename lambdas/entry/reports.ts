/** Lambda entry: the reports route group, wired to AWS adapters at cold start. */
import { awsDeps } from '../wiring/aws';
import { awsHttpOptions } from '../wiring/aws-http-options';
import { makeReportsHandler } from '../handlers/reports';

export const handler = makeReportsHandler(awsDeps(), awsHttpOptions());
