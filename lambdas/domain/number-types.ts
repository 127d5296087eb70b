/**
 * Which phone numbers may receive what (docs/api.md, Policy): SMS only numbers that can
 * receive it (mobile, or fixed-line-or-mobile where the numbering plan cannot
 * tell), voice also fixed lines and toll-free numbers. Everything else is refused
 * with a reason the caller can show, unless the operator allows that kind of
 * number explicitly (`ONETIME_ALLOWED_NUMBER_TYPES`).
 *
 * The kind of a number comes from libphonenumber's type (with its `max` metadata)
 * and from its country calling code: the library calls Inmarsat (+870) and
 * Iridium (+881) numbers MOBILE, yet they bill like premium lines and are a
 * favourite of toll fraud, so their codes decide before the type does.
 */

/** The kinds an operator can allow beyond the defaults, by their configuration names. */
export const NUMBER_TYPE_NAMES = [
  'fixed_line',
  'toll_free',
  'premium_rate',
  'shared_cost',
  'voip',
  'personal_number',
  'pager',
  'uan',
  'voicemail',
  'unknown',
  'satellite',
  'international_network',
] as const;
export type NumberTypeName = (typeof NUMBER_TYPE_NAMES)[number];

/** A number's kind: one of the allowable names, or one that every phone channel takes. */
export type NumberKind = 'mobile' | 'fixed_line_or_mobile' | NumberTypeName;

export type PhoneChannel = 'sms' | 'voice';

/** What libphonenumber-js's `getType()` answers (undefined when it cannot tell). */
export type LibraryNumberType =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'PREMIUM_RATE'
  | 'TOLL_FREE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL';

/** Non-geographic country calling codes that are satellite or international networks. */
const NETWORK_CODES: Readonly<Record<string, NumberTypeName>> = {
  '870': 'satellite', // Inmarsat
  '881': 'satellite', // Global Mobile Satellite System (Iridium, Globalstar, ...)
  '882': 'international_network',
  '883': 'international_network',
};

export function isNumberTypeName(value: string): value is NumberTypeName {
  return (NUMBER_TYPE_NAMES as readonly string[]).includes(value);
}

export function numberKind(type: LibraryNumberType | undefined, countryCallingCode: string): NumberKind {
  const network = NETWORK_CODES[countryCallingCode];
  if (network) return network;
  if (type === undefined) return 'unknown';
  return type.toLowerCase() as Lowercase<LibraryNumberType>;
}

/** What each channel takes without the operator's say-so. */
const ACCEPTED: Readonly<Record<PhoneChannel, readonly NumberKind[]>> = {
  sms: ['mobile', 'fixed_line_or_mobile'],
  voice: ['mobile', 'fixed_line_or_mobile', 'fixed_line', 'toll_free'],
};

/** Why a kind is refused, in words a caller can pass on to the person entering the number. */
const REASON: Readonly<Record<NumberTypeName, (channel: PhoneChannel) => string>> = {
  fixed_line: () => 'This is a landline number, which cannot receive SMS; use voice instead.',
  toll_free: () => 'This is a toll-free number, which cannot receive SMS; use voice instead.',
  premium_rate: () => 'This is a premium-rate number; codes are never sent to premium-rate numbers.',
  shared_cost: () => 'This is a shared-cost number; codes are never sent to shared-cost numbers.',
  voip: (c) => `This is a VoIP number, which cannot reliably receive ${what(c)}; use a mobile number.`,
  personal_number: (c) =>
    `This is a personal forwarding number, which cannot reliably receive ${what(c)}; use the number it forwards to.`,
  pager: (c) => `This is a pager number, which cannot receive ${what(c)}.`,
  uan: (c) =>
    `This is a universal access (company) number, which cannot receive ${what(c)}; use a personal number.`,
  voicemail: (c) => `This is a voicemail access number, which cannot receive ${what(c)}.`,
  unknown: (c) => `The type of this number cannot be told, so it is not trusted to receive ${what(c)}.`,
  satellite: () => 'This is a satellite phone number (+870, +881); codes are not sent to satellite networks.',
  international_network: () =>
    'This number is on an international network (+882, +883); codes are not sent to such networks.',
};

const what = (channel: PhoneChannel) => (channel === 'sms' ? 'SMS' : 'calls with codes');

export const EXTENSION_REFUSAL =
  'This number has an extension, which SMS and automated calls cannot reach; give a number without one.';

/**
 * Undefined when `channel` may send to a number of this kind; otherwise the
 * detail of the `invalid_phone_number` answer.
 */
export function numberKindRefusal(
  kind: NumberKind,
  channel: PhoneChannel,
  allowed: readonly NumberTypeName[] = [],
): string | undefined {
  if (ACCEPTED[channel].includes(kind)) return undefined;
  // Both channels take these (above); the test narrows `kind` to the refusable names.
  if (kind === 'mobile' || kind === 'fixed_line_or_mobile') return undefined;
  if (allowed.includes(kind)) return undefined;
  return REASON[kind](channel);
}
