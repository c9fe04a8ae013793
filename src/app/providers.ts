/**
 * The providers of the dependency bundle (core/deps.ts), built once where the bundle is built:
 * openApp for the server, testDeps for the tests. A test that needs another source passes its own.
 */
import type { AppDeps, RegisterStatusSource } from '../core/deps.ts';
import { SNAPSHOT_LABELS } from '../core/labels.ts';
import { ResourceScope } from '../core/resources.ts';
import { registerStatusesFor } from './register/participant-register.ts';

/** Her monthly register statuses from the monitoring engine, with the snapshot in Danish. */
export const monitoredRegisterStatuses: RegisterStatusSource = async (db, actor, participantId) =>
  (await registerStatusesFor(db, actor, participantId)).map((m) => ({ ...m, snapshot: SNAPSHOT_LABELS[m.snapshot] ?? m.snapshot }));

/** The providers, with a fresh scope for this bundle's workers and caches (one per server). */
export function appProviders(): Pick<AppDeps, 'registerStatuses' | 'resources'> {
  return { registerStatuses: monitoredRegisterStatuses, resources: new ResourceScope() };
}
