/**
 * Report tokens: the credential of an email's "I did not ask for this" link. A
 * genuine token reads back its user and challenge; anything forged, altered, made
 * under another key or simply random reads as nothing.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { keyedHash } from '../../lambdas/domain/codes';
import { readReportToken, reportToken, reportUrl } from '../../lambdas/domain/report-token';

const key = randomBytes(32);
const subject = { userId: 'jane.doe@example.org', challengeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' };

describe('Module: report-token', () => {
  describe('Function: reportToken / readReportToken', () => {
    it('reads back the user and challenge of a genuine token', () => {
      // Prepare
      const token = reportToken(key, subject);
      // Act
      const read = readReportToken(key, token);
      // Assess
      expect(read).toEqual(subject);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    });

    it('round-trips any user and challenge ids (property)', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (userId, challengeId) => {
          const read = readReportToken(key, reportToken(key, { userId, challengeId }));
          return read?.userId === userId && read.challengeId === challengeId;
        }),
      );
    });

    it('refuses a token with its MAC changed, and one with its payload changed', () => {
      // Prepare
      const [payload, mac] = reportToken(key, subject).split('.') as [string, string];
      const otherPayload = reportToken(key, { ...subject, userId: 'mallory' }).split('.')[0] as string;
      const forged = [
        `${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
        `${payload}.${mac.slice(1)}`,
        `${payload}.${mac}x`,
        `${otherPayload}.${mac}`,
        `${payload}x.${mac}`,
      ];
      // Act
      const read = forged.map((t) => readReportToken(key, t));
      // Assess
      expect(read).toEqual(forged.map(() => undefined));
    });

    it('refuses a token made under another key', () => {
      // Prepare
      const token = reportToken(randomBytes(32), subject);
      // Act
      const read = readReportToken(key, token);
      // Assess
      expect(read).toBeUndefined();
    });

    it('refuses garbage and malformed tokens', () => {
      // Prepare
      const token = reportToken(key, subject);
      const [payload, mac] = token.split('.') as [string, string];
      const garbage = [
        '',
        '.',
        '..',
        'garbage',
        payload,
        `${payload}.`,
        `.${mac}`,
        `${token}.`,
        `${token}.x`,
        '💥.💥',
      ];
      // Act
      const read = garbage.map((t) => readReportToken(key, t));
      // Assess
      expect(read).toEqual(garbage.map(() => undefined));
    });

    it('refuses a well-signed payload that is not a [userId, challengeId] pair', () => {
      // Prepare: tokens signed with the right key over the wrong shapes.
      const signed = (payload: string) => `${payload}.${keyedHash(key, 'report', payload)}`;
      const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
      const tokens = [
        json(['only-one']),
        json(['a', 'b', 'c']),
        json(['a', 1]),
        json({ userId: 'a', challengeId: 'b' }),
        json(null),
        json('a'),
        Buffer.from('not json', 'utf8').toString('base64url'),
      ].map(signed);
      // Act
      const read = tokens.map((t) => readReportToken(key, t));
      // Assess
      expect(read).toEqual(tokens.map(() => undefined));
      expect(readReportToken(key, signed(json(['a', 'b'])))).toEqual({ userId: 'a', challengeId: 'b' });
    });

    it('never validates a random string (property)', () => {
      fc.assert(
        fc.property(
          fc.string({ maxLength: 300 }),
          (candidate) => readReportToken(key, candidate) === undefined,
        ),
        { numRuns: 2000 },
      );
      fc.assert(
        fc.property(
          fc.base64String({ maxLength: 120 }),
          fc.base64String({ minLength: 40, maxLength: 48 }),
          (payload, mac) =>
            readReportToken(key, `${payload.replace(/=/g, '')}.${mac.replace(/=/g, '')}`) === undefined,
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
