/**
 * Report tokens: the credential in an email's "I did not ask for this" link. A token
 * is the user and challenge ids with the token's end of life, sealed with
 * AES-256-GCM under a key derived from the server secret: unguessable and
 * unforgeable, and opaque (a reader of the link learns no id). It lives as long as
 * its challenge's record; that a link acts only once is kept on the challenge itself.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface ReportSubject {
  readonly userId: string;
  readonly challengeId: string;
  /** When the link stops working (ms): the end of its challenge's record. */
  readonly expiresAt: number;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

// A key of its own, so a token can never be read as, or made from, another keyed value.
const sealingKey = (key: Buffer) => createHmac('sha256', key).update('onetime report token v2').digest();

export function reportToken(key: Buffer, subject: ReportSubject): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), nonce);
  const plain = Buffer.from(JSON.stringify([subject.userId, subject.challengeId, subject.expiresAt]), 'utf8');
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The subject of a genuine token still within its life, or undefined for anything else. */
export function readReportToken(key: Buffer, token: string, now: number): ReportSubject | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length <= NONCE_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), raw.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]);
    const parsed: unknown = JSON.parse(plain.toString('utf8'));
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 3 ||
      typeof parsed[0] !== 'string' ||
      typeof parsed[1] !== 'string' ||
      typeof parsed[2] !== 'number'
    )
      return undefined;
    const subject = { userId: parsed[0], challengeId: parsed[1], expiresAt: parsed[2] };
    return subject.expiresAt > now ? subject : undefined;
  } catch {
    return undefined;
  }
}

export function reportUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/report/${encodeURIComponent(token)}`;
}
