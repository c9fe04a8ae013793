/**
 * Regenerates src/register/kodetabel.default.csv from DREAM's public status list
 * (src/register/dream-statuskoder.csv, a copy of ../shared/reference/dream-statuskoder.csv)
 * by the rules of spec §1.4. Run: `npm run kodetabel`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { codeTableCsv, deriveCodeTable, readDreamStatusList } from '../src/register/dream-rules.ts';

const list = new URL('../src/register/dream-statuskoder.csv', import.meta.url);
const out = new URL('../src/register/kodetabel.default.csv', import.meta.url);
const rows = readDreamStatusList(readFileSync(list), 'dream-statuskoder.csv');
writeFileSync(out, codeTableCsv(deriveCodeTable(rows)));
console.log(`kodetabel.default.csv: ${rows.length} koder`);
