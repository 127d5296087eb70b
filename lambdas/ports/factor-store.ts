/**
 * Port: a user's factors and recovery codes, guarded by the factor cap and the
 * factors' version (two concurrent enrolments cannot both take the last place).
 */
import type { AccountEvent } from '../domain/events';
import type { FactorRecord, RecoveryCodeSet } from '../domain/records';

export interface FactorStore {
  /** Creates a factor that needs no code sent (an authenticator), guarded by the factor cap. */
  createFactor(input: {
    factor: FactorRecord;
    expectFactorsVersion: number;
    /** A pending factor is forgotten at this time unless activated. */
    expiresAt: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }>;

  deleteFactor(input: {
    userId: string;
    factorId: string;
    expectFactorsVersion: number;
    events: readonly AccountEvent[];
  }): Promise<{ ok: boolean }>;

  replaceRecoveryCodes(userId: string, set: RecoveryCodeSet, events: readonly AccountEvent[]): Promise<void>;
}
