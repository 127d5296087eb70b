/**
 * Report tokens: the credential in an email's "I did not ask for this" link. They
 * are stateless and unguessable: the user and challenge ids, authenticated with an
 * HMAC under the server secret, so nothing needs storing and nothing can be forged.
 */
import { keyedHash, safeEqual } from './codes';

export interface ReportSubject {
  readonly userId: string;
  readonly challengeId: string;
}

export function reportToken(key: Buffer, subject: ReportSubject): string {
  const payload = Buffer.from(JSON.stringify([subject.userId, subject.challengeId]), 'utf8').toString(
    'base64url',
  );
  return `${payload}.${keyedHash(key, 'report', payload)}`;
}

/** The subject of a genuine token, or undefined for anything else. */
export function readReportToken(key: Buffer, token: string): ReportSubject | undefined {
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length > 0) return undefined;
  if (!safeEqual(mac, keyedHash(key, 'report', payload))) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((v) => typeof v === 'string'))
      return undefined;
    return { userId: parsed[0] as string, challengeId: parsed[1] as string };
  } catch {
    return undefined;
  }
}

export function reportUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/report/${encodeURIComponent(token)}`;
}
