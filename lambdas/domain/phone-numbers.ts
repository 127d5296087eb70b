/**
 * libphonenumber-js with its full metadata, imported on first use. Precise
 * validation and number types (premium rate is refused) need the `max` metadata,
 * 190 KiB that only adding a phone factor or a delivery to a phone reads; in Lambda
 * it comes from the stack's layer (lib/library-layer.ts), so no function parses it
 * at cold start and a container pays ~10 ms once, on its first phone number.
 */
import type { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { lazy } from '../load-once';

export type ParsePhoneNumber = typeof parsePhoneNumberFromString;

export const phoneNumberParser: () => Promise<ParsePhoneNumber> = lazy(async () => {
  const library = await import('libphonenumber-js/max');
  return library.parsePhoneNumberFromString;
});
