// A static scan of the sources' imports (for the layering tests): what a file names, and every
// module reached from a set of entry files.
import fs from 'node:fs';
import path from 'node:path';

export const MAIN = path.resolve(__dirname, '../../main');

export function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every relative module a source file names: static imports, re-exports and dynamic import(); `type` imports flagged. */
export function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => ({ spec: m[3] ?? m[4], typeOnly: Boolean(m[2]) }))
    .filter((x) => x.spec.startsWith('.'))
    .map((x) => ({ target: path.resolve(path.dirname(file), x.spec), typeOnly: x.typeOnly }));
}

export const layerOf = (file: string) => path.relative(MAIN, file).split(path.sep)[0];

/**
 * Every module reached from `entries` by non-type imports, not going into the modules `stop`
 * accepts, each with the chain of imports that reached it.
 */
export function reachable(entries: readonly string[], stop: (file: string) => boolean): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = entries.map((e) => [e, [e]] as [string, string[]]);
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    if (stop(file) || !fs.existsSync(file)) continue;
    for (const { target, typeOnly } of importsOf(file)) if (!typeOnly && !seen.has(target)) queue.push([target, [...chain, target]]);
  }
  return seen;
}
