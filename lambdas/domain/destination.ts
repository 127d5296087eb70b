/**
 * Destinations: phone numbers parsed and normalised to E.164 with libphonenumber-js,
 * email addresses checked and lower-cased in the domain part, and the masks that
 * responses and events show instead of the whole value. A mask is made once, with
 * the normalised value, and stored beside it.
 */
import { InvalidEmailError, InvalidPhoneNumberError } from './errors';
import { phoneNumberParser } from './phone-numbers';

export interface Destination {
  /** E.164 number or normalised address: what messages are sent to. */
  readonly value: string;
  /** What responses and events show instead. */
  readonly masked: string;
}

/**
 * Returns the E.164 form and its mask, or throws `invalid_phone_number`. With
 * `allowedCountries` (ISO 3166 alpha-2; empty = any), numbers of other countries are
 * refused: the operator's defence against SMS pumping to costly destinations.
 */
export async function normalisePhone(
  input: string,
  allowedCountries: readonly string[] = [],
): Promise<Destination> {
  const parse = await phoneNumberParser();
  const parsed = parse(input.trim(), { extract: false });
  if (!parsed || !parsed.isValid()) throw new InvalidPhoneNumberError();
  if (allowedCountries.length > 0 && !(parsed.country && allowedCountries.includes(parsed.country))) {
    throw new InvalidPhoneNumberError('Codes cannot be sent to phone numbers of this country.');
  }
  const type = parsed.getType();
  // Fixed lines, toll-free and premium numbers cannot receive SMS; voice handles fixed lines.
  if (type === 'PREMIUM_RATE' || type === 'SHARED_COST') throw new InvalidPhoneNumberError();
  return { value: parsed.number, masked: maskPhone(parsed.number, parsed.countryCallingCode) };
}

// Deliberately simpler than RFC 5322: what mail providers actually accept.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function normaliseEmail(input: string): string {
  const trimmed = input.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) throw new InvalidEmailError();
  const at = trimmed.lastIndexOf('@');
  const local = trimmed.slice(0, at);
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    throw new InvalidEmailError();
  }
  return `${local}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/**
 * `+14155550100`, `1` → `+1*******0100` (docs/api.md, "Conventions"): the country code and the last four
 * digits stay; a fixed run of seven stars hides the rest, and its length too.
 */
export function maskPhone(e164: string, countryCallingCode: string): string {
  return `+${countryCallingCode}*******${e164.slice(-4)}`;
}

/** `jane@example.com` → `j***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export async function normaliseDestination(
  channel: 'sms' | 'voice' | 'email',
  input: string,
  allowedCountries: readonly string[] = [],
): Promise<Destination> {
  if (channel !== 'email') return normalisePhone(input, allowedCountries);
  const value = normaliseEmail(input);
  return { value, masked: maskEmail(value) };
}
