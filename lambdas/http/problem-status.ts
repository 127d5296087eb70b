/**
 * The HTTP status of every problem code: the one place a domain error becomes a
 * status, so the catalogue (docs/api.md, "Errors") cannot disagree with itself.
 */
import type { DomainError, ErrorCode } from '../domain/errors';

export const PROBLEM_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid_email: 400,
  invalid_phone_number: 400,
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  destination_blocked: 403,
  delivery_not_found: 404,
  factor_not_found: 404,
  no_pending_challenge: 404,
  not_found: 404,
  method_not_allowed: 405,
  already_confirmed: 409,
  code_already_used: 409,
  code_superseded: 409,
  delivery_exists: 409,
  fallback_exhausted: 409,
  factor_already_active: 409,
  factor_limit_reached: 409,
  no_active_factor: 409,
  code_expired: 410,
  payload_too_large: 413,
  code_incorrect: 422,
  idempotency_key_reused: 422,
  outside_window: 422,
  locked: 423,
  resend_too_soon: 429,
  send_limit_exceeded: 429,
  delivery_failed: 502,
  unavailable: 503,
};

export const statusOf = (error: DomainError): number => PROBLEM_STATUS[error.code];
