import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  catalogFile,
  checkCatalog,
  checkMessage,
  MESSAGE_KEYS,
  messageArguments,
  translator,
  type CatalogFile,
} from './catalog.ts';
import { LANGUAGES, language } from './languages.ts';

describe('translation files', () => {
  it.each(LANGUAGES.map((l) => l.code))('%s has every key, parses, uses the source arguments and every plural category', (code) => {
    expect(checkCatalog(code)).toEqual([]);
    expect(Object.keys(catalogFile(code).messages).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it('a missing key, an unknown key, a changed argument or a missing plural category fails the check', () => {
    const ar = catalogFile('ar');
    const broken: CatalogFile = { _meta: ar._meta, messages: { ...ar.messages, 'x.extra': 'x' } };
    delete broken.messages['page.title'];
    broken.messages['conversation.due'] = 'قبل {dato, date, long}';
    broken.messages['goals.count'] = '{count, plural, one {واحد} other {#}}';
    const problems = checkCatalog('ar', broken);
    expect(problems).toContain('ar: mangler page.title');
    expect(problems).toContain('ar: ukendt nøgle x.extra');
    expect(problems.some((p) => p.startsWith('ar: conversation.due: Teksten skal bruge præcis disse felter') && p.includes('date'))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith('ar: goals.count: Flertalsformen') && p.includes('few') && p.includes('many'))).toBe(true);
  });

  it('a text that is not MessageFormat is refused with a Danish reason', () => {
    expect(checkMessage('da', 'goals.count', '{count, plural, one {x}')[0]).toMatch(/ICU MessageFormat/);
    expect(checkMessage('da', 'page.title', 'Min {plan}')[0]).toMatch(/ingen|må ikke/);
  });

  it('every file records who checked it; the drafts are unchecked, Danish is the source', () => {
    for (const l of LANGUAGES) {
      const meta = catalogFile(l.code)._meta;
      expect(meta).toHaveProperty('checkedBy');
      expect(translator(l.code).checked).toBe(l.code === 'da' || Boolean(meta.checkedBy));
    }
    expect(translator('ar').checked).toBe(false);
  });
});

describe('formatting', () => {
  it('plural forms follow each language: Danish one/other, Arabic six forms, Ukrainian one/few/many', () => {
    const da = translator('da');
    expect(da.t('goals.count', { count: 0 })).toBe('Du har ingen delmål endnu.');
    expect(da.t('goals.count', { count: 1 })).toBe('Du har ét delmål.');
    expect(da.t('goals.count', { count: 4 })).toBe('Du har 4 delmål.');
    expect(da.t('activities.hours', { hours: 1 })).toBe('1 time om ugen');
    expect(da.t('activities.hours', { hours: 12.5 })).toBe('12,5 timer om ugen');
    const ar = translator('ar');
    const forms = [1, 2, 3, 11, 100].map((n) => ar.t('goals.count', { count: n }));
    expect(new Set(forms).size).toBe(5);
    expect(forms[2]).toContain('أهداف');
    const uk = translator('uk');
    expect(uk.t('activities.hours', { hours: 1 })).toBe('1 година на тиждень');
    expect(uk.t('activities.hours', { hours: 3 })).toBe('3 години на тиждень');
    expect(uk.t('activities.hours', { hours: 5 })).toBe('5 годин на тиждень');
  });

  it('every plural message formats for many counts in every language, with the number in the local digits', () => {
    for (const l of LANGUAGES) {
      const tr = translator(l.code);
      for (const key of MESSAGE_KEYS) {
        const { plurals } = messageArguments(catalogFile(l.code).messages[key], l);
        for (const p of plurals) {
          for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 1001]) {
            const out = tr.t(key, { [p.arg]: n });
            expect(out, `${l.code} ${key} ${n}`).not.toMatch(/[{}#]/);
            if (n >= 11) {
              const digits = new Intl.NumberFormat(l.intlLocale).format(n);
              expect(out, `${l.code} ${key} ${n}`).toContain(digits);
            }
          }
        }
      }
    }
  });

  it("dates use each language's month names on the Gregorian calendar, never shifted by time zone", () => {
    const d = calendarDate('2026-12-03');
    expect(translator('da').t('goals.due', { date: d })).toBe('Senest 3. december 2026');
    expect(translator('en').t('goals.due', { date: d })).toBe('By December 3, 2026');
    expect(translator('tr').t('goals.due', { date: d })).toContain('Aralık 2026');
    // Farsi and Dari: Gregorian, not the Solar Hijri calendar (which would say 1405).
    for (const code of ['fa', 'prs'] as const) {
      const out = translator(code).t('goals.due', { date: d });
      expect(out).toContain(new Intl.NumberFormat(language(code).intlLocale, { useGrouping: false }).format(2026));
    }
  });

  it("a municipality's correction replaces one text and nothing else", () => {
    const t = translator('so', { 'page.title': 'Qorshahaaga shaqo' });
    expect(t.t('page.title')).toBe('Qorshahaaga shaqo');
    expect(t.overridden.has('page.title')).toBe(true);
    expect(t.t('page.language')).toBe(catalogFile('so').messages['page.language']);
  });
});
