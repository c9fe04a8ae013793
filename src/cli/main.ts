/**
 * `fremdrift` command dispatcher. Each command lives in `commands/<name>.ts` and exports
 * `run(args: string[]): Promise<number>` (the exit code) and a one-line `summary`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function commandNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = commandNames();
  if (!name || name === '--help' || name === 'help') {
    const lines = ['Brug: fremdrift <kommando> [tilvalg]', '', 'Kommandoer:'];
    for (const n of names) {
      const mod = await import(join(dir, `${n}.ts`));
      lines.push(`  ${n.padEnd(14)} ${mod.summary ?? ''}`);
    }
    console.log(lines.join('\n'));
    return name ? 0 : 1;
  }
  if (!names.includes(name)) {
    console.error(`Ukendt kommando: ${name}. Skriv 'fremdrift help' for en liste.`);
    return 2;
  }
  const mod = await import(join(dir, `${name}.ts`));
  return await mod.run(rest);
}
