/**
 * Structured logging through Powertools Logger. Nothing passed here may contain a
 * code, a secret or a whole destination: callers log ids, statuses and masks only.
 */
import type { Logger } from '@aws-lambda-powertools/logger';

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function powertoolsLog(logger: Logger): Log {
  return {
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    error: (message, fields) => logger.error(message, fields ?? {}),
  };
}
