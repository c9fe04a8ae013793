export function bundleFor(root: string, name: string | undefined): { key: 'help' | 'monitor'; file: string } | null;
