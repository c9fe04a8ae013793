/**
 * The `fremdrift` commands and their one-line summaries. `help` prints this list without
 * loading any command module (the web server takes seconds to load); a command's module is
 * loaded only when it runs. A test checks that every file in commands/ is listed here.
 */
export const COMMANDS: Record<string, string> = {
  audit: 'Auditloggen: "audit verify" kontrollerer hashkæden (ændrede eller slettede poster)',
  backup: 'Tag en sikkerhedskopi af databasen (--out FIL); hemmeligheden kommer ikke med',
  'demo-data': 'Indlæs syntetiske demodata i en tom database (--seed N, --size N)',
  'demo-register':
    'Skriv syntetiske registerfiler til demo og benchmark (--size N --out MAPPE [--seed S] [--years 5] [--layout wide|long])',
  effect: 'Effekt mod en matchet sammenligningsgruppe (effekt-2026.1): json, csv eller xlsx',
  import: 'Indlæs registerfiler i databasen (--codes, --benefits …, --hours)',
  migrate: 'Kør databasemigreringer (PGlite i ./data eller DATABASE_URL)',
  monitor: 'Beregn resultatmål (kib-2019.1) fra registerfiler: json, csv eller xlsx',
  restore: 'Gendan en sikkerhedskopi (--in FIL) til en tom database eller mappe',
  retention: 'Anonymiser afsluttede sager efter opbevaringsperioden (RETENTION_YEARS_AFTER_EXIT, --dry-run)',
  serve: 'Start webserveren (--demo: indlæs demodata i en tom database)',
};
