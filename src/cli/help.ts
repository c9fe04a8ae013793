/**
 * `fremdrift help`: the command list with one line each, from `commands.ts` alone (no command
 * module is loaded). Also the entry of the precompiled fast start (bin/fremdrift.js).
 */
import { COMMANDS } from './commands.ts';

export function helpText(): string {
  const lines = ['Brug: fremdrift <kommando> [tilvalg]', '', 'Kommandoer:'];
  for (const n of Object.keys(COMMANDS).sort()) lines.push(`  ${n.padEnd(14)} ${COMMANDS[n]}`);
  return lines.join('\n');
}

/** Print the list; exit code 0 when asked for (`help`, `--help`), 1 when no command was given. */
export async function run(args: string[], asked = true): Promise<number> {
  void args;
  console.log(helpText());
  return asked ? 0 : 1;
}
