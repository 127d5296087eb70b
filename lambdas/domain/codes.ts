/**
 * One-time codes, recovery codes and tokens: how they are made and checked.
 *
 * An out-of-band code is never stored. A challenge keeps a random `seed`, and the
 * code is derived from it with HMAC-SHA256 under the server secret; so a resend can
 * repeat the very same code, while a copy of the table alone reveals nothing.
 * Recovery codes and device tokens are random and kept only as keyed hashes.
 * Every comparison is constant-time.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A fresh random seed for a challenge (128 bits, base64url). */
export function newSeed(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Derives `length` decimal digits from the seed. Digits come from HMAC output bytes
 * by rejection sampling (bytes ≥ 250 are skipped), so each digit is uniform over
 * 0–9; a counter extends the stream for long codes.
 */
export function deriveCode(key: Buffer, seed: string, length: number): string {
  let digits = '';
  for (let block = 0; digits.length < length; block++) {
    const bytes = createHmac('sha256', key).update(`otp:${block}:${seed}`).digest();
    for (const byte of bytes) {
      if (byte >= 250) continue;
      digits += String(byte % 10);
      if (digits.length === length) break;
    }
  }
  return digits;
}

/** Constant-time equality of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when `submitted` is the code derived from `seed`. */
export function codeMatches(key: Buffer, seed: string, length: number, submitted: string): boolean {
  return safeEqual(deriveCode(key, seed, length), submitted);
}

/** Keyed hash for values kept only as hashes (recovery codes, tokens, destinations). */
export function keyedHash(key: Buffer, domain: string, value: string): string {
  return createHmac('sha256', key).update(`${domain}:${value}`).digest('base64url');
}

// Recovery codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// shown as xxxx-xxxx-xxxx: ~59 bits each, and a shape a 6-digit code can never have.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_FORM = /^[a-z2-9]{4}-?[a-z2-9]{4}-?[a-z2-9]{4}$/i;

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

export function looksLikeRecoveryCode(input: string): boolean {
  return RECOVERY_FORM.test(input.trim());
}

/** Users type recovery codes with or without dashes, in any case. */
export function normaliseRecoveryCode(input: string): string {
  return input.trim().toLowerCase().replace(/-/g, '');
}

export function hashRecoveryCode(key: Buffer, code: string): string {
  return keyedHash(key, 'recovery', normaliseRecoveryCode(code));
}
