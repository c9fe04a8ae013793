/** `fremdrift audit verify`: recompute the audit log's hash chain; exit 1 at the first broken record. */
import { verifyAuditChain } from '../../db/audit-chain.ts';
import { withCliDatabase } from '../../app/security/open-cli-db.ts';

export const summary = 'Auditloggen: "audit verify" kontrollerer hashkæden (ændrede eller slettede poster)';

export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    console.error('Brug: fremdrift audit verify');
    return 2;
  }
  return withCliDatabase(async (db) => {
    const r = await verifyAuditChain(db);
    if (r.ok) {
      console.log(`Auditloggen er intakt: ${r.records} poster, sidste post ${r.lastId ?? '(ingen)'}.`);
      console.log(`Kædens hoved (gem det et andet sted for at kunne opdage en omskrevet kæde): ${r.headHash}`);
      return 0;
    }
    console.error(`FEJL: Auditloggen er ikke intakt. Første brudte post: ${r.brokenId ?? '(ukendt)'}.`);
    console.error(r.message);
    return 1;
  });
}
