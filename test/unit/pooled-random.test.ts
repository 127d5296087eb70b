/**
 * ULIDs from the pooled random source: valid, unique and increasing within one
 * millisecond, and the pool is refilled (not replayed) once drawn dry.
 */
import { randomFillSync } from 'node:crypto';
import { decodeTime } from 'ulid';
import { POOL_BYTES, pooledRandom, pooledUlidFactory } from '../../lambdas/adapters/ids/pooled-random';

const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

describe('Module: pooled random source', () => {
  it('gives valid ULIDs that are unique and strictly increasing within one millisecond', () => {
    const newId = pooledUlidFactory();
    const now = Date.now();
    // All at the same time: the first id draws 16 random characters, the others increment it.
    const ids = Array.from({ length: 2_000 }, () => newId(now));
    for (const id of ids) {
      expect(id).toMatch(ULID);
      expect(decodeTime(id)).toBe(now);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('gives unique, time-ordered ids across milliseconds, each drawing fresh random bytes', () => {
    const newId = pooledUlidFactory();
    const start = Date.now();
    // A new millisecond draws 16 fresh characters: 1000 of them use 16000 bytes, about four pools.
    const ids = Array.from({ length: 1_000 }, (_, i) => newId(start + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(10))).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('refills the pool when it runs dry, and never serves a byte twice', () => {
    let fills = 0;
    const random = pooledRandom(64, (buffer) => {
      fills++;
      randomFillSync(buffer);
    });
    const draws = Array.from({ length: 64 * 3 + 1 }, () => random());
    // One fill per 64 draws: at the first draw, then at the 65th, 129th and 193rd.
    expect(fills).toBe(4);
    for (const x of draws) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(Number.isInteger(x * 256)).toBe(true);
    }
    // Each pool's worth differs from the last: a replayed pool would repeat the same 64 values.
    const windows = [0, 1, 2].map((w) => draws.slice(w * 64, (w + 1) * 64).join(','));
    expect(new Set(windows).size).toBe(3);
  });

  it('serves the fill’s bytes in order, each once, as byte / 256', () => {
    let counter = 0;
    const random = pooledRandom(4, (buffer) => {
      for (let i = 0; i < buffer.length; i++) buffer[i] = (counter++ * 37) % 256;
    });
    const expected = Array.from({ length: 10 }, (_, i) => ((i * 37) % 256) / 256);
    expect(Array.from({ length: 10 }, () => random())).toEqual(expected);
  });

  it('uses a 4 KiB pool by default, and refuses an empty one', () => {
    expect(POOL_BYTES).toBe(4096);
    let fills = 0;
    const random = pooledRandom(undefined, (buffer) => {
      fills++;
      expect(buffer.length).toBe(4096);
      randomFillSync(buffer);
    });
    for (let i = 0; i < 4096; i++) random();
    expect(fills).toBe(1);
    random();
    expect(fills).toBe(2);
    expect(() => pooledRandom(0)).toThrow(RangeError);
  });

  it('spreads the characters evenly over the 32 of Crockford base32', () => {
    const newId = pooledUlidFactory();
    const counts = new Map<string, number>();
    const start = Date.now();
    for (let i = 0; i < 4_000; i++)
      for (const c of newId(start + i).slice(10)) counts.set(c, (counts.get(c) ?? 0) + 1);
    // 64000 characters: 2000 expected each; 5 standard deviations (~220) either way.
    expect(counts.size).toBe(32);
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(250);
  });
});
