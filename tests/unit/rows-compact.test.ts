// The grid reads a table in a compact form (column names once, then values): it must give the very
// rows `rows.list` gives, with a block's corner points and an indicator's targets, in the same order.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { TABLES, type TableName } from '../../main/store/tables.ts';
import { samplePlan, tmpDir } from './helpers.ts';

describe('rows.table', () => {
  it('gives every table of the sample as rows.list does', async () => {
    const dir = tmpDir('gmp-compact-');
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });
    service.openFile((await samplePlan()).file);
    let rows = 0;
    for (const table of Object.keys(TABLES) as TableName[]) {
      const list = await dispatch(service, 'rows.list', { table });
      const compact = await dispatch(service, 'rows.table', { table });
      if (!list.ok || !compact.ok) throw new Error(`${table}: not answered`);
      const { columns, values } = compact.result as { columns: string[]; values: unknown[][] };
      const made = values.map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i]])));
      // a row without targets has no target columns in rows.list: null there means the same
      const want = (list.result as Record<string, unknown>[]).map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
      expect(made, table).toEqual(want);
      for (const r of list.result as Record<string, unknown>[]) for (const k of Object.keys(r)) expect(columns, `${table}.${k}`).toContain(k);
      rows += values.length;
      if (table === 'blocks' && values.length) expect(columns).toContain('points');
      if (table === 'indicators' && values.length) expect(columns.some((c) => /^t:\d{4}$/.test(c))).toBe(true);
    }
    expect(rows).toBeGreaterThan(50);
    // and the rows the API gives as objects are still objects (the raw statement is its own)
    expect(service.rows('mines')[0]).toHaveProperty('name_zh');
    expect((await dispatch(service, 'rows.table', { table: 'nope' })).ok).toBe(false);
    service.close();
  });
});
