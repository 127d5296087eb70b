/**
 * Named condition fragments. Every guarantee of docs/api.md, Policy is one of these, checked by
 * DynamoDB in the same write that changes the item, never by reading first.
 */

/** The user is not locked: no hard lock, and no lock that is still running. */
export const NOT_LOCKED =
  '(attribute_not_exists(hardLocked) OR hardLocked = :false) AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)';

/** The cooldown stamp `#cd` is absent or older than `:cutoff`. */
export const COOLDOWN_ELAPSED = 'attribute_not_exists(#cd) OR #cd <= :cutoff';

/** A counter item `n` that has not yet reached `:max` (absent counts as zero). */
export const BELOW_CAP = 'attribute_not_exists(n) OR n < :max';

/** The item does not exist yet, or exists only as a leftover past its TTL. */
export const ABSENT_OR_EXPIRED = 'attribute_not_exists(pk) OR #ttl <= :nowSeconds';

/** A challenge whose code can still be accepted. */
export const CHALLENGE_PENDING = 'attribute_exists(pk) AND #status = :pending AND expiresAt > :now';

/**
 * `#name = :value`, where a missing attribute stands for zero: the state item is
 * created lazily, so a first write must match "absent" as well as "0".
 */
export function equalsOrAbsentIfZero(name: string, placeholder: string, value: number): string {
  return value === 0
    ? `attribute_not_exists(${name}) OR ${name} = ${placeholder}`
    : `${name} = ${placeholder}`;
}

/** `#name < :value`, where a missing attribute stands for zero. */
export function belowOrAbsent(name: string, placeholder: string): string {
  return `attribute_not_exists(${name}) OR ${name} < ${placeholder}`;
}

/**
 * Joins condition parts with AND. A part is parenthesised only when it has an
 * operator of its own: DynamoDB rejects redundant parentheses.
 */
export function allOf(...parts: string[]): string {
  return parts.map((p) => (/ (AND|OR) /.test(p) ? `(${p})` : p)).join(' AND ');
}
