import fc from 'fast-check';
import {
  codeMatches,
  deriveCode,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCode,
  newSeed,
} from '../../lambdas/domain/codes';

const KEY = Buffer.alloc(32, 1);

describe('Module: codes', () => {
  describe('Function: deriveCode', () => {
    it('is deterministic for a seed and differs across keys', () => {
      // Prepare
      const seed = newSeed();
      // Act
      const a = deriveCode(KEY, seed, 6);
      const b = deriveCode(KEY, seed, 6);
      const other = deriveCode(Buffer.alloc(32, 2), seed, 6);
      // Assess
      expect(a).toBe(b);
      expect(a).toMatch(/^\d{6}$/);
      expect(other).not.toBe(a);
    });

    it('gives every length from 4 to 10 digits', () => {
      fc.assert(
        fc.property(fc.integer({ min: 4, max: 10 }), fc.string(), (length, seed) => {
          expect(deriveCode(KEY, seed, length)).toMatch(new RegExp(`^\\d{${length}}$`));
        }),
      );
    });

    it('draws every digit, at every position, uniformly (chi-squared)', () => {
      // Prepare: 20 000 codes → 120 000 digits; 9 degrees of freedom.
      const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
      // Act
      for (let i = 0; i < 20_000; i++) {
        const code = deriveCode(KEY, `seed-${i}`, 6);
        for (let p = 0; p < 6; p++) (counts[p] as number[])[Number(code[p])]! += 1;
      }
      // Assess: 9 appears (the randomInt(0, 9) bug), and no position deviates beyond p = 0.001 (27.88).
      for (const position of counts) {
        const expected = 2_000;
        const chi2 = position.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
        expect(position[9]).toBeGreaterThan(0);
        expect(chi2).toBeLessThan(27.88);
      }
    });
  });

  describe('Function: codeMatches', () => {
    it('accepts the derived code only', () => {
      const seed = newSeed();
      const code = deriveCode(KEY, seed, 6);
      expect(codeMatches(KEY, seed, 6, code)).toBe(true);
      expect(codeMatches(KEY, seed, 6, `${code}0`)).toBe(false);
      expect(
        codeMatches(
          KEY,
          seed,
          6,
          code.replace(/^./, (d) => String((Number(d) + 1) % 10)),
        ),
      ).toBe(false);
    });
  });

  describe('Function: recovery codes', () => {
    it('have a form no numeric code has, and hash the same with or without dashes and case', () => {
      const code = newRecoveryCode();
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
      expect(looksLikeRecoveryCode('123456')).toBe(false);
      expect(looksLikeRecoveryCode('1234567890')).toBe(false);
      expect(hashRecoveryCode(KEY, code.toUpperCase().replace(/-/g, ''))).toBe(hashRecoveryCode(KEY, code));
    });
  });
});
