/**
 * Report → tagged PDF: the report model mapped onto the tagged-PDF document model
 * (tagged-pdf.ts), so the PDF has the same headings, tables (with header cells) and charts (as
 * figures with their description, each followed by its data table) as the HTML page.
 */
import { renderChartSvg } from './chart-svg.ts';
import { cellText, isNumeric, stamp } from './format.ts';
import { chartHasData, EMPTY_CHART_TEXT, type Report, type Table } from './model.ts';
import { renderTaggedPdf, type PdfBlock, type PdfDocument } from './tagged-pdf.ts';
import { reasonLines } from './suppression-reasons.ts';

function tableBlock(t: Table): PdfBlock {
  const rows = t.rows.length
    ? t.rows.map((row) => row.map((c) => ({ text: cellText(c), numeric: isNumeric(c) })))
    : [[{ text: 'Ingen data endnu.' }, ...t.columns.slice(1).map(() => ({ text: '' }))]];
  const why = reasonLines(t);
  const note = [t.note, ...(why.length ? ['Skjulte tal:', ...why] : [])].filter(Boolean).join('\n');
  return { kind: 'table', caption: t.caption, columns: t.columns, rows, rowHeaders: t.rows.length > 0, note: note || undefined };
}

export function reportDocument(r: Report): PdfDocument {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: r.title },
    { kind: 'paragraph', text: r.subtitle },
    { kind: 'paragraph', text: stamp(r.vintage), small: true, muted: true },
  ];
  if (r.suppressed) {
    blocks.push({ kind: 'paragraph', small: true, muted: true, text: `Diskretionering: tal fra 1 til ${r.threshold - 1} vises som «<${r.threshold}», og tal, der ville afsløre dem, som «x».` });
  }
  for (const s of r.sections) {
    blocks.push({ kind: 'heading', level: 2, text: s.heading });
    for (const p of s.paragraphs ?? []) blocks.push({ kind: 'paragraph', text: p });
    if (s.freeText !== undefined) {
      const paras = s.freeText.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean); // as on the page
      if (!paras.length) blocks.push({ kind: 'paragraph', text: 'Afsnittet er ikke skrevet endnu.', muted: true });
      for (const p of paras) blocks.push({ kind: 'paragraph', text: p });
    }
    const tables = new Map((s.tables ?? []).map((t) => [t.id, t]));
    const done = new Set<string>();
    for (const c of s.charts ?? []) {
      if (chartHasData(c)) blocks.push({ kind: 'figure', svg: renderChartSvg(c, { width: 720, height: 300 }), alt: `${c.title}. ${c.description}`, width: 720, height: 300 });
      else blocks.push({ kind: 'paragraph', text: EMPTY_CHART_TEXT(c), muted: true });
      const t = tables.get(c.tableId);
      if (t && !done.has(t.id)) { blocks.push(tableBlock(t)); done.add(t.id); }
    }
    for (const t of s.tables ?? []) if (!done.has(t.id)) blocks.push(tableBlock(t));
  }
  return { title: r.title, subject: r.subtitle, lang: 'da', footer: r.title, blocks };
}

export const renderPdf = (r: Report): Promise<Buffer> => renderTaggedPdf(reportDocument(r));
