/** The register deliveries imported so far (newest first), for the import page. No personal data. */
import type { AppDeps } from '../../core/deps.ts';
import { listBatches } from '../../db/register-store.ts';

export const registerDeliveries = (deps: Pick<AppDeps, 'db'>) => listBatches(deps.db);
