/**
 * Random fractions for ulid's `monotonicFactory`, drawn from a pooled buffer that
 * `crypto.randomFillSync` refills when it runs dry. ulid's own source asks the OS
 * for one byte per character (16 crypto calls per id, several ids per request);
 * here one call serves about 250 ids. The bytes are the same CSPRNG output, only
 * fetched in bulk: each byte is used once, and `byte / 256` keeps ulid's choice of
 * character uniform (256 is a multiple of its 32 characters).
 */
import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/** 4 KiB: one refill per ~250 ids, small enough to be nothing in a function's memory. */
export const POOL_BYTES = 4096;

/** Fills a buffer with cryptographically strong random bytes. */
export type Fill = (buffer: Uint8Array) => void;

/** A PRNG (fractions in [0, 1)) that serves each byte of the pool once, refilling it when empty. */
export function pooledRandom(
  poolBytes: number = POOL_BYTES,
  fill: Fill = (b) => randomFillSync(b),
): () => number {
  if (!Number.isInteger(poolBytes) || poolBytes < 1)
    throw new RangeError('poolBytes must be a positive integer');
  const pool = new Uint8Array(poolBytes);
  let next = poolBytes;
  return () => {
    if (next === poolBytes) {
      fill(pool);
      next = 0;
    }
    return pool[next++]! / 256;
  };
}

/** Monotonic ULIDs (unique and increasing within a millisecond) from the pooled source. */
export function pooledUlidFactory(random: () => number = pooledRandom()): (seedTime?: number) => string {
  return monotonicFactory(random);
}
