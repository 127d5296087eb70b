/**
 * What a use case answers: an HTTP status and a JSON body. Idempotent replays hand
 * back a stored answer, which may be a problem document.
 */
export interface Reply {
  readonly statusCode: number;
  readonly body: unknown;
  /** True when the body is RFC 9457 problem JSON (a stored failure replayed). */
  readonly problem?: boolean;
  /** Set for a non-JSON answer (the report page): the body is then sent as the string it is. */
  readonly contentType?: string;
  /** Business metrics only the use case knows of (a send flagged in monitor mode); never in the body. */
  readonly signals?: ReadonlyArray<{ readonly name: string; readonly dimensions?: Record<string, string> }>;
}

export const iso = (ms: number) => new Date(ms).toISOString();
