/**
 * What each function may touch, as data: the table actions, the HMAC secret, the
 * TOTP key and the senders. The stack turns each row into statements on that
 * function's own role; a test checks every role against this table.
 *
 * A function that appears in the route table without a row here gets
 * `DEFAULT_ACCESS` (table read/write and the HMAC secret, no KMS, no sending): new
 * routes deploy and work for plain record keeping, and anything more powerful is
 * a deliberate one-line change here.
 */
import { FUNCTION_NAMES } from '../lambdas/contract/routes';
import type { TableAccess } from './data';

export interface FunctionAccess {
  readonly table: TableAccess;
  /** Read the HMAC server secret (code, recovery-code and token hashes). */
  readonly hmacSecret: boolean;
  /** Encrypt and decrypt TOTP secrets with the KMS key. */
  readonly totpKey: boolean;
  /** Send SMS, email and voice messages (codes and security notifications). */
  readonly send: boolean;
}

export const DEFAULT_ACCESS: FunctionAccess = {
  table: 'readWrite',
  hmacSecret: true,
  totpKey: false,
  send: false,
};

/** The SES-events consumer: not in the route table, subscribed to the SES events topic. */
export const DELIVERY_EVENTS_FUNCTION = 'delivery-events';

/** The fallback step function: not in the route table, invoked by EventBridge Scheduler (lib/fallback-ladder.ts). */
export const FALLBACK_STEP_FUNCTION = 'fallback-step';

/** Every function the stack deploys: those of the route table, then delivery-events and fallback-step. */
export const ALL_FUNCTIONS: readonly string[] = [
  ...FUNCTION_NAMES,
  DELIVERY_EVENTS_FUNCTION,
  FALLBACK_STEP_FUNCTION,
];

export const FUNCTION_ACCESS: Readonly<Record<string, FunctionAccess>> = {
  health: { table: 'none', hmacSecret: false, totpKey: false, send: false },
  // Enrolment sends a code (sms/voice/email) or creates a TOTP secret; removal notifies the other factors.
  factors: { table: 'readWrite', hmacSecret: true, totpKey: true, send: true },
  challenges: { table: 'readWrite', hmacSecret: true, totpKey: false, send: true },
  // TOTP verification decrypts the secret; a lock or a new device notifies the owner.
  verify: { table: 'readWrite', hmacSecret: true, totpKey: true, send: true },
  // Activity, support unlock and erasure only read and write records: nothing is hashed, nothing is sent
  // (the unrequested-code report, which notifies the owner, is the reports function's).
  account: { table: 'readWrite', hmacSecret: false, totpKey: false, send: false },
  // Records outcomes on challenges; a failed message of a fallback ladder sends the ladder's next step.
  [DELIVERY_EVENTS_FUNCTION]: { table: 'readWrite', hmacSecret: true, totpKey: false, send: true },
  // Sends a fallback step: the same send routine as a challenge.
  [FALLBACK_STEP_FUNCTION]: { table: 'readWrite', hmacSecret: true, totpKey: false, send: true },
  devices: { table: 'readWrite', hmacSecret: true, totpKey: false, send: false },
  deliveries: { table: 'readWrite', hmacSecret: true, totpKey: false, send: true },
  reports: { table: 'readWrite', hmacSecret: true, totpKey: false, send: true },
};

export function accessOf(fn: string): FunctionAccess {
  return FUNCTION_ACCESS[fn] ?? DEFAULT_ACCESS;
}
