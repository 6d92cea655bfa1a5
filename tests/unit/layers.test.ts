// The layers import downward only: files < store < facts < compose < document < export < api <
// the doors (cli, host, electron). A static scan of every import under main/ (type-only imports
// included: a type from above is a dependency on above too).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN, importsOf, layerOf, reachable, sources } from './module-graph.ts';

const RANK: Record<string, number> = { files: 0, store: 1, facts: 2, compose: 3, document: 4, export: 5, api: 6, cli: 7, host: 7, electron: 7 };

describe('layers', () => {
  const files = sources(MAIN);

  it('finds the imports it judges (the scan itself works)', () => {
    const service = importsOf(path.join(MAIN, 'api/service.ts')).map((f) => path.relative(MAIN, f.target));
    expect(service).toContain(path.join('store', 'project.ts'));
    expect(service).toContain(path.join('export', 'run-export.ts'));
  });

  it('no module imports from a layer above its own', () => {
    const upward: string[] = [];
    for (const f of files) {
      const from = layerOf(f);
      if (!(from in RANK)) continue;
      for (const { target } of importsOf(f)) {
        const to = layerOf(target);
        if (to in RANK && RANK[to] > RANK[from]) upward.push(`${path.relative(MAIN, f)} → ${path.relative(MAIN, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the exporters write files through main/files, not through the store', () => {
    const intoStore = files.filter((f) => layerOf(f) === 'export')
      .flatMap((f) => importsOf(f).map((i) => i.target).filter((t) => layerOf(t) === 'store' && !/tables\.ts$/.test(t)).map((t) => `${path.relative(MAIN, f)} → ${path.relative(MAIN, t)}`));
    expect(intoStore).toEqual([]);
  });
});

describe('the command line is a client of the API', () => {
  // modules of the store that only describe (no database, no file): the CLI may name their types
  const PURE_STORE = new Set(['tables.ts', 'values.ts']);
  const cli = sources(path.join(MAIN, 'cli'));
  const viaApi = (f: string) => layerOf(f) === 'api';
  const reached = reachable(cli, viaApi);

  it('reaches the API (the scan follows the CLI\'s imports)', () => {
    expect([...reached.keys()].map((f) => path.relative(MAIN, f))).toContain(path.join('api', 'service.ts'));
  });

  it('reaches no store module but through main/api', () => {
    const direct = [...reached.entries()]
      .filter(([f]) => layerOf(f) === 'store' && !PURE_STORE.has(path.basename(f)))
      .map(([, chain]) => chain.map((f) => path.relative(MAIN, f)).join(' → '));
    expect(direct).toEqual([]);
  });
});
