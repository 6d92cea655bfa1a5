// Every file the app writes lands whole or not at all: write beside the target, then rename.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const tmp = tempPathFor(target);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Runs `build(tmpPath)` and renames the result onto `target` only if it succeeds. */
export async function buildFileAtomic(target: string, build: (tmp: string) => Promise<void> | void): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await build(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
    throw e;
  }
}
