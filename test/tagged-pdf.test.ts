/**
 * Report PDFs are tagged (issue 11, finding 12): PDF/UA-style structure tree with the title as
 * H1, section headings as H2, tables with header cells, charts as figures with a text
 * alternative, language da and the title shown as the window title.
 */
import { describe, expect, it } from 'vitest';
import { count, share, text, type Report } from '../src/reports/model.ts';
import { renderPdf } from '../src/reports/render-pdf.ts';
import { altTexts, popplerAvailable, readPdf } from './helpers/pdf.ts';

const report: Report = {
  kind: 'udvalg',
  title: 'Orientering til udvalget: Fremdrift Aalborg',
  subtitle: 'Projektperiode 2024-01 til 2026-12',
  vintage: {
    definition: 'kib-2019.1',
    registerImportedAt: null,
    lastWeek: '2026-W40',
    lastMonth: '2026-09',
    periodFrom: '2024-01',
    periodTo: '2026-09',
    caseDataAt: '2026-11-01T10:00:00Z',
  },
  suppressed: true,
  threshold: 5,
  sections: [
    {
      heading: 'Resultater',
      paragraphs: ['Andelen i job eller uddannelse steg i perioden.'],
      charts: [
        {
          id: 'c1',
          title: 'Akkumuleret resultat',
          description: 'Linjen stiger fra 10 til 40 procent over perioden.',
          categories: ['2026-07', '2026-08', '2026-09'],
          series: [{ name: 'Mål 1', type: 'line', data: [10, 25, 40] }],
          percent: true,
          tableId: 't1',
        },
      ],
      tables: [
        {
          id: 't1',
          caption: 'Resultatmål pr. måned',
          source: 'engine',
          columns: ['Måned', 'Antal', 'Andel'],
          rows: [
            [text('2026-07'), count(12), share(12, 120)],
            [text('2026-08'), count('<5'), share(null, 120)],
          ],
        },
      ],
    },
    { heading: 'Sagsfremstilling', freeText: 'Projektet følger planen.\n\nDer er ansat to nye medarbejdere.' },
  ],
};

describe.runIf(popplerAvailable())('tagged report PDF', () => {
  it('is tagged, titled and Danish, with headings, a table with header cells and a described figure', async () => {
    const bytes = await renderPdf(report);
    const pdf = readPdf(bytes);
    expect(pdf.tagged).toBe(true);
    expect(pdf.info.Title).toBe(report.title);
    const s = pdf.structure;
    expect(s).toMatch(/H1[^\n]*\n\s+"Orientering til udvalget: Fremdrift Aalborg"/);
    expect(s).toMatch(/H2[^\n]*\n\s+"Resultater"/);
    expect(s).toMatch(/H2[^\n]*\n\s+"Sagsfremstilling"/);
    expect(s).toMatch(/Table/);
    expect(s).toMatch(/TH[^\n]*\n\s+"Antal"/);
    expect(s).toMatch(/TH[^\n]*\n\s+"2026-07"/); // the row's heading cell
    expect(s).toMatch(/TD[^\n]*\n\s+"12"/);
    expect(s).toMatch(/Figure/);
    expect(altTexts(bytes)).toEqual(['Akkumuleret resultat. Linjen stiger fra 10 til 40 procent over perioden.']);
    expect(s).toMatch(/P[^\n]*\n\s+"Der er ansat to nye medarbejdere\."/);
  });
});
