/**
 * SMS encodings and segment counting (3GPP TS 23.038 and 23.040).
 *
 * A text whose every character is in the GSM 03.38 default alphabet travels in GSM-7:
 * 160 septets per single segment, with the extension-table characters (`€ [ ] { } | ~ ^ \`
 * and form feed) costing two septets each (ESC plus the character). Any other character
 * forces the whole message into UCS-2: 70 UTF-16 code units per single segment, so a
 * character outside the BMP (an emoji) costs two. A longer message is split into
 * concatenated segments of 153 septets or 67 units, each billed as one SMS and free to
 * arrive in any order; onetime never sends one (docs/api.md, Policy and Messages). National language shift
 * tables (Turkish, Portuguese, Indian scripts) are not used: carriers support them
 * unevenly, so a message that needs them is counted as UCS-2.
 */

/** One GSM-7 segment holds 160 septets. */
export const SMS_MAX_SEPTETS = 160;
/** One UCS-2 segment holds 70 UTF-16 code units. */
export const SMS_MAX_UCS2_UNITS = 70;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

// The basic table, in code-point order; ESC (0x1B) is left out because it only
// introduces an extension character and is never text by itself.
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The extension table: each costs two septets (ESC + the character).
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

// Look-alikes that a service name or detail may contain, mapped to GSM-7 instead of dropped.
const GSM7_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '`': "'",
  '´': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '«': '"',
  '»': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
  '·': '-',
  ç: 'Ç',
};

function isGsm7Char(ch: string): boolean {
  return GSM7_BASIC.has(ch) || GSM7_EXTENSION.has(ch);
}

/** True when every character of `text` is in the GSM 03.38 basic or extension table. */
export function isGsm7(text: string): boolean {
  return [...text].every(isGsm7Char);
}

/** Septets `text` occupies in GSM-7; `Infinity` when it cannot be encoded at all. */
export function gsm7Length(text: string): number {
  let septets = 0;
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1;
    else if (GSM7_EXTENSION.has(ch)) septets += 2;
    else return Number.POSITIVE_INFINITY;
  }
  return septets;
}

/** The encoding a phone network uses for `text`: GSM-7 when it can, else UCS-2. */
export function smsEncoding(text: string): SmsEncoding {
  return isGsm7(text) ? 'GSM-7' : 'UCS-2';
}

export interface SegmentCount {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text occupies. */
  readonly units: number;
  /** What one segment of that encoding holds. */
  readonly limit: number;
  /** Segments the text is billed as (0 for an empty text). */
  readonly segments: number;
}

/** How `text` travels: encoding, size in that encoding's units, and segments. */
export function countSegments(text: string): SegmentCount {
  const encoding = smsEncoding(text);
  const units = encoding === 'GSM-7' ? gsm7Length(text) : text.length;
  const [single, multi] = encoding === 'GSM-7' ? [SMS_MAX_SEPTETS, 153] : [SMS_MAX_UCS2_UNITS, 67];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding, units, limit: single, segments };
}

/** True when `text` is one segment in its own encoding. */
export function fitsOneSegment(text: string): boolean {
  return countSegments(text).segments <= 1;
}

/**
 * Makes free text (a service name, a detail) safe for a one-line GSM-7 SMS:
 * typographic look-alikes become their GSM-7 twin, accents that GSM-7 lacks are
 * stripped (ç → c), white space collapses to single spaces, the rest is dropped.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\n' || ch === '\r' || ch === '\f') out += ' ';
    else if (isGsm7Char(ch)) out += ch;
    else if (GSM7_REPLACEMENTS[ch] !== undefined) out += GSM7_REPLACEMENTS[ch];
    else if (/\s/u.test(ch)) out += ' ';
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      for (const b of bare) if (isGsm7Char(b)) out += b;
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Cuts `text` to at most `max` units of `encoding`, never inside a character (an
 * extension character or a surrogate pair stays whole or goes).
 */
export function truncateToUnits(text: string, max: number, encoding: SmsEncoding): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const cost = encoding === 'GSM-7' ? (GSM7_EXTENSION.has(ch) ? 2 : 1) : ch.length;
    if (used + cost > max) break;
    out += ch;
    used += cost;
  }
  return out.trimEnd();
}
