/**
 * RFC 9457 problem documents for domain errors: `type`, `status`, `code`, `title`,
 * `detail`, plus the extra members each code promises. Used by the HTTP error
 * mapper and for answers stored under an Idempotency-Key.
 */
import type { DomainError } from './errors';

export interface ProblemDocument {
  readonly type: string;
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly [extra: string]: unknown;
}

export function problemOf(error: DomainError): ProblemDocument {
  return {
    type: `urn:onetime:problem:${error.code}`,
    status: error.status,
    code: error.code,
    title: error.title,
    detail: error.message,
    ...error.extras(),
  };
}
