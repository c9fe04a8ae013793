import { openApp } from '../../app/bootstrap.ts';
import { loadConfig } from '../../core/config.ts';
import { buildServer } from '../../http/server.ts';
import { parseArgs } from '../args.ts';


export async function run(args: string[]): Promise<number> {
  const { flags, opts } = parseArgs(args);
  const config = loadConfig(process.env, {
    ...(flags.has('demo') ? { demo: true } : {}),
    ...(opts.port ? { port: Number(opts.port[0]) } : {}),
  });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}`;
  console.log(`Fremdrift starter på ${where}${config.demo ? ' (demo-tilstand)' : ''} …`);
  const deps = await openApp(config, (s) => console.log(s));
  const app = await buildServer(deps);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Fremdrift kører på http://localhost:${config.port}`);
  const stop = async () => {
    await app.close();
    await deps.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return await new Promise<number>(() => undefined);
}
