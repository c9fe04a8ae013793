/**
 * PDF renderer with pdfmake (pure JavaScript, so it works on a server without Chromium). The
 * PDF is not tagged; the accessible version of every report is its HTML page, linked from the
 * same place. Charts are the same SVG as on the page; each is followed by its data table.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderChartSvg } from './chart-svg.ts';
import { cellText, isNumeric, stamp } from './format.ts';
import type { Report, Table } from './model.ts';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: unknown): { getBuffer(): Promise<Buffer> };
};
const fonts = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(fonts, 'Roboto-Regular.ttf'), bold: join(fonts, 'Roboto-Medium.ttf'),
    italics: join(fonts, 'Roboto-Italic.ttf'), bolditalics: join(fonts, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts));

function tableNode(t: Table) {
  const body = [
    t.columns.map((c) => ({ text: c, bold: true, fontSize: 7 })),
    ...(t.rows.length ? t.rows : [[{ kind: 'text' as const, value: 'Ingen data endnu.' }, ...t.columns.slice(1).map(() => ({ kind: 'text' as const, value: '' }))]])
      .map((row) => row.map((c) => ({ text: cellText(c), fontSize: 7, alignment: isNumeric(c) ? 'right' : 'left' }))),
  ];
  return [
    { text: t.caption, italics: true, fontSize: 8, margin: [0, 6, 0, 2] },
    { table: { headerRows: 1, widths: t.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body }, layout: 'lightHorizontalLines' },
    ...(t.note ? [{ text: t.note, fontSize: 7, color: '#545454', margin: [0, 2, 0, 0] }] : []),
  ];
}

export async function renderPdf(r: Report): Promise<Buffer> {
  const content: unknown[] = [
    { text: r.title, fontSize: 18, bold: true },
    { text: r.subtitle, fontSize: 10, margin: [0, 4, 0, 4] },
    { text: stamp(r.vintage), fontSize: 8, color: '#545454' },
  ];
  if (r.suppressed) content.push({ text: `Diskretionering: tal fra 1 til ${r.threshold - 1} vises som «<${r.threshold}», og tal, der ville afsløre dem, som «x».`, fontSize: 8, color: '#545454' });
  for (const s of r.sections) {
    content.push({ text: s.heading, fontSize: 13, bold: true, margin: [0, 14, 0, 4] });
    for (const p of s.paragraphs ?? []) content.push({ text: p, fontSize: 9, margin: [0, 0, 0, 4] });
    if (s.freeText !== undefined) content.push({ text: s.freeText || 'Afsnittet er ikke skrevet endnu.', fontSize: 9, margin: [0, 0, 0, 4] });
    const tables = new Map((s.tables ?? []).map((t) => [t.id, t]));
    const done = new Set<string>();
    for (const c of s.charts ?? []) {
      content.push({ svg: renderChartSvg(c, { width: 720, height: 300 }), width: 500, margin: [0, 4, 0, 2] });
      const t = tables.get(c.tableId);
      if (t && !done.has(t.id)) { content.push(...tableNode(t)); done.add(t.id); }
    }
    for (const t of s.tables ?? []) if (!done.has(t.id)) content.push(...tableNode(t));
  }
  const doc = pdfmake.createPdf({
    info: { title: r.title, subject: r.subtitle, creator: 'Fremdrift' },
    pageSize: 'A4', pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content,
    footer: (page: number, pages: number) => ({ text: `${r.title} · side ${page} af ${pages}`, fontSize: 7, alignment: 'center', color: '#545454' }),
  });
  return doc.getBuffer();
}
