/**
 * The Log port through Powertools Logger.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '../ports/log';

export function powertoolsLog(logger: Logger): Log {
  return {
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
  };
}
