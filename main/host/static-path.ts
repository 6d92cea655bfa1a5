// Where a request for one of the app's own files points, decided without touching the disk and
// without throwing: the loopback host and Electron's app:// handler share it. A malformed escape
// (`/%`, `/assets/%ff`, `/..%c0%af`), a NUL, a backslash or any `..` step gives null, never an exception.
import path from 'node:path';

/** The file under `root` that `pathname` (the raw, still-encoded URL path) names, or null. */
export function staticFilePath(root: string, pathname: string): string | null {
  if (typeof pathname !== 'string' || pathname.length > 2048) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p === '.')) return null;
  const rel = parts.length === 0 ? 'index.html' : parts.join('/');
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}
