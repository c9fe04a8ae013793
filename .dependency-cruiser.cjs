/**
 * The layer rule (README → Architecture): arrows point only down
 *   cli → http → web/reports → app → db/demo → domain → register/monitoring/effect/security → core/reference
 * Each layer lists what it may import; everything else under src/ is a wrong-way arrow and fails
 * `npm run lint`. Paths are matched anywhere (`(^|/)src/…`) so a planted fixture under test/
 * is judged like the real tree (test/layers.test.ts).
 */
const LAYERS = [
  'core',
  'reference',
  'monitoring',
  'register',
  'effect',
  'security',
  'domain',
  'demo',
  'db',
  'app',
  'reports',
  'web',
  'http',
  'cli',
];
const ENGINES = ['core', 'reference', 'monitoring', 'register', 'effect'];
const MAY_IMPORT = {
  core: ['core'],
  reference: ['core', 'reference'],
  // The engine must not read files: register/ reads them and hands it arrays.
  monitoring: ['core', 'reference', 'monitoring'],
  register: ENGINES,
  effect: ENGINES,
  security: ['core', 'security'],
  domain: [...ENGINES, 'domain'],
  demo: [...ENGINES, 'domain', 'demo'],
  db: [...ENGINES, 'security', 'domain', 'db'],
  app: [...ENGINES, 'security', 'domain', 'demo', 'db', 'app'],
  reports: [...ENGINES, 'domain', 'app', 'reports'],
  web: [...ENGINES, 'domain', 'app', 'reports', 'web'],
  http: [...ENGINES, 'security', 'domain', 'app', 'reports', 'web', 'http'],
  cli: LAYERS,
};
// Tests and test helpers beside the code may reach further (e.g. a unit test of a CLI command).
const TESTS = '(\\.test\\.ts|/test-support\\.ts)$';
// What a layer may reach besides MAY_IMPORT: the escaping template is shared by pages and reports;
// layers above app may name the types a repository returns (calls go through no-repository-calls-above-app).
const ALSO = {
  reports: '(^|/)src/(web/html\\.ts$|db/)',
  web: '(^|/)src/db/',
  http: '(^|/)src/db/',
};
const dir = (names) => `(^|/)src/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    ...Object.entries(MAY_IMPORT)
      .filter(([, ok]) => ok.length < LAYERS.length)
      .map(([layer, ok]) => ({
        name: `${layer}-imports-only-below`,
        comment: `${layer}/ may import ${ok.join(', ')} (README → Architecture)`,
        severity: 'error',
        from: { path: dir([layer]), pathNot: TESTS },
        to: { path: dir(LAYERS.filter((l) => !ok.includes(l))), pathNot: ALSO[layer] },
      })),
    {
      name: 'no-repository-calls-above-app',
      comment: 'Pages, reports and routes may name the types repositories return, but call use cases (app/), not repositories.',
      severity: 'error',
      from: { path: '(^|/)src/(web|reports|http)/', pathNot: TESTS },
      to: { path: '(^|/)src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-connection-above-db',
      comment: 'Only src/db/ turns a handle or a Tx into SQL: use cases take the door (db/door.ts) and call repositories.',
      severity: 'error',
      from: { path: '(^|/)src/', pathNot: `(^|/)src/(db|cli)/|${TESTS}` },
      to: { path: '(^|/)src/db/(sql|database|tenant)\\.ts$' },
    },
    {
      name: 'reports-never-import-pages',
      comment: 'Report models are plain data; only the escaping template (web/html.ts) is shared.',
      severity: 'error',
      from: { path: '(^|/)src/reports/' },
      to: { path: '(^|/)src/web/', pathNot: '(^|/)src/web/html\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '(^|/)src/' },
      // A cycle through type-only imports is harmless (erased at run time).
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
