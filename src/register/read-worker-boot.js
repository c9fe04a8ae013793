// Boots a register reader thread (parallel.ts): TypeScript sources are loaded through tsx, as in the main thread.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
