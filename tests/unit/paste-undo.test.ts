// Tab-separated clipboard blocks; a pasted block is checked whole, written whole and undone in one
// step; imports and settings are undo steps too, each with the place it changed.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from '../../main/import/tsv.ts';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import type { PasteRow } from '../../main/api/paste.ts';
import { tmpDir } from './helpers.ts';

const FX = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures');

describe('TSV as spreadsheets put it on the clipboard', () => {
  it('reads Excel\'s quoting, CRLF and a trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('"two\nlines"\t"say ""hi"""\r\nx\t')).toEqual([['two\nlines', 'say "hi"'], ['x', '']]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\t\n')).toEqual([['', '']]);
  });

  it('writes what it reads back (any cells)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '煤', '\t', '\n', '"', ' ', '1') });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).filter((rows) => rows.every((r) => r.length === rows[0].length)), (rows) => {
      expect(parseTsv(formatTsv(rows))).toEqual(rows);
    }));
  });
});

describe('paste, import and settings as undo steps', () => {
  const dir = tmpDir('gmp-paste-');
  const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });

  it('a block with one bad cell writes nothing and names the cell; fixed, it is one undo step', async () => {
    await service.create('district', '粘贴区');
    const a = service.insert('mines', { name_zh: '甲矿', mineral: 'coal', status: 'producing' }).id;
    const b = service.insert('mines', { name_zh: '乙矿', mineral: 'coal', status: 'producing' }).id;
    const before = service.rows('mines');
    const block = (bad: string): PasteRow[] => [
      { id: a, values: { holder: '甲公司', mineral: '建筑石料', method: '露天', scale_value: '12' } },
      { id: b, values: { holder: '乙公司', mineral: 'Coal', method: '井工', scale_value: bad } },
      { id: null, values: { name_zh: '丙矿', mineral: '煤', status: '生产', scale_value: '3' } },
    ];
    const refused = await dispatch(service, 'rows.paste', { table: 'mines', rows: block('十八') }, 'zh');
    expect(refused).toMatchObject({ ok: true, result: { written: false } });
    const errors = (refused as { result: { errors: { index: number; column: string; message: string }[] } }).result.errors;
    expect(errors).toEqual([{ index: 1, column: 'scale_value', message: expect.stringContaining('“十八”不是数字') }]);
    expect(service.rows('mines')).toEqual(before);
    const unknown = service.paste('mines', [{ id: a, values: { method: '飞行' } }], 'en');
    expect(unknown.errors[0].message).toMatch(/“飞行” is not one of: open-pit, underground/i);

    const ok = service.paste('mines', block('18'), 'zh');
    expect(ok.written).toBe(true);
    const rows = service.rows('mines');
    expect(rows.map((r) => [r.name_zh, r.holder, r.mineral, r.method, r.scale_value])).toEqual([
      ['甲矿', '甲公司', '建筑石料', 'open_pit', 12], ['乙矿', '乙公司', '煤', 'underground', 18], ['丙矿', '', '煤', null, 3],
    ]);
    const u = service.undoLast();
    expect(u.edit).toMatchObject({ kind: 'group', what: 'paste', at: { view: 'data', table: 'mines', rowId: a, column: 'holder' } });
    expect(service.rows('mines')).toEqual(before);
    service.redoLast();
    expect(service.rows('mines')).toEqual(rows);
  });

  it('an import is undone as one step and the history before it stays', async () => {
    const beforeMines = service.rows('mines');
    const beforeLicences = service.rows('licences');
    const r = await service.importData(path.join(FX, 'district-licences.xlsx'), {}, 'zh');
    expect(r.written).toBe(true);
    const after = { m: service.rows('mines'), l: service.rows('licences') };
    expect(after.l.length).toBeGreaterThan(beforeLicences.length);
    const u = service.undoLast();
    expect(u.edit).toMatchObject({ kind: 'group', what: 'import', at: { view: 'data', table: 'licences' } });
    expect(service.rows('mines')).toEqual(beforeMines);
    expect(service.rows('licences')).toEqual(beforeLicences);
    expect(u.canUndo).toBe(true); // the paste before the import can still be undone
    service.redoLast();
    expect(service.rows('mines')).toEqual(after.m);
    expect(service.rows('licences')).toEqual(after.l);
  });

  it('a settings change is an undo step that returns to its field', () => {
    const was = service.summary().plan.near_year;
    service.updatePlan({ near_year: Number(was) + 1 });
    expect(service.summary().plan.near_year).toBe(Number(was) + 1);
    const u = service.undoLast();
    expect(u.edit).toMatchObject({ kind: 'plan', at: { view: 'overview', field: 'near_year' } });
    expect(service.summary().plan.near_year).toBe(was);
  });

  it('a cell edit undone names its table, row and column', () => {
    const id = Number(service.rows('mines')[0].id);
    service.update('mines', id, { holder: '改' });
    expect(service.undoLast().edit).toMatchObject({ kind: 'row', at: { view: 'data', table: 'mines', rowId: id, column: 'holder' } });
  });
});

describe('files without typed paths', () => {
  it('a path pasted with Explorer\'s quotes is the path', async () => {
    const { unquotePath } = await import('../../main/domain/typed-path.ts');
    expect(unquotePath('"D:\\数据\\采矿权.xlsx"')).toBe('D:\\数据\\采矿权.xlsx');
    expect(unquotePath("  '/tmp/a b.csv'\n")).toBe('/tmp/a b.csv');
    expect(unquotePath('/tmp/plain.gmplan')).toBe('/tmp/plain.gmplan');
  });

  it('an upload lands in the workspace, never over another file, and comes back as a download', () => {
    const dir = tmpDir('gmp-files-');
    const s = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg'), confined: true });
    const a = s.upload('..\\..\\evil.xlsx', Buffer.from('one').toString('base64'));
    const b = s.upload('evil.xlsx', Buffer.from('two').toString('base64'));
    expect(path.dirname(a.file)).toBe(fs.realpathSync(path.join(dir, 'uploads')));
    expect(b.name).toBe('evil-1.xlsx');
    expect(Buffer.from(s.download(a.file).data, 'base64').toString()).toBe('one');
    expect(() => s.download('/etc/passwd')).toThrow(/outside_workspace/);
  });
});
