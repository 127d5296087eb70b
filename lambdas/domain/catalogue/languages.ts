/**
 * Every language onetime writes messages in, one catalogue file each, gathered in
 * one object. Functions do not bundle this module: it is the `@onetime/catalogue`
 * module of the stack's library layer (lib/library-layer.ts), ~200 KiB deployed once
 * instead of in every bundle. Here, tsconfig `paths` (and jest's moduleNameMapper)
 * resolve that name to this file, so the local server and the tests load the source.
 * Import it through `./index.ts`, never by path: a path import would be bundled.
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
