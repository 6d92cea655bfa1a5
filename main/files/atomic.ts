// Every file the app writes lands whole or not at all: write beside the target, then rename.
// The lowest shared layer of file writing: the store, the exporters and the doors all use it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { GmpError } from '../domain/errors.ts';

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
}

/** The folder a file is to be written in must exist: said with the folder's name, before any temporary file. */
function needFolder(target: string): void {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new GmpError('io.no_folder', { path: dir });
  if (!fs.statSync(dir).isDirectory()) throw new GmpError('io.out_dir_not_dir', { path: dir });
}

/** A failure while writing, told about the target: the temporary file's name never reaches a message. */
function aboutTarget(e: unknown, tmp: string, target: string): unknown {
  if (e instanceof GmpError) return e;
  const err = e as NodeJS.ErrnoException;
  const message = String(err?.message ?? e);
  if (err?.code === 'EACCES' || err?.code === 'EPERM' || err?.code === 'EROFS') return new GmpError('io.not_writable', { detail: target });
  // other failures keep their kind unless they name the temporary file
  if (!message.includes(path.basename(tmp))) return e;
  return new GmpError('io.write_failed', { path: target, reason: message.split(tmp).join(path.basename(target)).split(path.basename(tmp)).join(path.basename(target)) });
}

export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  needFolder(target);
  const tmp = tempPathFor(target);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw aboutTarget(e, tmp, target);
  }
}

/** Runs `build(tmpPath)` and renames the result onto `target` only if it succeeds. */
export async function buildFileAtomic(target: string, build: (tmp: string) => Promise<void> | void): Promise<void> {
  needFolder(target);
  const tmp = tempPathFor(target);
  try {
    await build(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
    throw aboutTarget(e, tmp, target);
  }
}
