/**
 * `fremdrift` command dispatcher. Each command lives in `commands/<name>.ts` and exports
 * `run(args: string[]): Promise<number>` (the exit code); its one-line summary stands in
 * `commands.ts`, so that `help` loads no command module and a command loads only its own.
 */
import { COMMANDS } from './commands.ts';
import { run as help } from './help.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') return help(rest, !!name);
  if (!Object.hasOwn(COMMANDS, name)) {
    console.error(`Ukendt kommando: ${name}. Skriv 'fremdrift help' for en liste.`);
    return 2;
  }
  const mod = (await import(`./commands/${name}.ts`)) as { run(args: string[]): Promise<number> };
  return await mod.run(rest);
}
