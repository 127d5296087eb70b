/**
 * Port: structured logging. Nothing passed here may contain a code, a secret or a
 * whole destination: callers log ids, statuses and masks only.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
