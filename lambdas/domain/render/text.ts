/**
 * Helpers shared by the SMS, email and voice renderers: filling a catalogue text,
 * wording a duration in the language, and making free text safe to embed.
 */
import { domainToASCII } from 'node:url';
import type { PurposeKey } from '../catalogue/types';

export interface Fill {
  readonly code?: string;
  readonly duration?: string;
  /** The service name; '' drops every `[…]` part of the text. */
  readonly name: string;
}

/**
 * Fills a catalogue text. Bracketed parts (`[ für {name}]`) are kept, without their
 * brackets, only when there is a name. Placeholders are replaced in one pass, so a
 * service name that itself contains `{code}` or brackets is inserted literally.
 */
export function fill(template: string, values: Fill): string {
  const bracketed = template.replace(/\[([^\]]*)\]/g, (_, inner: string) =>
    values.name === '' ? '' : inner,
  );
  // An abbreviated duration may end in its own full stop ("10 dk."): never write two.
  const shaped = values.duration?.endsWith('.') ? bracketed.replace('{duration}.', '{duration}') : bracketed;
  return shaped
    .replace(/\{(code|duration|name)\}/g, (_, key: keyof Fill) => values[key] ?? '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** What a purpose reads as: a caller-defined purpose is never echoed, it is not ours to word. */
export function purposeKey(purpose: string): PurposeKey {
  switch (purpose) {
    case 'sign_in':
    case 'sensitive_action':
    case 'enroll':
    case 'delivery':
      return purpose;
    default:
      return 'other';
  }
}

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

/**
 * The amount and unit a duration is stated in, rounded down so a message never
 * promises more life than the code has: 600 → 10 minutes, 3600 → 1 hour, 5400 → 90 minutes.
 */
export function durationParts(seconds: number): { readonly value: number; readonly unit: DurationUnit } {
  const s = Math.max(1, Math.floor(seconds));
  const units: ReadonlyArray<readonly [number, DurationUnit]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) if (s % size === 0) return { value: s / size, unit };
  if (s < 120) return { value: s, unit: 'second' };
  for (const [size, unit] of units) if (s >= 2 * size) return { value: Math.floor(s / size), unit };
  return { value: Math.floor(s / 60), unit: 'minute' };
}

/**
 * Building an `Intl.NumberFormat` costs about a millisecond (it loads the locale's
 * data); formatting with one costs microseconds. A message formats a duration two or
 * three times, so each formatter is built once per language, unit and display.
 */
// Keys are bounded: catalogue languages × units × two displays.
const UNIT_FORMATS = new Map<string, Intl.NumberFormat>();

function unitFormat(locale: string, unit: string, display: 'long' | 'short'): Intl.NumberFormat {
  const key = `${locale}|${unit}|${display}`;
  let format = UNIT_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: display,
      numberingSystem: 'latn',
    });
    UNIT_FORMATS.set(key, format);
  }
  return format;
}

/**
 * A duration in words in the language (`Intl` knows each language's plural rules):
 * "10 minutes", "10 Minuten", "10 分". `short` is the abbreviated unit ("10 min"), used
 * only to make an SMS fit. Digits are always Latin, like the code beside them, and
 * no-break spaces become plain ones so the text stays GSM-7 where the language is.
 */
export function formatDuration(seconds: number, locale = 'en', display: 'long' | 'short' = 'long'): string {
  const { value, unit } = durationParts(seconds);
  return (
    unitFormat(locale, unit, display)
      .format(value)
      .replace(/[\u00A0\u202F]/g, ' ')
      // Japanese reads "10分", not "10 分".
      .replace(/(\d) (?=[\u3040-\u30FF\u4E00-\u9FFF])/gu, '$1')
  );
}

/** A service name for email and voice: one line, no control or format characters. */
export function plainName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The five XML entities: for text and attribute values of HTML pages and mails. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) links go into an email; anything else (javascript:, data:) is dropped. */
export function safeLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The WebOTP line must name the origin's host exactly; IDNs are sent in punycode,
 * which is also what keeps the line GSM-7.
 */
export function webOtpHost(domain: string | undefined): string | undefined {
  if (domain === undefined || domain.trim() === '') return undefined;
  const trimmed = domain.trim();
  return domainToASCII(trimmed) || trimmed.toLowerCase();
}

/** A sentence with an optional already-masked detail in brackets, then its full stop. */
export function withDetail(event: string, detail: string | undefined, fullStop: string): string {
  return detail === undefined || detail === '' ? `${event}${fullStop}` : `${event} (${detail})${fullStop}`;
}
