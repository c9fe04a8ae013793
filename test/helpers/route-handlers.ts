/**
 * Measures the route handlers in src/http/routes (issue 10 item 3: routes are parse-call-render).
 * Reads each route file with the TypeScript parser and reports every handler passed to
 * `app.get/post/put/patch/delete(path, …, handler)`, and every other function the route file
 * declares (form builders, section providers: logic that lives beside the handlers), with its
 * length in lines and what in it is logic rather than parse-call-render: loops, array filtering
 * and searching, SQL.
 * Used by test/route-handlers.test.ts and printed by `npx tsx test/helpers/route-handlers.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface RouteFunction {
  file: string;
  line: number;
  /** `GET /deltagere/:id` for a handler; the declared name for another function in the file. */
  name: string;
  kind: 'handler' | 'helper';
  lines: number;
  /** What in its body is logic: `loop`, `.filter`, `.find`, … , `sql`. */
  logic: string[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const ARRAY_LOGIC = new Set(['filter', 'find', 'findIndex', 'some', 'every', 'reduce', 'sort', 'flatMap', 'map']);
const SQL = /\b(SELECT\s|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM)\b/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

function logicIn(fn: ts.Node): string[] {
  const found = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n))
      found.add('loop');
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ARRAY_LOGIC.has(n.expression.name.text))
      found.add(`.${n.expression.name.text}`);
    if (ts.isTaggedTemplateExpression(n) && /^(sql|tx|db)$/.test(n.tag.getText())) found.add('sql');
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n)) && SQL.test(n.text)) found.add('sql');
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return [...found].sort();
}

const isFunction = (n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration =>
  ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n);

/** Every handler and every other function declared in the route files, in file order. */
export function measureRouteHandlers(dir = join(root, 'src', 'http', 'routes')): RouteFunction[] {
  const out: RouteFunction[] = [];
  for (const path of files(dir)) {
    const text = readFileSync(path, 'utf8');
    const src = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const file = relative(root, path);
    const lineOf = (pos: number) => src.getLineAndCharacterOfPosition(pos).line + 1;
    const add = (fn: ts.Node, name: string, kind: RouteFunction['kind']) =>
      out.push({
        file,
        line: lineOf(fn.getStart(src)),
        name,
        kind,
        lines: lineOf(fn.getEnd()) - lineOf(fn.getStart(src)) + 1,
        logic: logicIn(fn),
      });
    const handlers = new Set<ts.Node>();
    const visit = (n: ts.Node) => {
      if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        METHODS.has(n.expression.name.text) &&
        n.arguments.length >= 2
      ) {
        const first = n.arguments[0];
        const last = n.arguments[n.arguments.length - 1];
        if (
          (ts.isStringLiteral(first) ||
            ts.isTemplateExpression(first) ||
            ts.isNoSubstitutionTemplateLiteral(first) ||
            ts.isIdentifier(first)) &&
          isFunction(last)
        ) {
          handlers.add(last);
          add(last, `${n.expression.name.text.toUpperCase()} ${first.getText(src).replace(/^[`'"]|[`'"]$/g, '')}`, 'handler');
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
    // Other functions: declarations and `const x = (…) => …` anywhere in the file, but not the
    // function that only registers the routes (its body is the list of handlers).
    const helpers = (n: ts.Node) => {
      let fn: ts.Node | undefined;
      let name = '';
      if (ts.isFunctionDeclaration(n) && n.body) [fn, name] = [n, n.name?.text ?? '(anonymous)'];
      if (ts.isVariableDeclaration(n) && n.initializer && isFunction(n.initializer)) [fn, name] = [n.initializer, n.name.getText(src)];
      if (fn && !handlers.has(fn) && !/Routes$/.test(name)) add(fn, name, 'helper');
      ts.forEachChild(n, helpers);
    };
    helpers(src);
  }
  return out;
}

/** A handler or helper that is not parse-call-render: long, or with logic in it (anything but `.map` to render). */
export const isHeavy = (f: RouteFunction, maxLines = 25) => f.lines > maxLines || f.logic.some((l) => l !== '.map');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const all = measureRouteHandlers();
  const heavy = all.filter((f) => isHeavy(f)).sort((a, b) => b.lines - a.lines);
  for (const f of heavy)
    console.log(`${String(f.lines).padStart(4)}  ${f.kind.padEnd(7)} ${f.file}:${f.line}  ${f.name}  ${f.logic.join(' ')}`);
  const byFile = new Map<string, number>();
  for (const f of all) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
  console.log(`${heavy.length} of ${all.length} functions in ${byFile.size} route files are not parse-call-render`);
}
