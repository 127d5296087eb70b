/** A fresh set of recovery codes (shown once, stored as keyed hashes). */
import { RECOVERY_CODE_COUNT, newRecoveryCode } from '../domain/codes';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}
