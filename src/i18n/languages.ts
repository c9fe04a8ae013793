/**
 * The languages a woman can have her plan in. Structural facts only (script direction, the
 * locale Intl formats dates, numbers and plurals with); the texts and who checked them live in
 * one ICU MessageFormat file per language in `messages/`.
 */
import { COUNTRIES } from '../domain/countries.ts';

export const LANGUAGE_CODES = ['da', 'en', 'ar', 'so', 'ti', 'prs', 'fa', 'ckb', 'kmr', 'tr', 'ur', 'uk'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export interface Language {
  code: LanguageCode;
  /** Danish name, for staff pages. */
  nameDa: string;
  /** The language's own name, shown in the language picker (with lang set to `code`). */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /**
   * BCP 47 locale for Intl (plurals, dates, numbers). Always the Gregorian calendar: the plan's
   * dates are the jobcentre's dates. Dari has no ICU data of its own, so it formats as Afghan
   * Persian; Kurmanji as Kurdish (`ku`, which is Kurmanji in CLDR).
   */
  intlLocale: string;
}

const L = (code: LanguageCode, nameDa: string, nativeName: string, dir: 'ltr' | 'rtl', intlLocale: string): Language => ({
  code,
  nameDa,
  nativeName,
  dir,
  intlLocale: `${intlLocale}-u-ca-gregory`,
});

export const LANGUAGES: readonly Language[] = [
  L('da', 'Dansk', 'Dansk', 'ltr', 'da'),
  L('en', 'Engelsk', 'English', 'ltr', 'en'),
  L('ar', 'Arabisk', 'العربية', 'rtl', 'ar'),
  L('so', 'Somali', 'Soomaali', 'ltr', 'so'),
  L('ti', 'Tigrinya', 'ትግርኛ', 'ltr', 'ti'),
  L('prs', 'Dari', 'دری', 'rtl', 'fa-AF'),
  L('fa', 'Farsi', 'فارسی', 'rtl', 'fa'),
  L('ckb', 'Kurdisk (sorani)', 'کوردیی ناوەندی', 'rtl', 'ckb'),
  L('kmr', 'Kurdisk (kurmanji)', 'Kurmancî', 'ltr', 'ku'),
  L('tr', 'Tyrkisk', 'Türkçe', 'ltr', 'tr'),
  L('ur', 'Urdu', 'اردو', 'rtl', 'ur'),
  L('uk', 'Ukrainsk', 'Українська', 'ltr', 'uk'),
];

export const isLanguageCode = (s: unknown): s is LanguageCode => typeof s === 'string' && (LANGUAGE_CODES as readonly string[]).includes(s);

export function language(code: LanguageCode): Language {
  return LANGUAGES.find((l) => l.code === code)!;
}

/**
 * A first suggestion for her plan language from her country of origin (ISO 3166 alpha-2); the
 * caseworker chooses. Danish when nothing fits.
 */
const BY_COUNTRY: Record<string, LanguageCode> = {
  SY: 'ar',
  IQ: 'ar',
  LB: 'ar',
  PS: 'ar',
  JO: 'ar',
  EG: 'ar',
  MA: 'ar',
  SD: 'ar',
  YE: 'ar',
  LY: 'ar',
  TN: 'ar',
  DZ: 'ar',
  KW: 'ar',
  SA: 'ar',
  SO: 'so',
  ER: 'ti',
  ET: 'ti',
  AF: 'prs',
  IR: 'fa',
  TR: 'tr',
  PK: 'ur',
  UA: 'uk',
  GB: 'en',
  US: 'en',
  NG: 'en',
  GH: 'en',
  KE: 'en',
  UG: 'en',
  PH: 'en',
  IN: 'en',
  LK: 'en',
};

export function suggestLanguage(countryOfOrigin: string | null | undefined): LanguageCode {
  if (!countryOfOrigin) return 'da';
  // Stored as the Danish name (e.g. "Syrien") or as the code.
  const code = COUNTRIES.find((c) => c.name === countryOfOrigin)?.code ?? countryOfOrigin.toUpperCase();
  return BY_COUNTRY[code] ?? 'da';
}
