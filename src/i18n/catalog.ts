/**
 * The citizen-facing texts: one ICU MessageFormat file per language (`messages/<code>.json`),
 * formatted with intl-messageformat, so plurals, dates and numbers follow each language's
 * Intl rules. Danish is the source; every other file must have exactly its keys and use the
 * same arguments. A municipality's corrections (stored in the database) are laid over a file
 * without a code change; they are checked here the same way before they are stored.
 */
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { language, LANGUAGES, type Language, type LanguageCode } from './languages.ts';

type SourceFile = typeof import('./messages/da.json');
/** Every text key (the keys of the Danish source file). */
export type MessageKey = keyof SourceFile['messages'];

export interface CatalogMeta {
  language: string;
  /** `source` for Danish, `translation` for the others. */
  role: 'source' | 'translation';
  /** Who checked the file (person or firm); null while nobody has. */
  checkedBy: string | null;
  checkedOn: string | null;
  note?: string;
  translatedBy?: string;
  writtenBy?: string;
}

export interface CatalogFile {
  _meta: CatalogMeta;
  messages: Record<string, string>;
}

export function readCatalogFile(code: LanguageCode): CatalogFile {
  return JSON.parse(readFileSync(new URL(`./messages/${code}.json`, import.meta.url), 'utf8')) as CatalogFile;
}

const FILES = new Map<LanguageCode, CatalogFile>(LANGUAGES.map((l) => [l.code, readCatalogFile(l.code)]));
export const catalogFile = (code: LanguageCode) => FILES.get(code)!;

export const MESSAGE_KEYS = Object.keys(catalogFile('da').messages) as MessageKey[];
export const isMessageKey = (s: unknown): s is MessageKey => typeof s === 'string' && (MESSAGE_KEYS as string[]).includes(s);

/** Dates are calendar dates (YYYY-MM-DD): formatted at noon UTC in UTC, so no zone shifts the day. */
const FORMATS = {
  date: {
    long: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
    short: { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' },
  },
} as const;

export const calendarDate = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`);

function compile(text: string, lang: Language): IntlMessageFormat {
  return new IntlMessageFormat(text, lang.intlLocale, FORMATS, { ignoreTag: true });
}

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
}

/** The argument names a message uses, and for each plural/select argument its option keys. */
export function messageArguments(text: string, lang: Language = language('da')) {
  const args = new Set<string>();
  const plurals: { arg: string; options: string[] }[] = [];
  const walk = (nodes: AstNode[]) => {
    for (const n of nodes) {
      // 0 literal, 7 pound: no argument of their own.
      if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') args.add(n.value);
      if (n.options) {
        if (n.type === 6) plurals.push({ arg: String(n.value), options: Object.keys(n.options) });
        for (const o of Object.values(n.options)) walk(o.value);
      }
    }
  };
  walk(compile(text, lang).getAst() as unknown as AstNode[]);
  return { args: [...args].sort(), plurals };
}

/** Sample values for formatting a message in a check: numbers for plurals, a date for dates. */
function sampleValues(args: string[]): Record<string, unknown> {
  const dateArgs = new Set(['date', 'start', 'end']);
  return Object.fromEntries(args.map((a) => [a, dateArgs.has(a) ? calendarDate('2026-03-09') : a === 'name' ? 'Amina' : 3]));
}

/**
 * One message against the Danish source message of the same key: it must parse, use exactly the
 * source's arguments, give every plural the categories the language has (CLDR), and format.
 * Returns Danish problem texts (empty when all is well).
 */
export function checkMessage(code: LanguageCode, key: MessageKey, text: string): string[] {
  const lang = language(code);
  const problems: string[] = [];
  let mine;
  try {
    mine = messageArguments(text, lang);
  } catch (e) {
    return [`Teksten kan ikke læses som ICU MessageFormat (${(e as Error).message}).`];
  }
  const source = messageArguments(catalogFile('da').messages[key]);
  const want = source.args.join(', ');
  if (mine.args.join(', ') !== want) {
    problems.push(
      want
        ? `Teksten skal bruge præcis disse felter i krøllede parenteser: ${want}.`
        : 'Teksten må ikke have felter i krøllede parenteser.',
    );
  }
  const categories = new Intl.PluralRules(lang.intlLocale).resolvedOptions().pluralCategories;
  for (const p of mine.plurals) {
    const missing = categories.filter((c) => !p.options.includes(c));
    if (missing.length) problems.push(`Flertalsformen for "${p.arg}" mangler: ${missing.join(', ')}.`);
  }
  if (!problems.length) {
    try {
      compile(text, lang).format(sampleValues(mine.args));
    } catch (e) {
      problems.push(`Teksten kan ikke formateres (${(e as Error).message}).`);
    }
  }
  return problems;
}

/** Every problem of one language file: missing, extra and broken keys, and a missing check record. */
export function checkCatalog(code: LanguageCode, file: CatalogFile = catalogFile(code)): string[] {
  const problems: string[] = [];
  const meta = file._meta;
  if (!meta || meta.language !== code) problems.push(`${code}: _meta.language skal være "${code}"`);
  if (!meta || !('checkedBy' in meta)) problems.push(`${code}: _meta.checkedBy mangler (null, når ingen har tjekket filen)`);
  for (const key of MESSAGE_KEYS) {
    const text = file.messages?.[key];
    if (typeof text !== 'string' || !text.trim()) {
      problems.push(`${code}: mangler ${key}`);
      continue;
    }
    for (const p of checkMessage(code, key, text)) problems.push(`${code}: ${key}: ${p}`);
  }
  for (const key of Object.keys(file.messages ?? {})) if (!isMessageKey(key)) problems.push(`${code}: ukendt nøgle ${key}`);
  return problems;
}

export interface Translator {
  lang: Language;
  /** True when the file records who checked it (Danish, the source, always counts as checked). */
  checked: boolean;
  /** The file's text with the municipality's correction laid over it. */
  text(key: MessageKey): string;
  t(key: MessageKey, values?: Record<string, unknown>): string;
  /** Keys the municipality has corrected. */
  overridden: ReadonlySet<MessageKey>;
}

/** Compiled message formats by language and text: a memo of pure data. */
const compiled = new Map<string, IntlMessageFormat>();

/** Texts in one language, with a municipality's corrections (key → text) laid over the file. */
export function translator(code: LanguageCode, overrides: Partial<Record<MessageKey, string>> = {}): Translator {
  const lang = language(code);
  const file = catalogFile(code);
  const text = (key: MessageKey) => overrides[key] ?? file.messages[key];
  return {
    lang,
    checked: file._meta.role === 'source' || Boolean(file._meta.checkedBy),
    overridden: new Set(Object.keys(overrides) as MessageKey[]),
    text,
    t(key, values = {}) {
      const s = text(key);
      const id = `${code}\u0000${s}`;
      let f = compiled.get(id);
      if (!f) compiled.set(id, (f = compile(s, lang)));
      return String(f.format(values));
    },
  };
}
