/**
 * Files that hold personal data (the PGlite data folder, backups, a restored folder, the demo
 * secret, upload temp files) are readable by their owner only: folders 0700, files 0600,
 * whatever the umask the process was started with. PGlite writes its files itself with the
 * process umask (0666 under umask 0), so the process umask is tightened first, and a folder is
 * made private again on open and after a restore (folders from older versions, tar modes).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** Group and others get nothing. */
export const PRIVATE_UMASK = 0o077;

/** Adds group/other bits to the process umask (keeps stricter bits). A worker thread cannot set it; the main thread has. */
export function tightenUmask(): void {
  if (!isMainThread) return;
  const old = process.umask(PRIVATE_UMASK);
  process.umask(old | PRIVATE_UMASK);
}

/** Creates `dir` (and missing parents) if needed and makes `dir` itself 0700. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Every folder under `path` (itself included) 0700, every file 0600; symbolic links are not followed. */
export function restrictTree(path: string): void {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
    for (const name of readdirSync(path)) restrictTree(join(path, name));
  } else if ((st.mode & 0o777 & ~PRIVATE_FILE_MODE) !== 0) {
    chmodSync(path, st.mode & PRIVATE_FILE_MODE);
  }
}
