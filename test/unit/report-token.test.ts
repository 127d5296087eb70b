/**
 * Report tokens: the credential of an email's "I did not ask for this" link. A
 * genuine token reads back its user and challenge until it expires; it shows no id
 * to whoever reads the link; anything forged, altered, made under another key,
 * expired or simply random reads as nothing.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { readReportToken, reportToken, reportUrl } from '../../lambdas/domain/report-token';

const key = randomBytes(32);
const NOW = Date.now();
const subject = {
  userId: 'jane.doe@example.org',
  challengeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  expiresAt: NOW + 86_400_000,
};

/** Flips one bit of the decoded token at `index`. */
function flipped(token: string, index: number): string {
  const raw = Buffer.from(token, 'base64url');
  const at = index % raw.length;
  raw[at] = (raw[at] ?? 0) ^ 0x01;
  return raw.toString('base64url');
}

describe('Module: report-token', () => {
  describe('Function: reportToken / readReportToken', () => {
    it('reads back the user, challenge and end of life of a genuine token', () => {
      // Prepare
      const token = reportToken(key, subject);
      // Act
      const read = readReportToken(key, token, NOW);
      // Assess
      expect(read).toEqual(subject);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('is opaque: no id can be read from it, and two tokens for one challenge differ', () => {
      // Prepare
      const token = reportToken(key, subject);
      const again = reportToken(key, subject);
      // Act
      const decoded = Buffer.from(token, 'base64url').toString('latin1');
      // Assess
      expect(decoded).not.toContain(subject.userId);
      expect(decoded).not.toContain(subject.challengeId);
      expect(decoded).not.toContain('jane');
      expect(token).not.toBe(again);
    });

    it('stops working when its challenge record ends', () => {
      // Prepare
      const token = reportToken(key, subject);
      // Act
      const before = readReportToken(key, token, subject.expiresAt - 1);
      const at = readReportToken(key, token, subject.expiresAt);
      // Assess
      expect(before).toEqual(subject);
      expect(at).toBeUndefined();
    });

    it('round-trips any user and challenge ids (property)', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (userId, challengeId) => {
          const read = readReportToken(
            key,
            reportToken(key, { userId, challengeId, expiresAt: NOW + 1 }),
            NOW,
          );
          return read?.userId === userId && read.challengeId === challengeId;
        }),
      );
    });

    it('refuses a token with any single bit changed (property)', () => {
      const token = reportToken(key, subject);
      const length = Buffer.from(token, 'base64url').length;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: length - 1 }),
          (i) => readReportToken(key, flipped(token, i), NOW) === undefined,
        ),
      );
    });

    it('refuses a token made under another key, and truncated or extended tokens', () => {
      // Prepare
      const token = reportToken(key, subject);
      const tokens = [
        reportToken(randomBytes(32), subject),
        token.slice(0, -1),
        token.slice(1),
        `${token}A`,
        `${token}.x`,
      ];
      // Act
      const read = tokens.map((t) => readReportToken(key, t, NOW));
      // Assess
      expect(read).toEqual(tokens.map(() => undefined));
    });

    it('refuses garbage and malformed tokens', () => {
      // Prepare
      const garbage = ['', '.', '..', 'garbage', 'a.b', '💥.💥', 'A'.repeat(40), '%%%%'];
      // Act
      const read = garbage.map((t) => readReportToken(key, t, NOW));
      // Assess
      expect(read).toEqual(garbage.map(() => undefined));
    });

    it('never validates a random string (property)', () => {
      fc.assert(
        fc.property(
          fc.string({ maxLength: 300 }),
          (candidate) => readReportToken(key, candidate, NOW) === undefined,
        ),
        { numRuns: 2000 },
      );
      fc.assert(
        fc.property(
          fc.base64String({ minLength: 40, maxLength: 400 }),
          (candidate) =>
            readReportToken(key, candidate.replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_'), NOW) ===
            undefined,
        ),
        { numRuns: 2000 },
      );
    });
  });

  describe('Function: reportUrl', () => {
    it('joins the public URL and the token with one slash', () => {
      // Prepare
      const token = reportToken(key, subject);
      // Act
      const urls = [
        'https://auth.example.com',
        'https://auth.example.com/',
        'https://auth.example.com//',
      ].map((base) => reportUrl(base, token));
      // Assess
      expect(new Set(urls)).toEqual(new Set([`https://auth.example.com/report/${token}`]));
    });
  });
});
