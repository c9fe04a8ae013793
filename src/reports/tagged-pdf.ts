/**
 * Tagged, accessible PDF (PDF/UA) from a small document model, with pdfkit 0.20: a structure
 * tree (Document → H1/H2/H3, P, L/LI, Table/TR/TH/TD, Figure with a text alternative), language,
 * title shown as the window title, embedded fonts (IBM Plex Sans from DKFDS), and page furniture
 * (running footer with page numbers) marked as artifacts so assistive technology skips it.
 *
 * Every PDF Fremdrift makes goes through `renderTaggedPdf`: reports (render-pdf.ts maps the
 * report model onto this one) and any other print (e.g. a woman's plan). Build a `PdfDocument`
 * of blocks in reading order; the renderer does layout and tagging. Charts come in as SVG (e.g.
 * from chart-svg.ts) with an `alt` text; keep their numbers in a table beside them.
 * Check a result with poppler: `pdfinfo doc.pdf` (Tagged: yes) and `pdfinfo -struct-text doc.pdf`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A table cell: text, right-aligned when numeric. */
export interface PdfCell {
  text: string;
  numeric?: boolean;
}

export type PdfBlock =
  /** A heading; level 1 is the document's title (use it once, first). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph; line breaks in `text` are kept. `small` for stamps and notes. */
  | { kind: 'paragraph'; text: string; small?: boolean; muted?: boolean }
  /** A bulleted list. */
  | { kind: 'list'; items: string[] }
  /**
   * A data table: `columns` are the column headings (TH, scope Column); with `rowHeaders` the
   * first cell of each row is its row heading (TH, scope Row). `caption` goes above, `note` below.
   */
  | { kind: 'table'; caption?: string; columns: string[]; rows: PdfCell[][]; rowHeaders?: boolean; note?: string }
  /** A key–value list (e.g. name: value) as a two-column table with row headings. */
  | { kind: 'facts'; caption?: string; items: [string, string][] }
  /** A figure drawn from SVG, with its text alternative (required). */
  | { kind: 'figure'; svg: string; alt: string; width?: number; height?: number };

export interface PdfDocument {
  /** Document title (metadata and window title); usually also the first H1. */
  title: string;
  subject?: string;
  /** BCP 47 language of the content, default `da`. */
  lang?: string;
  author?: string;
  /** Running footer, e.g. the title; " · side N af M" is appended. Marked as an artifact. */
  footer?: string;
  blocks: PdfBlock[];
}

// pdfkit and svg-to-pdfkit are CommonJS without types for pdfkit 0.20's structure and table API;
// this is the part of it used here.
interface StructElem {
  add(child: StructElem | (() => void)): StructElem;
  end(): void;
}
interface PdfKitDoc {
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number }; maxY(): number };
  x: number;
  y: number;
  on(ev: 'data', cb: (b: Buffer) => void): void;
  on(ev: 'end', cb: () => void): void;
  on(ev: 'error', cb: (e: Error) => void): void;
  end(): void;
  registerFont(name: string, path: string): PdfKitDoc;
  font(name: string): PdfKitDoc;
  fontSize(n: number): PdfKitDoc;
  fillColor(c: string): PdfKitDoc;
  text(t: string, x?: number | object, y?: number, o?: object): PdfKitDoc;
  heightOfString(t: string, o?: object): number;
  widthOfString(t: string, o?: object): number;
  moveDown(n?: number): PdfKitDoc;
  addPage(): PdfKitDoc;
  struct(type: string, options?: object, children?: unknown): StructElem;
  addStructure(s: StructElem): PdfKitDoc;
  markContent(tag: string, options?: object): PdfKitDoc;
  endMarkedContent(): PdfKitDoc;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): PdfKitDoc;
  table(opts: object): PdfKitDoc;
  list(items: string[], x?: number, y?: number, o?: object): PdfKitDoc;
}

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as new (o: object) => PdfKitDoc;
const SVGtoPDF = require('svg-to-pdfkit') as (doc: PdfKitDoc, svg: string, x: number, y: number, o: object) => void;

/** DKFDS's typeface, shipped with the design system package. */
const FONT_DIR = join(dirname(require.resolve('dkfds')), '..', '..', 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
const FONTS = { regular: join(FONT_DIR, 'IBMPlexSans-Regular.ttf'), bold: join(FONT_DIR, 'IBMPlexSans-SemiBold.ttf'), italic: join(FONT_DIR, 'IBMPlexSans-Italic.ttf') };

const MARGIN = 48;
const TEXT = '#1a1a1a';
const MUTED = '#545454';
const SIZE = { 1: 18, 2: 13, 3: 11, body: 9.5, small: 8, table: 7.5, footer: 7 } as const;

export function renderTaggedPdf(d: PdfDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: d.lang ?? 'da',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: d.title, Subject: d.subject ?? '', Author: d.author ?? 'Fremdrift', Creator: 'Fremdrift' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Fonts by path, never by registered name: pdfkit's table restores a cell's font by its source
  // path, and a name-keyed cache would then parse the font file again for every cell.
  doc.font(FONTS.regular).fillColor(TEXT);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 2 * MARGIN;
  /** A structure element of `type` under `parent`, whose content `draw` puts on the page. */
  const tagged = (parent: StructElem, type: string, draw: () => void, options: object = {}) => {
    const el = doc.struct(type, options);
    parent.add(el);
    el.add(draw);
    el.end();
    return el;
  };
  const paragraph = (parent: StructElem, text: string, o: { size?: number; font?: string; color?: string; gap?: number } = {}) => {
    tagged(parent, 'P', () => {
      doc.font(o.font ?? FONTS.regular).fontSize(o.size ?? SIZE.body).fillColor(o.color ?? TEXT);
      doc.text(text, MARGIN, doc.y, { width });
    });
    doc.y += o.gap ?? 4;
  };
  /** Start a new page when less than `h` points are left (keeps headings with what follows). */
  const keep = (h: number) => {
    if (doc.y + h > doc.page.maxY()) doc.addPage();
  };

  /** Roughly how much room the start of a block needs, so a heading is not left alone at a page's foot. */
  const startHeight = (b: PdfBlock | undefined): number => {
    if (!b) return 0;
    if (b.kind === 'figure') return (b.height ?? 300) * (Math.min(b.width ?? width, width) / (b.width ?? 720)) + 8;
    if (b.kind === 'table' || b.kind === 'facts') return 70;
    return 36;
  };

  d.blocks.forEach((b, index) => {
    switch (b.kind) {
      case 'heading': {
        const size = SIZE[b.level];
        if (b.level > 1) doc.y += b.level === 2 ? 10 : 6;
        keep(size * 2 + 8 + Math.min(startHeight(d.blocks[index + 1]), 320));
        tagged(root, `H${b.level}`, () => {
          doc.font(FONTS.bold).fontSize(size).fillColor(TEXT);
          doc.text(b.text, MARGIN, doc.y, { width });
        });
        doc.y += 4;
        break;
      }
      case 'paragraph':
        paragraph(root, b.text, b.small ? { size: SIZE.small, color: b.muted ? MUTED : TEXT } : { color: b.muted ? MUTED : TEXT });
        break;
      case 'list': {
        const list = doc.struct('L');
        root.add(list);
        for (const item of b.items) {
          const li = doc.struct('LI');
          list.add(li);
          tagged(li, 'Lbl', () => {
            doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(TEXT);
            doc.text('•', MARGIN + 4, doc.y, { width: 10, continued: false, lineBreak: false });
          });
          const y = doc.y;
          doc.y = y - doc.heightOfString('•');
          tagged(li, 'LBody', () => {
            doc.text(item, MARGIN + 16, doc.y, { width: width - 16 });
          });
          li.end();
        }
        list.end();
        doc.y += 4;
        break;
      }
      case 'facts':
        table(doc, root, {
          caption: b.caption,
          columns: [],
          rowHeaders: true,
          rows: b.items.map(([k, v]) => [{ text: k }, { text: v }]),
        }, width, paragraph);
        break;
      case 'table':
        table(doc, root, b, width, paragraph);
        break;
      case 'figure': {
        const w = Math.min(b.width ?? width, width);
        const h = (b.height ?? 300) * (w / (b.width ?? 720));
        keep(h + 8);
        const y = doc.y;
        tagged(root, 'Figure', () => {
          SVGtoPDF(doc, b.svg, MARGIN, y, {
            width: w, height: h, preserveAspectRatio: 'xMinYMin meet',
            // Every font in a PDF/UA file is embedded: the SVG's text uses the document's fonts.
            fontCallback: (_family: string, bold: boolean) => (bold ? FONTS.bold : FONTS.regular),
            imageCallback: () => undefined,
            documentCallback: () => undefined,
          });
        }, { alt: b.alt, bbox: [MARGIN, y, MARGIN + w, y + h] });
        doc.x = MARGIN;
        doc.y = y + h + 6;
        break;
      }
    }
  });
  root.end();

  // Running footer on every page, as a pagination artifact (not part of the structure tree).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONTS.regular).fontSize(SIZE.footer).fillColor(MUTED);
    const label = `${d.footer ?? d.title} · side ${i + 1} af ${range.count}`;
    doc.text(label, MARGIN, doc.page.height - MARGIN + 8, { width, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/**
 * Column widths from the text they hold: every column first gets its minimum (its longest
 * heading word, and its longest cell word — a date or number is one word), then the width left
 * is shared out by how much more each column would like (its longest cell on one line).
 */
function columnWidths(doc: PdfKitDoc, t: { columns: string[]; rows: PdfCell[][] }, width: number): number[] {
  const n = Math.max(t.columns.length, ...t.rows.map((r) => r.length));
  const pad = 6;
  const sample = t.rows.slice(0, 300);
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const min: number[] = [];
  const want: number[] = [];
  for (let i = 0; i < n; i++) {
    doc.font(FONTS.bold).fontSize(SIZE.table);
    const head = t.columns[i] ?? '';
    const headWord = Math.max(0, ...words(head).map((w) => doc.widthOfString(w)));
    const headLine = doc.widthOfString(head);
    doc.font(FONTS.regular);
    const cells = sample.map((r) => r[i]?.text ?? '');
    const cellWord = Math.max(0, ...cells.flatMap((c) => words(c).map((w) => doc.widthOfString(w))));
    const cellLine = Math.max(0, ...cells.map((c) => doc.widthOfString(c)));
    min.push(Math.max(headWord, cellWord) + pad);
    want.push(Math.max(headLine, cellLine) + pad);
  }
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= width) return min.map((w) => (w / minSum) * width);
  const extra = want.map((w, i) => Math.max(0, w - min[i]));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const left = width - minSum;
  if (extraSum <= left) {
    // Everything fits on one line: spread the rest evenly, so the table spans the page.
    return min.map((w, i) => w + extra[i] + (left - extraSum) / n);
  }
  return min.map((w, i) => w + (extra[i] / extraSum) * left);
}

function table(
  doc: PdfKitDoc,
  root: StructElem,
  t: { caption?: string; columns: string[]; rows: PdfCell[][]; rowHeaders?: boolean; note?: string },
  width: number,
  paragraph: (parent: StructElem, text: string, o?: { size?: number; font?: string; color?: string; gap?: number }) => void,
) {
  if (doc.y + 60 > doc.page.maxY()) doc.addPage();
  if (t.caption) paragraph(root, t.caption, { size: SIZE.small, font: FONTS.italic, gap: 2 });
  const widths = columnWidths(doc, t, width);
  // A column of numbers is right-aligned, its heading too.
  const numeric = t.columns.map((_, i) => t.rows.some((r) => r[i]?.numeric) && t.rows.every((r) => !r[i]?.text || r[i].numeric));
  const header = t.columns.length
    ? [t.columns.map((c, i) => ({ text: c, type: 'TH', scope: 'Column', font: { src: FONTS.bold }, align: { x: numeric[i] ? 'right' : 'left', y: 'bottom' } }))]
    : [];
  const body = t.rows.map((r) => r.map((c, i) => ({
    text: c.text,
    type: t.rowHeaders && i === 0 ? 'TH' : 'TD',
    ...(t.rowHeaders && i === 0 ? { scope: 'Row' } : {}),
    align: { x: c.numeric ? 'right' : 'left' },
  })));
  doc.font(FONTS.regular).fontSize(SIZE.table).fillColor(TEXT);
  doc.table({
    structParent: root,
    position: { x: MARGIN, y: doc.y },
    maxWidth: width,
    columnStyles: widths.map((w) => ({ width: w })),
    defaultStyle: { border: 0.5, borderColor: '#bfbfbf', padding: 2, textColor: TEXT },
    data: [...header, ...body],
  });
  doc.x = MARGIN;
  doc.y += 2;
  if (t.note) paragraph(root, t.note, { size: SIZE.small, color: MUTED, gap: 2 });
  doc.y += 4;
}
