/**
 * The words users read and hear: one-time-code messages (SMS, email, voice) and
 * security notices to the account owner, as pure functions of their inputs.
 *
 * Every code message says how long the code lasts and that the service will never
 * ask for it (SPEC §1, §3), because most stolen codes are read out to a caller who
 * pretends to be the service. An SMS must stay one GSM-7 segment: a second segment
 * doubles the price and can arrive first, which breaks autofill and the WebOTP line.
 * So SMS wording shrinks in a fixed order when the service name, the WebOTP domain
 * or a long code leave too little room, and never loses the code, the validity,
 * the warning or the WebOTP line.
 */
import { domainToASCII } from 'node:url';
import type { MessagingConfig } from '../config/messaging';
import type { EmailMessage, OutboundMessage, SmsMessage, VoiceMessage } from '../ports/sender';
import type { DeliveryChannel } from './channel';

export const NOTICE_KINDS = [
  'factor_added',
  'factor_removed',
  'factor_activated',
  'locked',
  'hard_locked',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'unrequested_code_reported',
  'contact_changed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface CodeMessageInput {
  readonly channel: DeliveryChannel;
  /** E.164 phone number or email address. */
  readonly to: string;
  readonly code: string;
  /** `sign_in`, `sensitive_action`, `enroll`, `delivery` or any caller-defined purpose. */
  readonly purpose: string;
  /** How long the code stays valid, stated in the message. */
  readonly ttlSeconds: number;
  /** Link that lets the owner report an unrequested code (email only). */
  readonly reportUrl?: string;
}

export interface NoticeInput {
  readonly kind: NoticeKind;
  readonly channel: DeliveryChannel;
  readonly to: string;
  /** Already-masked text to mention, such as `+1*******0100`; never a whole destination. */
  readonly detail?: string;
}

/** The message type that matches a channel, so callers need not narrow the union. */
export type MessageFor<C extends DeliveryChannel> = Extract<OutboundMessage, { channel: C }>;

/** One GSM-7 SMS segment holds 160 septets. */
export const SMS_MAX_SEPTETS = 160;

// ---------------------------------------------------------------------------
// GSM 03.38

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

/** True when every character of `text` is in the GSM 03.38 basic or extension table. */
export function isGsm7(text: string): boolean {
  return [...text].every(isGsm7Char);
}

function isGsm7Char(ch: string): boolean {
  return GSM7_BASIC.has(ch) || GSM7_EXTENSION.has(ch);
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
      for (const b of bare) if (GSM7_BASIC.has(b) || GSM7_EXTENSION.has(b)) out += b;
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

// Cuts `text` to at most `max` septets, never inside a character.
function truncateToSeptets(text: string, max: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const cost = GSM7_EXTENSION.has(ch) ? 2 : 1;
    if (used + cost > max) break;
    out += ch;
    used += cost;
  }
  return out.trimEnd();
}

// ---------------------------------------------------------------------------
// Shared wording

/**
 * A duration in words, rounded down so a message never promises more life than the
 * code has: 600 → "10 minutes", 3600 → "1 hour", 5400 → "90 minutes".
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.floor(seconds));
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const units: ReadonlyArray<readonly [number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) if (s % size === 0) return plural(s / size, unit);
  if (s < 120) return plural(s, 'second');
  for (const [size, unit] of units) if (s >= 2 * size) return plural(Math.floor(s / size), unit);
  return plural(Math.floor(s / 60), 'minute');
}

// What the code is for, completing "… is your <name> ___".
function purposeNoun(purpose: string, channel: DeliveryChannel): string {
  switch (purpose) {
    case 'sign_in':
      return 'sign-in code';
    case 'sensitive_action':
      return 'code to confirm this action';
    case 'enroll':
      return channel === 'email' ? 'code to verify this email address' : 'code to verify this number';
    case 'delivery':
      return 'code for your delivery';
    default:
      // A caller-defined purpose is never echoed: it is not ours to word.
      return 'verification code';
  }
}

// A delivery code is meant to be said to the courier; any other code to nobody.
function sharingAdvice(purpose: string): string {
  return purpose === 'delivery' ? 'Share it only with the courier at your door.' : "Don't share it.";
}

const SMS_WARNING = 'We will never call or text you to ask for it.';
// Same promise in fewer characters, used only when a long domain leaves no other room.
const SMS_WARNING_SHORT = 'We never call or text to ask for it.';
const EMAIL_WARNING = 'We will never call, text or email you to ask for this code.';
const VOICE_WARNING = 'We will never call or text you to ask for this code.';
const NOTICE_WARNING = 'We will never call or text you to ask for a code.';

// A service name for email and voice: one line, no control characters.
function plainName(name: string): string {
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

// SSML is XML: the same five entities apply.
const escapeXml = escapeHtml;

// Only http(s) links go into an email; anything else (javascript:, data:) is dropped.
function safeLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

// The WebOTP line must name the origin's host exactly; IDNs are sent in punycode,
// which is also what keeps the line GSM-7.
function webOtpHost(domain: string | undefined): string | undefined {
  if (domain === undefined || domain.trim() === '') return undefined;
  const trimmed = domain.trim();
  return domainToASCII(trimmed) || trimmed.toLowerCase();
}

function withName(name: string, rest: string): string {
  return name === '' ? rest : `${name} ${rest}`;
}

// ---------------------------------------------------------------------------
// Code messages

/**
 * Renders the message that carries a one-time code on the given channel.
 * Throws a RangeError only when the configuration cannot fit one SMS segment at all
 * (a WebOTP domain of more than about 50 characters with a 10-digit code).
 */
export function renderCodeMessage<C extends DeliveryChannel>(
  input: CodeMessageInput & { readonly channel: C },
  config: MessagingConfig,
): MessageFor<C>;
export function renderCodeMessage(input: CodeMessageInput, config: MessagingConfig): OutboundMessage {
  switch (input.channel) {
    case 'sms':
      return renderCodeSms(input, config);
    case 'email':
      return renderCodeEmail(input, config);
    case 'voice':
      return renderCodeVoice(input, config);
  }
}

interface SmsTier {
  readonly purposeNoun: boolean;
  readonly advice: boolean;
  /** Blank line before the WebOTP line (easier to read) or a plain line break. */
  readonly gap: '\n\n' | '\n';
  readonly warning: string;
}

// Shrinking order: optional advice, the blank line, the purpose wording; then the
// service name is truncated; then the shorter warning.
const SMS_TIERS: readonly SmsTier[] = [
  { purposeNoun: true, advice: true, gap: '\n\n', warning: SMS_WARNING },
  { purposeNoun: true, advice: false, gap: '\n\n', warning: SMS_WARNING },
  { purposeNoun: true, advice: false, gap: '\n', warning: SMS_WARNING },
  { purposeNoun: false, advice: false, gap: '\n', warning: SMS_WARNING },
  { purposeNoun: false, advice: false, gap: '\n', warning: SMS_WARNING_SHORT },
];
// A name or detail cut shorter than this says nothing; the next step drops it instead.
const MIN_USEFUL_CUT = 4;

/** The service name as an SMS can carry it: GSM-7, at most one segment. */
function smsServiceName(config: MessagingConfig): string {
  return truncateToSeptets(toGsm7(config.serviceName), SMS_MAX_SEPTETS);
}

/** The first body that fits one GSM-7 segment: candidates come longest and most helpful first. */
function firstThatFits(bodies: Iterable<string>): string | undefined {
  for (const body of bodies) if (gsm7Length(body) <= SMS_MAX_SEPTETS) return body;
  return undefined;
}

/** An email paragraph. */
function p(inner: string): string {
  return `<p style="margin:0 0 16px">${inner}</p>`;
}

function renderCodeSms(input: CodeMessageInput, config: MessagingConfig): SmsMessage {
  const name = smsServiceName(config);
  const host = webOtpHost(config.webOtpDomain);
  const validity = `Valid for ${formatDuration(input.ttlSeconds)}.`;

  const build = (tier: SmsTier, serviceName: string): string => {
    const noun = tier.purposeNoun ? purposeNoun(input.purpose, 'sms') : 'code';
    const sentences = [`${input.code} is your ${withName(serviceName, noun)}.`, validity];
    if (tier.advice) sentences.push(sharingAdvice(input.purpose));
    sentences.push(tier.warning);
    const text = sentences.join(' ');
    // WebOTP (and iOS/Android autofill) read only the last line: `@host #code`.
    return host === undefined ? text : `${text}${tier.gap}@${host} #${input.code}`;
  };

  const room = (tier: SmsTier): number => SMS_MAX_SEPTETS - gsm7Length(build(tier, '')) - 1;

  function* candidates(): Generator<string> {
    for (const tier of SMS_TIERS.slice(0, 4)) yield build(tier, name);
    const plain = SMS_TIERS[3] as SmsTier;
    const cut = truncateToSeptets(name, room(plain));
    if (cut.length >= Math.min(MIN_USEFUL_CUT, name.length)) yield build(plain, cut);
    const short = SMS_TIERS[4] as SmsTier;
    yield build(short, name);
    yield build(short, truncateToSeptets(name, Math.max(0, room(short))));
    yield build(short, '');
  }

  const body = firstThatFits(candidates());
  if (body !== undefined) return { channel: 'sms', to: input.to, body };
  throw new RangeError(
    `SMS cannot fit one GSM-7 segment: code of ${input.code.length} characters with WebOTP domain of ${host?.length ?? 0}`,
  );
}

function emailSubject(purpose: string, name: string): string {
  switch (purpose) {
    case 'sign_in':
      return `Your ${withName(name, 'sign-in code')}`;
    case 'sensitive_action':
      return `Your ${withName(name, 'code to confirm this action')}`;
    case 'enroll':
      return name === '' ? 'Verify your email address' : `Verify your email address for ${name}`;
    case 'delivery':
      return `Your ${withName(name, 'delivery code')}`;
    default:
      return `Your ${withName(name, 'verification code')}`;
  }
}

function renderCodeEmail(input: CodeMessageInput, config: MessagingConfig): EmailMessage {
  const name = plainName(config.serviceName);
  const subject = emailSubject(input.purpose, name);
  const lead = `Your ${withName(name, purposeNoun(input.purpose, 'email'))} is:`;
  const validity = `This code is valid for ${formatDuration(input.ttlSeconds)}.`;
  const advice = input.purpose === 'delivery' ? sharingAdvice(input.purpose) : "Don't share it with anyone.";
  const link = safeLink(input.reportUrl);

  const text = [
    lead,
    '',
    input.code,
    '',
    `${validity} ${advice}`,
    EMAIL_WARNING,
    '',
    link === undefined
      ? "Didn't ask for this code? You can ignore this email: nobody can use it without access to your inbox."
      : `Didn't ask for this code? Report it: ${link}`,
  ].join('\n');

  const report =
    link === undefined
      ? p(
          'Didn&#39;t ask for this code? You can ignore this email: nobody can use it without access to your inbox.',
        )
      : p(`Didn&#39;t ask for this code? <a href="${escapeHtml(link)}">Report it</a>.`);
  const html = emailHtml(subject, [
    p(escapeHtml(lead)),
    // The code is what the reader came for: large, monospaced, easy to copy.
    `<p style="margin:0 0 16px;font-family:'Courier New',Courier,monospace;font-size:32px;font-weight:bold;letter-spacing:6px"><strong>${escapeHtml(input.code)}</strong></p>`,
    p(`${escapeHtml(validity)} ${escapeHtml(advice)}`),
    p(`<strong>${escapeHtml(EMAIL_WARNING)}</strong>`),
    report,
  ]);

  return { channel: 'email', to: input.to, subject, text, html };
}

function renderCodeVoice(input: CodeMessageInput, config: MessagingConfig): VoiceMessage {
  const name = plainName(config.serviceName);
  const digits = [...input.code];
  const intro = name === '' ? 'Hello.' : `Hello. This is ${name}.`;
  const lead = `Your ${purposeNoun(input.purpose, 'voice')} is:`;
  const validity = `This code is valid for ${formatDuration(input.ttlSeconds)}.`;
  const advice = sharingAdvice(input.purpose);
  const closing = [validity, advice, VOICE_WARNING, 'Goodbye.'].join(' ');

  // One say-as per character with a pause, so text-to-speech never reads
  // "123456" as a number and the listener has time to write each digit down.
  const spoken = digits
    .map((d) => `<say-as interpret-as="digits">${escapeXml(d)}</say-as><break time="400ms"/>`)
    .join('');
  const ssml =
    `<speak>${escapeXml(intro)} ${escapeXml(lead)} <break time="300ms"/>${spoken}` +
    `<break time="700ms"/>Again, your code is: <break time="300ms"/>${spoken}` +
    `<break time="700ms"/>${escapeXml(closing)}</speak>`;

  const listed = digits.join(', ');
  const text = `${intro} ${lead} ${listed}. Again, your code is: ${listed}. ${closing}`;
  return { channel: 'voice', to: input.to, ssml, text };
}

// ---------------------------------------------------------------------------
// Security notices

interface NoticeWording {
  readonly subject: string;
  /** The event, without the service name and without the trailing period. */
  readonly event: string;
  /** What to do if it was not the owner; dropped first from a tight SMS. */
  readonly advice: string;
}

const CONTACT_SUPPORT = "If this wasn't you, contact support right away.";

const NOTICES: Readonly<Record<NoticeKind, NoticeWording>> = {
  factor_added: {
    subject: 'A new way to receive codes was added',
    event: 'A new way to receive codes was added to your account',
    advice: CONTACT_SUPPORT,
  },
  factor_activated: {
    subject: 'A new way to receive codes is now active',
    event: 'A new way to receive codes is now active on your account',
    advice: CONTACT_SUPPORT,
  },
  factor_removed: {
    subject: 'A way to receive codes was removed',
    event: 'A way to receive codes was removed from your account',
    advice: CONTACT_SUPPORT,
  },
  locked: {
    subject: 'Your account is temporarily locked',
    event: 'Your account is locked for a while after too many wrong codes',
    advice: "If this wasn't you, someone may be trying to get in: contact support.",
  },
  hard_locked: {
    subject: 'Your account is locked',
    event: 'Your account is locked after too many wrong codes',
    advice: 'Contact support to unlock it.',
  },
  recovery_code_used: {
    subject: 'A recovery code was used',
    event: 'A recovery code was used to sign in to your account',
    advice: CONTACT_SUPPORT,
  },
  recovery_codes_regenerated: {
    subject: 'New recovery codes were created',
    event: 'New recovery codes were created for your account; the old ones no longer work',
    advice: CONTACT_SUPPORT,
  },
  unrequested_code_reported: {
    subject: 'You reported a code you did not ask for',
    event: 'You reported a code you did not ask for. We canceled it and signed out remembered devices',
    advice: 'If it happens again, contact support.',
  },
  contact_changed: {
    subject: 'Your contact details changed',
    event: 'The contact details of your account changed',
    advice: CONTACT_SUPPORT,
  },
};

/** Renders a security notice for the account owner. It never carries a code. */
export function renderNotice<C extends DeliveryChannel>(
  input: NoticeInput & { readonly channel: C },
  config: MessagingConfig,
): MessageFor<C>;
export function renderNotice(input: NoticeInput, config: MessagingConfig): OutboundMessage {
  const wording = NOTICES[input.kind];
  switch (input.channel) {
    case 'sms':
      return renderNoticeSms(input, wording, config);
    case 'email':
      return renderNoticeEmail(input, wording, config);
    case 'voice':
      return renderNoticeVoice(input, wording, config);
  }
}

function sentence(event: string, detail: string | undefined): string {
  return detail === undefined || detail === '' ? `${event}.` : `${event} (${detail}).`;
}

function renderNoticeSms(input: NoticeInput, wording: NoticeWording, config: MessagingConfig): SmsMessage {
  const name = smsServiceName(config);
  const detail = truncateToSeptets(toGsm7(input.detail ?? ''), SMS_MAX_SEPTETS);
  const build = (serviceName: string, d: string, advice: boolean, warning: boolean): string => {
    const parts = [`${serviceName === '' ? '' : `${serviceName}: `}${sentence(wording.event, d)}`];
    if (advice) parts.push(wording.advice);
    if (warning) parts.push(NOTICE_WARNING);
    return parts.join(' ');
  };

  // Shrinking order: the general warning, then the detail, then the service name;
  // the advice (often "contact support") goes last of all.
  function* candidates(): Generator<string> {
    yield build(name, detail, true, true);
    yield build(name, detail, true, false);
    const detailRoom = SMS_MAX_SEPTETS - gsm7Length(build(name, '', true, false)) - 3;
    if (detailRoom >= MIN_USEFUL_CUT) {
      yield build(name, truncateToSeptets(detail, detailRoom), true, false);
    }
    yield build(name, '', true, false);
    yield build(
      truncateToSeptets(name, SMS_MAX_SEPTETS - gsm7Length(build('', '', true, false)) - 2),
      '',
      true,
      false,
    );
    yield build('', '', false, false);
  }
  const body = firstThatFits(candidates());
  if (body !== undefined) return { channel: 'sms', to: input.to, body };
  // Every event sentence alone is far below one segment, so the last candidate fits.
  throw new RangeError(`notice ${input.kind} cannot fit one SMS segment`);
}

function renderNoticeEmail(
  input: NoticeInput,
  wording: NoticeWording,
  config: MessagingConfig,
): EmailMessage {
  const name = plainName(config.serviceName);
  const detail = input.detail === undefined ? undefined : plainName(input.detail);
  const subject = name === '' ? wording.subject : `${name}: ${wording.subject}`;
  const event = sentence(wording.event, detail);
  const origin = name === '' ? 'This is a security notice.' : `This is a security notice from ${name}.`;

  const text = [event, '', wording.advice, NOTICE_WARNING, '', origin].join('\n');
  const html = emailHtml(subject, [
    p(`<strong>${escapeHtml(event)}</strong>`),
    p(escapeHtml(wording.advice)),
    p(escapeHtml(NOTICE_WARNING)),
    `<p style="margin:0;color:#59636e;font-size:13px">${escapeHtml(origin)}</p>`,
  ]);
  return { channel: 'email', to: input.to, subject, text, html };
}

// The detail is left out of a call: text-to-speech reads a mask such as
// `+1*******0100` as a string of "asterisk"s, which helps nobody.
function renderNoticeVoice(
  input: NoticeInput,
  wording: NoticeWording,
  config: MessagingConfig,
): VoiceMessage {
  const name = plainName(config.serviceName);
  const intro =
    name === '' ? 'Hello. This is a security notice.' : `Hello. This is a security notice from ${name}.`;
  const text = [intro, sentence(wording.event, undefined), wording.advice, NOTICE_WARNING, 'Goodbye.'].join(
    ' ',
  );
  return { channel: 'voice', to: input.to, ssml: `<speak>${escapeXml(text)}</speak>`, text };
}

/** The HTML document around an email's paragraphs: one layout for codes and notices. */
function emailHtml(subject: string, paragraphs: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff">',
    '<div style="max-width:480px;margin:0 auto">',
    ...paragraphs,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
