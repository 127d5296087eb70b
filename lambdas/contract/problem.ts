/**
 * The problem format every failure answers with (RFC 9457): `type`, `status`, `code`,
 * `title`, `detail`, plus the extra members each code promises.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (code: string) => `urn:onetime:problem:${code}`;

export interface ProblemDocument {
  readonly type: string;
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly [extra: string]: unknown;
}
