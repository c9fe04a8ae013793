// All SQL lives in src/db/ (README → Architecture): lists the source files under a `src/` folder,
// outside its db/, that contain an SQL statement, and fails when there is one. Run by `npm run
// lint`; test/layers.test.ts shows it finds a planted one. A statement is what grep would find:
// SELECT, INSERT INTO, UPDATE … SET or DELETE FROM in capitals (the house style for SQL).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SQL_STATEMENT = /\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b/;
const SOURCE = /\.(ts|js|mjs|cjs)$/;

/** Files (relative to `srcDir`, with /) outside `srcDir`/db/ that contain an SQL statement. */
export function sqlOutsideDb(srcDir) {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      const rel = relative(srcDir, path).split(sep).join('/');
      if (e.isDirectory()) {
        if (rel !== 'db') walk(path);
      } else if (SOURCE.test(e.name) && SQL_STATEMENT.test(readFileSync(path, 'utf8'))) found.push(rel);
    }
  };
  walk(srcDir);
  return found.sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'src';
  const found = sqlOutsideDb(dir);
  if (found.length) {
    console.error(`SQL outside ${dir}/db/ (move it into a repository in ${dir}/db/):\n${found.map((f) => `  ${dir}/${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`✔ no SQL outside ${dir}/db/`);
}
