/**
 * What a use case answers: a status and a JSON body. Refusals are thrown as domain
 * errors (a replayed one too) and get their status from the HTTP layer.
 */
export interface Reply {
  readonly statusCode: number;
  readonly body: unknown;
  /** Set for a non-JSON answer (the report page): the body is then sent as the string it is. */
  readonly contentType?: string;
}

export const iso = (ms: number) => new Date(ms).toISOString();
