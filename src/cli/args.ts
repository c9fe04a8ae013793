/** Minimal `--name value` / `--flag` parsing for the CLI; repeated options collect into arrays. */
export function parseArgs(args: string[]): { opts: Record<string, string[]>; flags: Set<string>; rest: string[] } {
  const opts: Record<string, string[]> = {};
  const flags = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      (opts[a.slice(2, eq)] ??= []).push(a.slice(eq + 1));
    } else if (i + 1 < args.length && !args[i + 1].startsWith('--')) {
      (opts[a.slice(2)] ??= []).push(args[++i]);
    } else {
      flags.add(a.slice(2));
    }
  }
  return { opts, flags, rest };
}
