// An import is one undo step kept as a delta (the ids it added, the prior state of the rows it
// changed or removed, with their cell marks), not as copies of whole tables: undo brings back the
// rows, corner points and marks as they were; redo brings back the import's own, marks included.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { tmpDir } from './helpers.ts';

const square = (x: number, y: number) => `1, ${x}.1, ${y}.1; 2, ${x + 100}.1, ${y}.1; 3, ${x + 100}.1, ${y + 100}.1; 4, ${x}.1, ${y + 100}.1`;

describe('undo of an import', () => {
  const dir = tmpDir('gmp-import-undo-');
  const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg'), remember: false });
  const csv = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const state = () => ({
    mines: service.rows('mines'), licences: service.rows('licences'), blocks: service.rows('blocks'),
    marks: service.marks('mines'),
  });

  it('restores the rows it changed, the blocks it replaced and the marks it cleared; redo restores its own', async () => {
    await service.create('district', '撤销区');
    // the first import adds a mine with a block, a status read from 备注 and a class from the scale (both marked)
    const first = await service.importData(csv('a.csv', `矿山名称,开采矿种,开采方式,生产规模,备注,拐点坐标\n甲矿,煤,井下,30万吨/年,停产,"${square(4_400_000, 37_500_000)}"\n`), {}, 'zh');
    expect(first).toMatchObject({ written: true, errors: [] });
    const s1 = state();
    expect(s1.marks.map((m) => m.column).sort()).toEqual(['scale_class', 'status']);
    expect(s1.blocks).toHaveLength(1);

    // the second changes 甲矿's status (clearing its mark), replaces its block (the new block may take
    // the old one's id), adds 乙矿 with a marked status, and a licence for 甲矿
    const second = await service.importData(csv('b.csv', `矿山名称,开采矿种,生产状态,备注,拐点坐标\n甲矿,煤,生产,,"${square(4_401_000, 37_501_000)}"\n乙矿,铁矿,,在建,\n`), {}, 'zh');
    expect(second).toMatchObject({ written: true, errors: [] });
    const licences = await service.importData(csv('c.csv', '采矿许可证号,矿山名称,面积\nC1500002009000000000001,甲矿,1.5\n'), { table: 'licences' }, 'zh');
    expect(licences).toMatchObject({ written: true, errors: [] });
    const s2 = state();
    expect(s2.mines.find((m) => m.name_zh === '甲矿')?.status).toBe('producing');
    expect(s2.blocks[0].points).not.toEqual(s1.blocks[0].points);
    expect(s2.marks.some((m) => m.column === 'status' && m.rowId === s2.mines.find((x) => x.name_zh === '乙矿')?.id)).toBe(true);
    expect(s2.marks.some((m) => m.column === 'status' && m.rowId === s1.mines[0].id)).toBe(false);

    const u1 = service.undoLast(); // the licence import
    expect(u1.edit).toMatchObject({ kind: 'group', what: 'import', at: { view: 'data', table: 'licences' } });
    expect(service.rows('licences')).toEqual([]);
    const u2 = service.undoLast(); // the second import
    expect(u2.edit).toMatchObject({ kind: 'group', what: 'import', at: { view: 'data', table: 'mines' } });
    expect(state()).toEqual(s1);

    service.redoLast();
    service.redoLast();
    expect(state()).toEqual(s2);
    service.undoLast();
    service.undoLast();
    expect(state()).toEqual(s1);
    expect(u2.canUndo).toBe(true); // the first import is still there to undo
    service.undoLast();
    expect(state()).toEqual({ mines: [], licences: [], blocks: [], marks: [] });
  });
});
