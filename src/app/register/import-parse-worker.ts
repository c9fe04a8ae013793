/**
 * Worker thread that reads and checks one register file for an import on PGlite (see
 * import-jobs.ts): parsing a large file takes seconds of CPU that must not stall the main thread,
 * which keeps the one database engine. The file is streamed from its path; the people are handed
 * to the main thread in chunks as it asks for them (it writes them in batches).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CodeTable } from '../../monitoring/types.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { createVault } from '../../security/vault.ts';
import { parseRegisterFile, type FileInput } from './import-register-file.ts';

const d = workerData as { input: FileInput; kind: 'ydelser' | 'loentimer'; fileName: string; codeTable: CodeTable; secret: string };
try {
  const vault = createVault(d.secret);
  const parsed = parseRegisterFile(d.input, d.kind, d.fileName, d.codeTable, (c) => vault.hashCpr(c));
  parentPort!.on('message', (m: { from: number; n: number }) => parentPort!.postMessage({ chunk: parsed.chunk(m.from, m.n) }));
  parentPort!.postMessage({ meta: parsed.meta });
} catch (e) {
  const input =
    e instanceof RegisterInputError
      ? {
          code: e.code,
          message: e.message,
          file: e.file,
          line: e.line,
          column: e.column,
          other: e.other,
          codes: e.codes,
          unknown: e.unknown,
        }
      : undefined;
  if (!input) console.error(e);
  parentPort!.postMessage({ error: { input, message: (e as Error).message } });
}
