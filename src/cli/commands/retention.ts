/** `fremdrift retention [--dry-run]`: anonymise closed cases past the retention period; erase pool women and candidates never enrolled past theirs. */
import { runRetention } from '../../app/gdpr/retention-job.ts';
import { runPoolRetention } from '../../app/effect/pool-retention.ts';
import { runCandidateRetention } from '../../app/recruitment/candidate-retention.ts';
import { handleOf } from '../../db/database.ts';
import { withCliDatabase } from '../open-cli-db.ts';
import { parseArgs } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const { flags } = parseArgs(args);
  const dryRun = flags.has('dry-run');
  return withCliDatabase(async (db, config) => {
    const r = await runRetention(db, { dryRun, years: config.retentionYears });
    if (dryRun) {
      console.log(
        `Prøvekørsel: ${r.due.length} afsluttede sager er ældre end ${r.years} år efter udskrivning og ville blive anonymiseret. Intet er ændret.`,
      );
      for (const id of r.due) console.log(`  ${id}`);
    } else {
      console.log(`Anonymiseret: ${r.anonymised} afsluttede sager (opbevaringsperiode ${r.years} år efter udskrivning).`);
    }
    const p = await runPoolRetention({ db: handleOf(db) }, { months: config.poolRetentionMonths, dryRun });
    console.log(
      dryRun
        ? `Prøvekørsel: ${p.women} kvinder i sammenligningspuljen er indlæst for mere end ${p.months} måneder siden og ville blive slettet med deres registerdata. Intet er ændret.`
        : `Slettet fra sammenligningspuljen: ${p.women} kvinder indlæst for mere end ${p.months} måneder siden, og ${p.registerRows} af deres registerdata.`,
    );
    const c = await runCandidateRetention(db, { dryRun });
    console.log(
      dryRun
        ? `Prøvekørsel: ${c.due} kandidater, der aldrig blev indskrevet, er ikke opsøgt eller listet i projektets opbevaringsperiode og ville blive slettet. Intet er ændret.`
        : `Slettet fra kandidatlisterne: ${c.erased} kandidater, der aldrig blev indskrevet (projektets opbevaringsperiode efter seneste opsøgning eller liste).`,
    );
    return 0;
  });
}
