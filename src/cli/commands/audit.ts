/** `fremdrift audit verify`: recompute the audit log's hash chain; exit 1 at the first broken record. */
import { parseAnchor, verifyAuditChain } from '../../db/audit-chain.ts';
import { parseArgs } from '../args.ts';
import { withCliDatabase } from '../open-cli-db.ts';

export async function run(args: string[]): Promise<number> {
  const { opts, rest } = parseArgs(args);
  const anchorText = opts.anker?.[0];
  const anchor = anchorText ? parseAnchor(anchorText) : undefined;
  if (rest[0] !== 'verify' || (anchorText && !anchor)) {
    console.error('Brug: fremdrift audit verify [--anker ID:HASH]');
    return 2;
  }
  return withCliDatabase(async (db) => {
    const r = await verifyAuditChain(db, 5000, anchor);
    if (r.ok) {
      console.log(`Auditloggen er intakt: ${r.records} poster, sidste post ${r.lastId ?? '(ingen)'}.`);
      if (r.lastId) console.log(`Anker (gem det uden for databasen, og kontrollér senere med --anker): ${r.lastId}:${r.headHash}`);
      return 0;
    }
    console.error(`FEJL: Auditloggen er ikke intakt. Første brudte post: ${r.brokenId ?? '(ukendt)'}.`);
    console.error(r.message);
    return 1;
  });
}
