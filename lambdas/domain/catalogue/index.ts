/**
 * Every language onetime writes messages in, one catalogue file each (docs/api.md, Messages).
 * Adding a language is adding its file, a line in ./languages.ts and, if its country
 * should default to it, a row in lambdas/domain/locale.ts.
 *
 * The catalogues come from `@onetime/catalogue` (./languages.ts): in AWS the stack's
 * library layer, locally and in tests the source, through tsconfig `paths`.
 */
import { CATALOGUES } from '@onetime/catalogue';
import type { Catalogue } from './types';

export type { Catalogue, NoticeKind, NoticeWords, PurposeKey, PurposeWords } from './types';
export { NOTICE_KINDS, PURPOSE_KEYS } from './types';
export { CATALOGUES };

/** A language onetime has a catalogue for, by its BCP 47 tag. */
export type Language = keyof typeof CATALOGUES;

export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

export function catalogueOf(language: Language): Catalogue {
  return CATALOGUES[language];
}
