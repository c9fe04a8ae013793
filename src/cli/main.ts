/**
 * `fremdrift` command dispatcher. Each command lives in `commands/<name>.ts` and exports
 * `run(args: string[]): Promise<number>` (the exit code); its one-line summary stands in
 * `commands.ts`, so that `help` loads no command module and a command loads only its own.
 */
import { COMMANDS } from './commands.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = Object.keys(COMMANDS).sort();
  if (!name || name === '--help' || name === 'help') {
    const lines = ['Brug: fremdrift <kommando> [tilvalg]', '', 'Kommandoer:'];
    for (const n of names) lines.push(`  ${n.padEnd(14)} ${COMMANDS[n]}`);
    console.log(lines.join('\n'));
    return name ? 0 : 1;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    console.error(`Ukendt kommando: ${name}. Skriv 'fremdrift help' for en liste.`);
    return 2;
  }
  const mod = (await import(`./commands/${name}.ts`)) as { run(args: string[]): Promise<number> };
  return await mod.run(rest);
}
