import { openApp } from '../../app/bootstrap.ts';
import { importJobsOf, recoverImports, stopImportJobs } from '../../app/register/import-jobs.ts';
import { configFromEnvironment } from '../../core/config.ts';
import { buildServer } from '../../http/server.ts';
import { parseArgs } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const { flags, opts } = parseArgs(args);
  const config = configFromEnvironment({
    ...(flags.has('demo') ? { demo: true } : {}),
    ...(opts.port ? { port: Number(opts.port[0]) } : {}),
  });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}`;
  console.log(`Fremdrift starter på ${where}${config.demo ? ' (demo-tilstand)' : ''} …`);
  const deps = await openApp(config, (s) => console.log(s));
  // Taken now: closing the server forgets its scope, and the running imports must still be stopped after.
  const imports = importJobsOf(deps.resources);
  // PGlite: an import this process was writing in batches when it died is undone before anyone reads.
  if (deps.db.kind === 'pglite') {
    const undone = await recoverImports(deps.db, imports);
    if (undone) console.log(`${undone} afbrudt(e) registerindlæsning(er) fjernet; intet af dem er gemt.`);
  }
  const app = await buildServer(deps, { logLevel: config.logLevel ?? 'info' });
  await app.listen({ port: config.port, host: config.host });
  console.log(`Fremdrift kører på http://localhost:${config.port}`);

  // SIGTERM (a deployment, the orchestrator, Ctrl-C): /readyz turns 503, the listener closes,
  // in-flight requests finish, running imports get the grace period to finish and are otherwise
  // stopped (their one transaction rolls back), then the database is closed.
  const graceMs = config.shutdownGraceSeconds * 1000;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.draining = true;
    app.log.info({ signal }, 'stopper: afvikler igangværende forespørgsler og indlæsninger');
    setTimeout(() => process.exit(1), graceMs + 10_000).unref();
    try {
      await app.close();
      const ended = await stopImportJobs(deps.db, imports, graceMs);
      if (ended.finished || ended.stopped) app.log.info(ended, 'indlæsninger ved stop');
      await deps.db.close();
      process.exit(0);
    } catch (e) {
      app.log.error(e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return await new Promise<number>(() => undefined);
}
