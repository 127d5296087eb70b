/**
 * Port: erasure of everything kept about a user (docs/api.md, "Account activity and support").
 */
export interface AccountErasure {
  /** Deletes every record of the user: state, factors, challenges, recovery codes, devices, events, deliveries. */
  eraseUser(userId: string): Promise<void>;
}
