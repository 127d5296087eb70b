/**
 * Every language onetime writes messages in, one catalogue file each (docs/api.md, Messages).
 * Adding a language is adding its file here and, if its country should default to
 * it, a row in lambdas/domain/locale.ts.
 */
import { ar } from './ar';
import { bn } from './bn';
import { cs } from './cs';
import { da } from './da';
import { de } from './de';
import { el } from './el';
import { en } from './en';
import { es } from './es';
import { fi } from './fi';
import { fr } from './fr';
import { he } from './he';
import { hi } from './hi';
import { hu } from './hu';
import { id } from './id';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { ms } from './ms';
import { nb } from './nb';
import { nl } from './nl';
import { pl } from './pl';
import { ptBR } from './pt-BR';
import { ro } from './ro';
import { ru } from './ru';
import { sk } from './sk';
import { sv } from './sv';
import { th } from './th';
import { tr } from './tr';
import { uk } from './uk';
import { vi } from './vi';
import { zhCN } from './zh-CN';
import type { Catalogue } from './types';

export type { Catalogue, NoticeKind, NoticeWords, PurposeKey, PurposeWords } from './types';
export { NOTICE_KINDS, PURPOSE_KEYS } from './types';

export const CATALOGUES = {
  en,
  de,
  fr,
  es,
  it,
  'pt-BR': ptBR,
  nl,
  sv,
  da,
  nb,
  fi,
  pl,
  cs,
  sk,
  hu,
  ro,
  el,
  tr,
  ru,
  uk,
  ar,
  he,
  hi,
  bn,
  th,
  vi,
  id,
  ms,
  ja,
  ko,
  'zh-CN': zhCN,
} as const satisfies Record<string, Catalogue>;

/** A language onetime has a catalogue for, by its BCP 47 tag. */
export type Language = keyof typeof CATALOGUES;

export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

export function catalogueOf(language: Language): Catalogue {
  return CATALOGUES[language];
}
