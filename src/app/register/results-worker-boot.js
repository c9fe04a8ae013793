// Boots the results worker thread: TypeScript sources are loaded through tsx, as in the main thread.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
