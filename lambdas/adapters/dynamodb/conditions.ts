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

/** The item is new: nothing under its key. */
export const ITEM_ABSENT = 'attribute_not_exists(pk)';

/** The item is there (an update or delete of something that was removed in between refuses). */
export const ITEM_PRESENT = 'attribute_exists(pk)';

/** The challenge entry `#ch` is on the state item. */
export const CHALLENGE_PRESENT = 'attribute_exists(#ch)';

/** A notice window item whose last notice (`sentAt`) is older than `:windowStart`, or none yet. */
export const NOTICE_WINDOW_OPEN = 'attribute_not_exists(sentAt) OR sentAt <= :windowStart';

/** A delivery still owned by `:userId` (its id may be taken again once the old record expired). */
export const OWNED_BY_USER = 'userId = :userId';

/** A report acts once: the challenge `#ch` is still pending and unexpired, and unreported. */
export const REPORT_CANCELS = 'attribute_not_exists(#ch.r) AND #ch.t = :pending AND #ch.e > :now';

/** A report acts once: the challenge `#ch` is still retained (`:retainedAfter`) and unreported. */
export const REPORT_RECORDS =
  'attribute_exists(#ch) AND attribute_not_exists(#ch.r) AND #ch.e > :retainedAfter';

/** A message status report: the message `path` exists, and "sent" never replaces a final status. */
export function messageStatusCondition(path: string, status: string): string {
  const exists = `attribute_exists(${path})`;
  return status === 'sent' ? `${exists} AND NOT ${path}.t IN (:delivered, :failed)` : exists;
}

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
