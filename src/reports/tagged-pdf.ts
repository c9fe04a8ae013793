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
 *
 * Text in any of the plan languages (a woman's plan, reports/my-plan-pdf.ts) goes in `text`,
 * `items`, `image` and `steps` blocks: made of parts, each in its own language (tagged as a Span
 * with Lang when it differs from the block's), laid out here word by word with a font per script
 * (IBM Plex Sans; Noto Sans Arabic and Ethiopic from Debian's fonts-noto-core) and in the
 * document's direction, right to left with the words of a line in bidirectional order (pdf-bidi.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { forFontkit, visualOrder, wordType, type Direction, type WordType } from './pdf-bidi.ts';

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
  | { kind: 'figure'; svg: string; alt: string; width?: number; height?: number }
  /**
   * Running text made of parts (H1–H3 or P), in the document's direction. `icon`: a decorative
   * pictogram (path data on a 24 × 24 grid, an artifact) beside it, at the start of the line.
   */
  | { kind: 'text'; tag: 'H1' | 'H2' | 'H3' | 'P'; parts: PdfInline[]; icon?: readonly string[]; small?: boolean; muted?: boolean }
  /** A bulleted list whose items are made of parts. */
  | { kind: 'items'; items: PdfInline[][] }
  /** A PNG picture (a Figure with its text alternative), `size` points wide and high, with text beside it. */
  | { kind: 'image'; png: Buffer; alt: string; size: number; beside: PdfInline[] }
  /** Rows of a simple picture of steps (a Figure each: `of` steps rising, `step` of them filled) with text beside. */
  | { kind: 'steps'; rows: { step: number; of: number; alt: string; beside: PdfInline[] }[] };

/**
 * A piece of running text. `lang`: its language when it is not the block's (a Span with Lang);
 * `pencil`: a pencil pictogram before it (an artifact), e.g. to mark text a caseworker typed.
 */
export interface PdfInline {
  text: string;
  lang?: string;
  bold?: boolean;
  pencil?: boolean;
}

export interface PdfDocument {
  /** Document title (metadata and window title); usually also the first H1. */
  title: string;
  subject?: string;
  /** BCP 47 language of the content, default `da`. */
  lang?: string;
  author?: string;
  /** Running footer, e.g. the title; " · side N af M" is appended. Marked as an artifact. */
  footer?: string;
  /** The page number in the footer, instead of "side N af M". */
  pageLabel?: (page: number, pages: number) => string;
  /** Direction of the text blocks (`text`, `items`, `image`, `steps`), default left to right. */
  dir?: Direction;
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
  save(): PdfKitDoc;
  restore(): PdfKitDoc;
  translate(x: number, y: number): PdfKitDoc;
  scale(s: number): PdfKitDoc;
  path(d: string): PdfKitDoc;
  rect(x: number, y: number, w: number, h: number): PdfKitDoc;
  stroke(): PdfKitDoc;
  fill(c?: string): PdfKitDoc;
  lineWidth(w: number): PdfKitDoc;
  lineCap(c: string): PdfKitDoc;
  lineJoin(j: string): PdfKitDoc;
  strokeColor(c: string): PdfKitDoc;
  image(src: Buffer, x: number, y: number, o?: object): PdfKitDoc;
  /** pdfkit's current font: its fontkit font and ascender (per 1000 units). */
  _font: { ascender: number; font: { hasGlyphForCodePoint(c: number): boolean } };
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

/**
 * Fonts for running text, tried in this order for each character: IBM Plex Sans (Latin, Cyrillic),
 * then Debian's fonts-noto-core for Arabic script and Ethiopic (Tigrinya), then Noto Sans. A
 * font that is not installed is left out (its characters then show as missing glyphs).
 */
const NOTO = '/usr/share/fonts/truetype/noto';
const chain = (plex: string, weight: 'Regular' | 'Bold') =>
  [plex, ...['NotoSansArabic', 'NotoSansEthiopic', 'NotoSans'].map((f) => join(NOTO, `${f}-${weight}.ttf`)).filter((f) => existsSync(f))];
const CHAINS = { regular: chain(FONTS.regular, 'Regular'), bold: chain(FONTS.bold, 'Bold') };

const MARGIN = 48;
const TEXT = '#1a1a1a';
const MUTED = '#545454';
const SIZE = { 1: 18, 2: 13, 3: 11, body: 9.5, small: 8, table: 7.5, tableMin: 5.5, footer: 7 } as const;

// Long because it is one PDF writer: the page set-up, the structure tree and the helpers that lay out text and
// tables all close over the same document, cursor and structure element, and the switch over block kinds uses
// them all.
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
  /** A list (L) under the document, one LI per item, each drawn by `drawItem` and then closed. */
  const taggedList = <T>(items: readonly T[], drawItem: (li: StructElem, item: T) => void) => {
    const list = doc.struct('L');
    root.add(list);
    for (const item of items) {
      const li = doc.struct('LI');
      list.add(li);
      drawItem(li, item);
      li.end();
    }
    list.end();
  };
  const paragraph = (parent: StructElem, text: string, o: { size?: number; font?: string; color?: string; gap?: number } = {}) => {
    tagged(parent, 'P', () => {
      doc.font(o.font ?? FONTS.regular).fontSize(o.size ?? SIZE.body).fillColor(o.color ?? TEXT);
      doc.text(text, MARGIN, doc.y, { width });
    });
    doc.y += o.gap ?? 4;
  };
  const rtl = d.dir === 'rtl';
  const docLang = d.lang ?? 'da';
  /** Decorative drawing, outside the structure tree. */
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };
  /** Running text of parts as one structure element of `type` under `parent`, page by page; returns when drawn (doc.y below it). */
  const runText = (parent: StructElem, type: string, parts: PdfInline[], o: { x: number; width: number; size: number; bold?: boolean; color: string }) => {
    const kept = parts.filter((p) => p.text.trim());
    const lines = wrapWords(doc, kept, o.width, o.size, o.bold ?? false);
    // Right to left, the page holds each word's glyphs in visual order: the element also carries
    // its text in reading order (ActualText), which assistive technology reads instead.
    const opts = (p: PdfInline) => ({
      ...(p.lang && p.lang !== docLang ? { lang: p.lang } : {}),
      ...(rtl ? { actual: p.text.replace(/\s+/g, ' ').trim() } : {}),
    });
    const el = doc.struct(type, kept.length === 1 ? opts(kept[0]) : {});
    parent.add(el);
    const spans = kept.length > 1 ? kept.map((p) => { const s = doc.struct('Span', opts(p)); el.add(s); return s; }) : null;
    let i = 0;
    while (i < lines.length) {
      const placed: Placed[] = [];
      let y = doc.y;
      const start = i;
      while (i < lines.length) {
        const h = lineHeight(lines[i], o.size);
        if (y + h > doc.page.maxY()) {
          if (i > start) break;
          if (y > doc.page.margins.top + 1) { doc.addPage(); y = doc.y; }
        }
        placed.push(...placeLine(doc, lines[i], o.x, o.width, y, o.size, d.dir ?? 'ltr'));
        y += h;
        i++;
      }
      kept.forEach((_, p) => {
        const mine = placed.filter((s) => s.part === p && s.text !== null);
        if (!mine.length) return;
        (spans ? spans[p] : el).add(() => {
          for (const s of mine) {
            doc.font(s.font).fontSize(s.size).fillColor(o.color);
            doc.text(s.text!, s.x, s.baseline - (doc._font.ascender / 1000) * s.size, { lineBreak: false });
          }
        });
      });
      const pencils = placed.filter((s) => s.text === null);
      if (pencils.length) artifact(() => { for (const s of pencils) drawPictogram(doc, PENCIL, s.x, s.baseline - s.size * 0.9, s.size * 1.05, MUTED); });
      doc.x = MARGIN;
      doc.y = y;
      if (i < lines.length) doc.addPage();
    }
    spans?.forEach((s) => s.end());
    el.end();
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

  // Long for the same reason: one case per block kind, each drawing with the helpers above.
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
        taggedList(b.items, (li, item) => {
          tagged(li, 'Lbl', () => {
            doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(TEXT);
            doc.text('•', MARGIN + 4, doc.y, { width: 10, continued: false, lineBreak: false });
          });
          const y = doc.y;
          doc.y = y - doc.heightOfString('•');
          tagged(li, 'LBody', () => {
            doc.text(item, MARGIN + 16, doc.y, { width: width - 16 });
          });
        });
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
      case 'text': {
        const size = b.tag === 'P' ? (b.small ? SIZE.small : SIZE.body) : SIZE[Number(b.tag[1]) as 1 | 2 | 3];
        const heading = b.tag !== 'P';
        if (b.tag === 'H2') doc.y += 10;
        if (b.tag === 'H3') doc.y += 6;
        if (heading) keep(size * 2 + 8 + Math.min(startHeight(d.blocks[index + 1]), 120));
        const icon = b.icon ? Math.max(size * 1.6, 20) : 0;
        if (icon) keep(icon + 4);
        const top = doc.y;
        const x = rtl || !icon ? MARGIN : MARGIN + icon + 8;
        const w = width - (icon ? icon + 8 : 0);
        runText(root, b.tag, b.parts, { x, width: w, size, bold: heading, color: b.muted ? MUTED : TEXT });
        if (icon) {
          const ix = rtl ? MARGIN + width - icon : MARGIN;
          artifact(() => drawPictogram(doc, b.icon!, ix, top - 2, icon, TEXT));
          doc.y = Math.max(doc.y, top + icon);
        }
        doc.y += heading ? 4 : 3;
        break;
      }
      case 'items': {
        taggedList(b.items, (li, item) => {
          keep(SIZE.body * 2);
          const y = doc.y;
          tagged(li, 'Lbl', () => {
            doc.font(FONTS.regular).fontSize(SIZE.body).fillColor(TEXT);
            doc.text('•', rtl ? MARGIN + width - 10 : MARGIN + 4, y + 1, { width: 10, lineBreak: false });
          });
          doc.y = y;
          runText(li, 'LBody', item, { x: rtl ? MARGIN : MARGIN + 16, width: width - 16, size: SIZE.body, color: TEXT });
          doc.y += 3;
        });
        doc.y += 2;
        break;
      }
      case 'image': {
        keep(b.size + 8);
        const y = doc.y;
        const ix = rtl ? MARGIN + width - b.size : MARGIN;
        tagged(root, 'Figure', () => {
          doc.image(b.png, ix, y, { width: b.size, height: b.size });
        }, { alt: b.alt, bbox: [ix, y, ix + b.size, y + b.size] });
        doc.y = y + 4;
        runText(root, 'P', b.beside, { x: rtl ? MARGIN : MARGIN + b.size + 12, width: width - b.size - 12, size: SIZE.body, color: TEXT });
        doc.x = MARGIN;
        doc.y = Math.max(doc.y, y + b.size) + 6;
        break;
      }
      case 'steps': {
        const sw = 62;
        const sh = 40;
        for (const row of b.rows) {
          keep(sh + 6);
          const y = doc.y;
          const ix = rtl ? MARGIN + width - sw : MARGIN;
          tagged(root, 'Figure', () => drawSteps(doc, ix, y, sw, sh, row.step, row.of), { alt: row.alt, bbox: [ix, y, ix + sw, y + sh] });
          doc.y = y + 4;
          runText(root, 'P', row.beside, { x: rtl ? MARGIN : MARGIN + sw + 12, width: width - sw - 12, size: SIZE.body, color: TEXT });
          doc.x = MARGIN;
          doc.y = Math.max(doc.y, y + sh) + 6;
        }
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
    const label = `${d.footer ?? d.title} · ${d.pageLabel ? d.pageLabel(i + 1, range.count) : `side ${i + 1} af ${range.count}`}`;
    doc.text(label, MARGIN, doc.page.height - MARGIN + 8, { width, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** The pencil of pictograms (core/pictograms.ts), drawn before text a caseworker typed. */
const PENCIL = ['M4 20l1-5L16 4l4 4L9 19z', 'M14 6l4 4'];

/** A pictogram (stroked path data on a 24 × 24 grid) at (x, y), `size` points wide. */
function drawPictogram(doc: PdfKitDoc, paths: readonly string[], x: number, y: number, size: number, color: string) {
  doc.save().translate(x, y).scale(size / 24);
  doc.lineWidth(1.8).lineCap('round').lineJoin('round').strokeColor(color);
  for (const p of paths) doc.path(p).stroke();
  doc.restore();
}

/** `of` steps rising left to right in a w × h box, the first `step` filled, the rest outlined. */
function drawSteps(doc: PdfKitDoc, x: number, y: number, w: number, h: number, step: number, of: number) {
  const sw = w / of;
  for (let i = 1; i <= of; i++) {
    const sh = (h * i) / of;
    doc.save().rect(x + (i - 1) * sw + 1, y + h - sh, sw - 2, sh);
    if (i <= step) doc.fill('#2e7d32');
    else doc.lineWidth(0.8).strokeColor('#757575').stroke();
    doc.restore();
  }
}

/** The gap between two words, in ems (about a space of IBM Plex Sans). */
const SPACE = 0.26;

/** A run of characters drawn in one font. */
interface Segment { text: string; font: string; width: number }
/** A word of running text: its part, bidirectional type and segments; `pencil` when the pictogram goes before it. */
interface Word { part: number; type: WordType; segments: Segment[]; width: number; pencil: boolean; size: number; last?: boolean }
/** A segment placed on the page; `text` null for a pencil pictogram. */
interface Placed { part: number; text: string | null; font: string; size: number; x: number; baseline: number }

const isArabicFont = (f: string) => f.includes('Arabic');

/** A word cut into runs of one font each: a character stays in the font before it when that font has it, else the first of the chain that has it. */
function segmentsOf(doc: PdfKitDoc, word: string, bold: boolean, size: number): Segment[] {
  const fonts = bold ? CHAINS.bold : CHAINS.regular;
  const has = (f: string, c: string) => doc.font(f)._font.font.hasGlyphForCodePoint(c.codePointAt(0)!);
  const out: { text: string; font: string }[] = [];
  for (const c of word) {
    const last = out.at(-1);
    // Joiners and combining marks always stay with the character before them.
    if (last && (/[\p{M}\p{Cf}]/u.test(c) || has(last.font, c))) last.text += c;
    else out.push({ text: c, font: fonts.find((f) => has(f, c)) ?? fonts[0] });
  }
  // Merge neighbours that ended up in one font.
  const merged: { text: string; font: string }[] = [];
  for (const s of out) {
    const last = merged.at(-1);
    if (last && last.font === s.font) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ ...s, width: doc.font(s.font).fontSize(size).widthOfString(s.text) }));
}

/** Lines (each its words in logical order) of parts wrapped to `width`; a line break in a part's text is kept. */
function wrapWords(doc: PdfKitDoc, parts: PdfInline[], width: number, size: number, bold: boolean): Word[][] {
  const space = size * SPACE;
  const lines: Word[][] = [[]];
  let used = 0;
  const put = (w: Word) => {
    const line = lines[lines.length - 1];
    if (line.length && used + space + w.width > width) {
      lines.push([w]);
      used = w.width;
    } else {
      used += (line.length ? space : 0) + w.width;
      line.push(w);
    }
  };
  parts.forEach((p, part) => {
    const pencil = size * 1.25;
    let firstWord = true;
    p.text.split('\n').forEach((piece, n) => {
      if (n > 0) { lines.push([]); used = 0; }
      piece.split(/\s+/).filter(Boolean).forEach((text) => {
        const segments = segmentsOf(doc, text, bold || Boolean(p.bold), size);
        const type = wordType(text);
        const first = Boolean(p.pencil) && firstWord;
        firstWord = false;
        let total = segments.reduce((a, s) => a + s.width, 0) + (first ? pencil : 0);
        // A word longer than the line (e.g. a web address) is cut where it must be.
        if (total > width && segments.length === 1 && !first) {
          const s = segments[0];
          let cut = '';
          for (const c of s.text) {
            if (cut && doc.font(s.font).fontSize(size).widthOfString(cut + c) > width) {
              put({ part, type, segments: [{ text: cut, font: s.font, width: doc.widthOfString(cut) }], width: doc.widthOfString(cut), pencil: false, size });
              cut = '';
            }
            cut += c;
          }
          total = doc.font(s.font).fontSize(size).widthOfString(cut);
          put({ part, type, segments: [{ text: cut, font: s.font, width: total }], width: total, pencil: false, size });
          return;
        }
        put({ part, type, segments, width: total, pencil: first, size });
      });
    });
  });
  const out = lines.filter((l, i) => l.length || i < lines.length - 1);
  const lastLine = out.at(-1);
  if (lastLine?.length) lastLine[lastLine.length - 1].last = true;
  return out;
}

/** Height of one line: Arabic script needs room above and below. */
const lineHeight = (line: Word[], size: number) =>
  size * (line.some((w) => w.segments.some((s) => isArabicFont(s.font))) ? 1.75 : 1.35);

/** A line's segments in visual order, from the left (ltr) or flush right (rtl). */
function placeLine(doc: PdfKitDoc, line: Word[], x: number, width: number, top: number, size: number, dir: Direction): Placed[] {
  const space = size * SPACE;
  const total = line.reduce((a, w) => a + w.width, 0) + space * Math.max(0, line.length - 1);
  let cx = dir === 'rtl' ? x + width - total : x;
  const baseline = top + size * (lineHeight(line, size) > size * 1.5 ? 1.25 : 1.0);
  const out: Placed[] = [];
  for (const i of visualOrder(line.map((w) => w.type), dir)) {
    const w = line[i];
    const pencilW = w.pencil ? size * 1.25 : 0;
    // The pencil goes before the word in its own direction: left of a left-to-right word, right of a right-to-left one.
    if (w.pencil && w.type !== 'R') { out.push({ part: w.part, text: null, font: '', size: w.size, x: cx, baseline }); cx += pencilW; }
    const segs = w.type === 'R' ? [...w.segments].reverse() : w.segments;
    for (const s of segs) {
      // The word's space is drawn after its last character (invisible), so text extracted from the
      // structure has its spaces; fontkit puts it to the left of an Arabic run it turns around.
      const spaced = !w.last && s === w.segments.at(-1);
      const shift = spaced && w.type === 'R' && isArabicFont(s.font) ? doc.font(s.font).fontSize(w.size).widthOfString(' ') : 0;
      out.push({ part: w.part, text: forFontkit(s.text, w.type) + (spaced ? ' ' : ''), font: s.font, size: w.size, x: cx - shift, baseline });
      cx += s.width;
    }
    if (w.pencil && w.type === 'R') { out.push({ part: w.part, text: null, font: '', size: w.size, x: cx + 1, baseline }); cx += pencilW; }
    cx += space;
  }
  return out;
}

/**
 * Column widths from the text they hold: every column first gets its minimum (its longest
 * heading word, and its longest cell word — a date or number is one word), then the width left
 * is shared out by how much more each column would like (its longest cell on one line).
 * Text is measured once at the table size; widths at another size scale with it.
 */
function columnWidths(doc: PdfKitDoc, t: { columns: string[]; rows: PdfCell[][] }, width: number): { widths: number[]; size: number } {
  const n = Math.max(t.columns.length, ...t.rows.map((r) => r.length));
  const pad = 6;
  const sample = t.rows.slice(0, 300);
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const min: number[] = [];
  const want: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < n; i++) {
    doc.font(FONTS.bold).fontSize(SIZE.table);
    const head = t.columns[i] ?? '';
    const headWord = Math.max(0, ...words(head).map((w) => doc.widthOfString(w)));
    const headLine = doc.widthOfString(head);
    doc.font(FONTS.regular);
    const cells = sample.map((r) => r[i]?.text ?? '');
    const cellWord = Math.max(0, ...cells.flatMap((c) => words(c).map((w) => doc.widthOfString(w))));
    const cellLine = Math.max(0, ...cells.map((c) => doc.widthOfString(c)));
    min.push(Math.max(headWord, cellWord));
    want.push(Math.max(headLine, cellLine));
    data.push(cellWord);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // A wide table is set in a smaller type until no word (a month, a number, a heading word) has
  // to be broken inside, down to the smallest readable size.
  const fitting = (SIZE.table * (width - n * pad)) / Math.max(1, sum(min));
  const size = Math.max(SIZE.tableMin, Math.min(SIZE.table, Math.floor(fitting * 4) / 4));
  const k = size / SIZE.table;
  const minW = min.map((w) => w * k + pad);
  const minSum = sum(minW);
  if (minSum > width) {
    // Too narrow even so: a cell's words (a month, a number) stay whole, and the heading words
    // share what is left, broken if they must; only when even the cells cannot fit is all scaled.
    const dataW = data.map((w) => w * k + pad);
    const dataSum = sum(dataW);
    if (dataSum > width) return { widths: minW.map((w) => (w / minSum) * width), size };
    const short = minW.map((w, i) => w - dataW[i]);
    const shortSum = sum(short);
    return { widths: dataW.map((w, i) => w + (short[i] / shortSum) * (width - dataSum)), size };
  }
  const extra = want.map((w, i) => Math.max(0, w * k + pad - minW[i]));
  const extraSum = sum(extra);
  const left = width - minSum;
  if (extraSum <= left) {
    // Everything fits on one line: spread the rest evenly, so the table spans the page.
    return { widths: minW.map((w, i) => w + extra[i] + (left - extraSum) / n), size };
  }
  return { widths: minW.map((w, i) => w + (extra[i] / extraSum) * left), size };
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
  const { widths, size } = columnWidths(doc, t, width);
  // A column of numbers is right-aligned, its heading too.
  const numeric = t.columns.map((_, i) => t.rows.some((r) => r[i]?.numeric) && t.rows.every((r) => !r[i]?.text || r[i].numeric));
  const header = t.columns.length
    ? [t.columns.map((c, i) => ({ text: c, type: 'TH', scope: 'Column', font: { src: FONTS.bold, size }, align: { x: numeric[i] ? 'right' : 'left', y: 'bottom' } }))]
    : [];
  const body = t.rows.map((r) => r.map((c, i) => ({
    text: c.text,
    type: t.rowHeaders && i === 0 ? 'TH' : 'TD',
    ...(t.rowHeaders && i === 0 ? { scope: 'Row' } : {}),
    align: { x: c.numeric ? 'right' : 'left' },
  })));
  doc.font(FONTS.regular).fontSize(size).fillColor(TEXT);
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
