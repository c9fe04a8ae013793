/**
 * Reads a PDF back with poppler's `pdfinfo`: whether it is tagged, its title and language, and
 * its structure tree as text (`pdfinfo -struct-text`). Outside CI the PDF structure tests are left
 * out (with the reason printed) when poppler is missing; in CI it is required.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function popplerAvailable(): boolean {
  if (spawnSync('pdfinfo', ['-v']).status === 0) return true;
  if (process.env.CI) throw new Error('poppler-utils (pdfinfo) is required in CI');
  console.warn('[pdf] pdfinfo not found: PDF structure tests not run (apt-get install -y poppler-utils).');
  return false;
}

export interface PdfFacts {
  info: Record<string, string>;
  tagged: boolean;
  /** `pdfinfo -struct-text` without attribute lines: one line per element, its text indented below. */
  structure: string;
}

export function readPdf(pdf: Buffer | Uint8Array): PdfFacts {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const run = (args: string[]) => {
      const r = spawnSync('pdfinfo', [...args, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`pdfinfo ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const info = Object.fromEntries(
      run([])
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    return {
      info,
      tagged: info.Tagged === 'yes',
      structure: info.Tagged === 'yes' ? run(['-struct-text']).replace(/^\s+\/.*\n/gm, '') : '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PDF string bytes (between the parentheses, latin1) → text: escapes undone, UTF-16BE with BOM decoded. */
function pdfString(raw: string): string {
  const bytes = raw.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) =>
    /^[0-7]/.test(e)
      ? String.fromCharCode(parseInt(e, 8))
      : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
  );
  if (bytes.startsWith('\u00fe\u00ff')) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return out;
  }
  return bytes;
}

/** The text alternatives (`/Alt`) of the structure elements of one type, e.g. every Figure's. */
export function altTexts(pdf: Buffer | Uint8Array, type = 'Figure'): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const re = new RegExp(`/S /${type}\\s*/Alt \\(((?:\\\\.|[^\\\\)])*)\\)`, 'g');
  return [...raw.matchAll(re)].map((m) => pdfString(m[1]));
}

/** Every `/ActualText` of the structure elements (text in reading order, e.g. of right-to-left text). */
export function actualTexts(pdf: Buffer | Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\/ActualText \(((?:\\.|[^\\)])*)\)/g)].map((m) => pdfString(m[1]));
}

/** The images of a PDF as poppler's `pdfimages -list` lists them (one entry per image drawn). */
export function pdfImages(pdf: Buffer | Uint8Array): { page: number; width: number; height: number; type: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdfimages -list: ${r.stderr}`);
    return r.stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const f = l.trim().split(/\s+/);
        return { page: Number(f[0]), type: f[2], width: Number(f[3]), height: Number(f[4]) };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Words of a PDF with their boxes (poppler's `pdftotext -bbox`), to check where text sits on the page. */
export function pdfWords(pdf: Buffer | Uint8Array): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const r = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], {
    input: Buffer.from(pdf),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`pdftotext -bbox: ${r.stderr}`);
  return [...r.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4].replace(/&amp;/g, '&'),
  }));
}

/** The text of every page, in reading order (poppler's `pdftotext`, one call per page). */
export function pdfPages(pdf: Buffer | Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
    return Array.from({ length: pages }, (_, i) => {
      const r = spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
      return r.stdout;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
