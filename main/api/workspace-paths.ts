// Where a path given to the API may point. In the served mode (the loopback host, where the caller
// chose no file through a dialog) every path is resolved — symlinks included — and must lie inside
// the workspace folder, or it is refused with a clear error. One place for that rule: the service uses
// it for plans, imports and export folders; uploads land through `workspaceFile`.
import fs from 'node:fs';
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';

/** The real path of `p`; for a path that does not exist yet, the real path of its nearest existing ancestor plus the rest. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(cur), ...rest.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The absolute, symlink-free path `p` (relative paths are taken from the workspace) if it lies inside
 * `workspace`; otherwise a GmpError `io.outside_workspace` naming the path as the caller gave it.
 */
export function resolveInWorkspace(workspace: string, p: string): string {
  if (typeof p !== 'string' || p.length === 0 || p.includes('\0')) throw new GmpError('io.outside_workspace', { path: String(p).replace(/\0/g, ''), workspace });
  const root = realPathOf(workspace);
  const real = realPathOf(path.resolve(workspace, p));
  if (!inside(root, real)) throw new GmpError('io.outside_workspace', { path: p, workspace });
  return real;
}

/**
 * A file named `name` (a bare file name, no folders) in `sub` of the workspace, e.g. for an upload:
 * the folder is created inside the workspace; a name with a path in it is refused.
 */
export function workspaceFile(workspace: string, name: string, sub = 'uploads'): string {
  const base = path.basename(name);
  if (!base || base !== name || base === '.' || base === '..' || /[\0\\/]/.test(name)) throw new GmpError('io.outside_workspace', { path: name, workspace });
  const dir = resolveInWorkspace(workspace, sub);
  fs.mkdirSync(dir, { recursive: true });
  return resolveInWorkspace(workspace, path.join(dir, base));
}

/**
 * The folder exports go to: inside the workspace it is created when missing; anywhere else (the
 * desktop app and the CLI, where the user chose it) it must already exist.
 */
/**
 * The folder an export writes to: the one asked for, or by default `exports/<plan file name>` in the
 * workspace, so two plans with the same title never overwrite each other's documents.
 */
export function exportFolder(workspace: string, outDir: string | undefined, confined: boolean, planFile?: string): string {
  if (outDir === undefined) {
    const own = planFile ? path.basename(planFile).replace(/\.gmplan$/i, '').replace(/[\\/:*?"<>|\x00-\x1f]/g, '_') : '';
    const dir = own ? path.join(workspace, 'exports', own) : path.join(workspace, 'exports');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
  const dir = confined ? resolveInWorkspace(workspace, outDir) : path.resolve(outDir);
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new GmpError('io.out_dir_not_dir', { path: outDir });
    return dir;
  }
  if (!confined) throw new GmpError('io.no_folder', { path: outDir });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
