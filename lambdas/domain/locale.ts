/**
 * Which language a message is written in (docs/api.md, Messages): the request's `locale` when one
 * of the catalogue's languages matches it, else the main language of the destination
 * phone's country, else the configured default.
 *
 * Matching is by language, with a few rules a careful reader expects: a region or
 * script the catalogue lacks falls back to the language (`pt-PT` → `pt-BR`,
 * `zh-Hans-CN` → `zh-CN`, `nb-NO` → `nb`), Norwegian `no` and Nynorsk `nn` read
 * Bokmål, legacy tags are canonicalised (`iw` → `he`, `in` → `id`), and Chinese in
 * Traditional script (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) does not match the
 * Simplified catalogue: it falls through to the next rule instead.
 */
import { CATALOGUES, type Language } from './catalogue';
import { phoneCountry } from './phone-numbers';

/** Languages read as another: Norwegian and Nynorsk as Bokmål, Malay macrolanguage forms as Malay. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb', zsm: 'ms' };

const BY_LANGUAGE: ReadonlyMap<string, Language> = new Map(
  (Object.keys(CATALOGUES) as Language[]).map((tag) => [tag.split('-')[0] as string, tag]),
);

/** The catalogue language that best matches a BCP 47 tag, or undefined when none does. */
export function matchLanguage(tag: string | undefined): Language | undefined {
  if (tag === undefined || tag.trim() === '') return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim().replace(/_/g, '-'));
  } catch {
    return undefined;
  }
  const language = LANGUAGE_ALIASES[locale.language] ?? locale.language;
  if (language === 'zh' && locale.maximize().script === 'Hant') return undefined;
  return BY_LANGUAGE.get(language);
}

/**
 * The main language of each country whose language the catalogue has (ISO 3166
 * alpha-2). Where a country has several, the one most of its people read; a country
 * missing here gets the configured default.
 */
const COUNTRY_LANGUAGE: Readonly<Record<string, Language>> = {
  ...countries('en', 'US GB IE AU NZ CA ZA NG KE GH UG ZM ZW SG PH JM TT BS BB BZ GY MT BW NA MW SL LR GM'),
  ...countries('de', 'DE AT CH LI'),
  ...countries('fr', 'FR LU MC SN CI CM ML BF NE TG BJ GA CG CD GN MG HT RE GP MQ GF YT PF NC BI DJ KM'),
  ...countries('es', 'ES MX AR CO CL PE VE EC GT CU BO DO HN PY SV NI CR PA UY PR GQ'),
  ...countries('it', 'IT SM VA'),
  ...countries('pt-BR', 'BR PT AO MZ CV GW ST TL'),
  ...countries('nl', 'NL BE SR AW CW SX'),
  ...countries('sv', 'SE AX'),
  ...countries('da', 'DK GL FO'),
  ...countries('nb', 'NO SJ'),
  ...countries('fi', 'FI'),
  ...countries('pl', 'PL'),
  ...countries('cs', 'CZ'),
  ...countries('sk', 'SK'),
  ...countries('hu', 'HU'),
  ...countries('ro', 'RO MD'),
  ...countries('el', 'GR CY'),
  ...countries('tr', 'TR'),
  ...countries('ru', 'RU BY KZ KG'),
  ...countries('uk', 'UA'),
  ...countries('ar', 'SA AE EG MA DZ TN LY SD IQ JO KW QA BH OM YE LB SY PS MR'),
  ...countries('he', 'IL'),
  ...countries('hi', 'IN'),
  ...countries('bn', 'BD'),
  ...countries('th', 'TH'),
  ...countries('vi', 'VN'),
  ...countries('id', 'ID'),
  ...countries('ms', 'MY BN'),
  ...countries('ja', 'JP'),
  ...countries('ko', 'KR'),
  ...countries('zh-CN', 'CN'),
};

function countries(language: Language, list: string): Record<string, Language> {
  return Object.fromEntries(list.split(/\s+/).map((c) => [c, language]));
}

/** The main language of a country (ISO 3166 alpha-2), when the catalogue has it. */
export function languageOfCountry(country: string | undefined): Language | undefined {
  return country === undefined ? undefined : COUNTRY_LANGUAGE[country.toUpperCase()];
}

export type LocaleSource = 'request' | 'country' | 'default';

export interface ChosenLocale {
  readonly locale: Language;
  /** Which rule chose it: only a locale the caller asked for is kept as the user's own. */
  readonly source: LocaleSource;
}

export interface LocaleRequest {
  /** The request's `locale`, or the user's last one. */
  readonly requested?: string;
  /** The destination; only a phone number (E.164) says anything about a language. */
  readonly destination?: string;
  /** ONETIME_DEFAULT_LOCALE, already matched to a catalogue language. */
  readonly defaultLocale: Language;
}

/** Chooses the language of a message by the three rules of docs/api.md, Messages. */
export async function chooseLocale(request: LocaleRequest): Promise<ChosenLocale> {
  const asked = matchLanguage(request.requested);
  if (asked !== undefined) return { locale: asked, source: 'request' };
  const country = await countryOf(request.destination);
  const spoken = languageOfCountry(country);
  if (spoken !== undefined) return { locale: spoken, source: 'country' };
  return { locale: request.defaultLocale, source: 'default' };
}

async function countryOf(destination: string | undefined): Promise<string | undefined> {
  if (destination === undefined || !destination.startsWith('+')) return undefined;
  try {
    return await phoneCountry(destination);
  } catch {
    // Without the phone library the language rule is skipped, not the message.
    return undefined;
  }
}

/**
 * Languages a voice call can be spoken in: those with an Amazon Polly voice that End
 * User Messaging `SendVoiceMessage` accepts (the voice adapter maps each to its
 * voice). A call in any other language is spoken in English by an English voice:
 * an English voice reading Thai or Greek script would be worse than no call.
 */
export const SPOKEN_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt-BR',
  'nl',
  'sv',
  'da',
  'nb',
  'pl',
  'ro',
  'tr',
  'ru',
  'ar',
  'ja',
  'ko',
  'zh-CN',
] as const satisfies readonly Language[];
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** The language a call in `locale` is spoken in. */
export function spokenLanguage(locale: Language): SpokenLanguage {
  return (SPOKEN_LANGUAGES as readonly Language[]).includes(locale) ? (locale as SpokenLanguage) : 'en';
}
