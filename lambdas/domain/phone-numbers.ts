/**
 * libphonenumber-js with its full metadata, imported on first use. Precise
 * validation and number types (lambdas/domain/number-types.ts) need the `max` metadata,
 * 190 KiB that only adding a phone factor or a delivery to a phone reads; in Lambda
 * it comes from the stack's layer (lib/library-layer.ts), so no function parses it
 * at cold start and a container pays ~20 ms once, on its first phone number.
 * Should the library not load, the request answers 503 `unavailable` before it has
 * written anything, and the next one tries again.
 */
import type { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { lazy } from '../load-once';
import { UnavailableError } from './refusal-errors';

export type ParsePhoneNumber = typeof parsePhoneNumberFromString;

export const phoneNumberParser: () => Promise<ParsePhoneNumber> = lazy(async () => {
  try {
    const library = await import('libphonenumber-js/max');
    return library.parsePhoneNumberFromString;
  } catch (error) {
    throw new UnavailableError({ cause: error });
  }
});

/** The ISO 3166 alpha-2 country of an E.164 number, when the numbering plan tells. */
export async function phoneCountry(e164: string): Promise<string | undefined> {
  const parse = await phoneNumberParser();
  return parse(e164)?.country;
}
