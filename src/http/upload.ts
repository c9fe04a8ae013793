/**
 * A multipart upload (@fastify/multipart) received in bounded memory: the one file is streamed
 * to a private temporary file (folder 0700, file 0600) and stopped at `maxBytes`; text fields are
 * kept. Over the limit the partial file is deleted and a 413 (AppError TOO_LARGE) with a Danish
 * message is thrown. Every multipart route goes through here; none buffers a file whole.
 */
import type { FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../core/errors.ts';
import { PRIVATE_FILE_MODE } from '../core/private-files.ts';

export interface ReceivedUpload {
  /** Text fields by name (the last one wins). */
  fields: Record<string, string>;
  /** The file, when one was sent under `fileField`. */
  file?: { name: string; path: string; bytes: number };
  /** The private folder holding the file: remove it with `discardUpload` or hand it on. */
  dir: string;
}

/** Options for `scope.register(multipart, …)`: one file, a few short fields, the byte limit. */
export function multipartLimits(maxBytes: number, fields: number) {
  return { limits: { fileSize: maxBytes, files: 1, fields, fieldSize: 1000, parts: fields + 1 } };
}

export function tooLarge(maxBytes: number): AppError {
  const mb = maxBytes / 1024 / 1024;
  return new AppError(
    'TOO_LARGE',
    `Filen er for stor. Den største fil, der kan lægges op, er ${mb >= 1 ? `${Math.floor(mb).toLocaleString('da-DK')} MB` : `${Math.ceil(maxBytes / 1024).toLocaleString('da-DK')} kB`}. Intet er gemt.`,
  );
}

export async function receiveUpload(
  req: FastifyRequest,
  o: { maxBytes: number; fileField?: string; defaultName: string },
): Promise<ReceivedUpload> {
  const fileField = o.fileField ?? 'file';
  const dir = await mkdtemp(join(tmpdir(), 'fremdrift-upload-'));
  const received: ReceivedUpload = { fields: {}, dir };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') received.fields[part.fieldname] = String(part.value);
      else if (part.fieldname === fileField && !received.file) {
        const path = join(dir, 'upload');
        const out = createWriteStream(path, { mode: PRIVATE_FILE_MODE, flags: 'wx' });
        await pipeline(part.file, out);
        if (part.file.truncated) throw tooLarge(o.maxBytes);
        received.file = { name: part.filename || o.defaultName, path, bytes: out.bytesWritten };
      } else part.file.resume();
    }
    return received;
  } catch (e) {
    await discardUpload(received);
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(o.maxBytes);
    throw e;
  }
}

export async function discardUpload(u: Pick<ReceivedUpload, 'dir'>): Promise<void> {
  await rm(u.dir, { recursive: true, force: true });
}
