// The renderer shares a few pure modules with the studio (table specs, the TSV reader, the Liquid
// token pattern, the settings fields). Whatever it takes from main/ must not pull in node-only code:
// this walks the renderer's import graph and lists every package a main/ module it reaches imports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'main') + path.sep;
// packages a shared module may use in the browser
const BROWSER_SAFE = new Set(['zod']);

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  // value imports and re-exports (type-only ones leave nothing in the bundle)
  for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[1]);
  return out;
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

describe('the renderer bundle', () => {
  it('takes no node-only code from main/', () => {
    const start = fs.readdirSync(path.join(ROOT, 'renderer/src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(ROOT, 'renderer/src', f));
    const seen = new Set<string>();
    const fromMain: string[] = [];
    const bad: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file) || !/\.tsx?$/.test(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const f = resolve(file, spec);
          if (f) walk(f);
        } else if (file.startsWith(MAIN) && !BROWSER_SAFE.has(spec)) bad.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
      if (file.startsWith(MAIN)) fromMain.push(path.relative(ROOT, file));
    };
    start.forEach(walk);
    expect(fromMain).toContain('main/compose/liquid-tokens.ts');
    expect(bad).toEqual([]);
  });
});
