/**
 * Destinations: phone numbers parsed and normalised to E.164 with libphonenumber-js,
 * email addresses checked and lower-cased in the domain part, and the masks that
 * responses and events show instead of the whole value. A mask is made once, with
 * the normalised value, and stored beside it.
 */
import type { MessagingConfig } from './messaging';
import { InvalidEmailError, InvalidPhoneNumberError } from './errors';
import {
  EXTENSION_REFUSAL,
  numberKind,
  numberKindRefusal,
  type NumberTypeName,
  type PhoneChannel,
} from './number-types';
import { phoneNumberParser } from './phone-numbers';

export interface Destination {
  /** E.164 number or normalised address: what messages are sent to. */
  readonly value: string;
  /** What responses and events show instead. */
  readonly masked: string;
}

/** Who a phone number is for, and what the operator allows beyond the Policy section's defaults. */
export interface PhoneRules {
  /** The channel that will reach the number: decides which kinds of number are taken. */
  readonly channel: PhoneChannel;
  /** ISO 3166 alpha-2 countries numbers may be in; empty = any. */
  readonly allowedCountries?: readonly string[];
  /** Kinds of number docs/api.md, Policy refuses that the operator allows (`ONETIME_ALLOWED_NUMBER_TYPES`). */
  readonly allowedNumberTypes?: readonly NumberTypeName[];
}

/** The operator's phone rules from the messaging settings, for one channel or another. */
export function phoneRules(messaging: MessagingConfig): Omit<PhoneRules, 'channel'> {
  return {
    allowedCountries: messaging.smsAllowedCountries ?? [],
    allowedNumberTypes: messaging.allowedNumberTypes ?? [],
  };
}

/**
 * Returns the E.164 form and its mask, or throws `invalid_phone_number` with a
 * detail that says why: not a number, a country the operator does not allow (the
 * defence against SMS pumping to costly destinations), an extension (messages
 * cannot reach one, and cutting it off would send the code to the switchboard), or
 * a kind of number the channel cannot reach or must not pay for
 * (lambdas/domain/number-types.ts).
 */
export async function normalisePhone(input: string, rules: PhoneRules): Promise<Destination> {
  const parse = await phoneNumberParser();
  const parsed = parse(input.trim(), { extract: false });
  if (!parsed || !parsed.isValid()) throw new InvalidPhoneNumberError();
  const allowedCountries = rules.allowedCountries ?? [];
  if (allowedCountries.length > 0 && !(parsed.country && allowedCountries.includes(parsed.country))) {
    throw new InvalidPhoneNumberError('Codes cannot be sent to phone numbers of this country.');
  }
  if (parsed.ext !== undefined) throw new InvalidPhoneNumberError(EXTENSION_REFUSAL);
  const kind = numberKind(parsed.getType(), parsed.countryCallingCode);
  const refusal = numberKindRefusal(kind, rules.channel, rules.allowedNumberTypes);
  if (refusal !== undefined) throw new InvalidPhoneNumberError(refusal);
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
  rules: Omit<PhoneRules, 'channel'> = {},
): Promise<Destination> {
  if (channel !== 'email') return normalisePhone(input, { ...rules, channel });
  const value = normaliseEmail(input);
  return { value, masked: maskEmail(value) };
}

/**
 * The form in which caps and cooldowns count a destination: E.164 for phones; for
 * email the whole address lower-cased, with a `+tag` in the local part left out, so
 * spelling one mailbox seven ways cannot multiply its caps. Messages still go to
 * the address as given.
 */
export function capForm(channel: 'sms' | 'voice' | 'email', destination: string): string {
  if (channel !== 'email') return destination;
  const lower = destination.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}
