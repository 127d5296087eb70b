/**
 * Destinations: phone numbers parsed and normalised to E.164 with libphonenumber-js,
 * email addresses checked and lower-cased in the domain part, and the masks that
 * responses and events show instead of the whole value.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { InvalidEmailError, InvalidPhoneNumberError } from './errors';

/**
 * Returns the E.164 form, or throws `invalid_phone_number`. With `allowedCountries`
 * (ISO 3166 alpha-2; empty = any), numbers of other countries are refused: the
 * operator's defence against SMS pumping to costly destinations.
 */
export function normalisePhone(input: string, allowedCountries: readonly string[] = []): string {
  const parsed = parsePhoneNumberFromString(input.trim(), { extract: false });
  if (!parsed || !parsed.isValid()) throw new InvalidPhoneNumberError();
  if (allowedCountries.length > 0 && !(parsed.country && allowedCountries.includes(parsed.country))) {
    throw new InvalidPhoneNumberError('Codes cannot be sent to phone numbers of this country.');
  }
  const type = parsed.getType();
  // Fixed lines, toll-free and premium numbers cannot receive SMS; voice handles fixed lines.
  if (type === 'PREMIUM_RATE' || type === 'SHARED_COST') throw new InvalidPhoneNumberError();
  return parsed.number;
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
 * `+14155550100` → `+1*******0100` (SPEC §2): the country code and the last four
 * digits stay; a fixed run of seven stars hides the rest, and its length too.
 */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const cc = parsed ? `+${parsed.countryCallingCode}` : e164.slice(0, 2);
  return `${cc}*******${e164.slice(-4)}`;
}

/** `jane@example.com` → `j***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export function maskDestination(channel: 'sms' | 'voice' | 'email', destination: string): string {
  return channel === 'email' ? maskEmail(destination) : maskPhone(destination);
}

export function normaliseDestination(
  channel: 'sms' | 'voice' | 'email',
  input: string,
  allowedCountries: readonly string[] = [],
): string {
  return channel === 'email' ? normaliseEmail(input) : normalisePhone(input, allowedCountries);
}
