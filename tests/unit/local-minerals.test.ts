// A mineral the national catalogue does not hold is kept as typed; the user gives it a group and an
// English name, which the English edition prints (tables and text). Until then a check says the
// English edition shows the Chinese name. Setting them is one undoable step; Chinese is refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-minerals-');
const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });
type Ok<T> = { ok: true; result: T };
const call = async <T>(method: string, args: object, lang: 'zh' | 'en' = 'zh') => {
  const r = await dispatch(service, method, args, lang);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return (r as Ok<T>).result;
};
const englishText = async () => JSON.stringify(await call<unknown>('preview.document', { lang: 'en' }));
const findings = async () => (await call<{ rule: string; message: { zh: string; en: string } }[]>('checks.run', {})).filter((f) => f.rule === 'mine.local_mineral_english');

describe('plan-local minerals', () => {
  it('print in English under the name the user gives, and setting it is one undoable step', async () => {
    await call('plan.create', { templateId: 'district', name: '测试区' });
    await call('rows.insert', { table: 'mines', values: { name_zh: '甲矿', mineral: '某地特有岩', status: 'producing', scale_class: 'small' } });
    // no English name yet: the English edition shows the name as typed, and a check says so
    expect(await englishText()).toContain('某地特有岩');
    const before = await findings();
    expect(before).toHaveLength(1);
    expect(before[0].message.zh).toContain('矿种“某地特有岩”（“甲矿”等矿山开采）没有英文名');

    // a Chinese "English name" is refused at the field, in the user's language, nothing written
    const bad = await dispatch(service, 'minerals.setGroup', { name: '某地特有岩', group: 'nonmetallic', nameEn: '特有岩' }, 'en');
    expect(bad).toMatchObject({ ok: false, error: { code: 'value.not_english', location: { column: 'name_en' } } });
    expect(bad.ok ? '' : bad.error.message).toContain('is not an English name');
    expect((await call<{ local: { name_en: string }[] }>('minerals.list', {})).local[0].name_en).toBe('');

    await call('minerals.setGroup', { name: '某地特有岩', group: 'nonmetallic', nameEn: 'local rock' });
    const text = await englishText();
    expect(text).toContain('local rock');
    expect(text).not.toContain('某地特有岩');
    expect(await findings()).toHaveLength(0);

    // one undo restores the group and the (empty) English name, and says where
    const undone = await call<{ edit: { kind: string; at: { view: string; field: string } } }>('edit.undo', {});
    expect(undone.edit).toMatchObject({ kind: 'mineral', at: { view: 'overview', field: 'mineral:某地特有岩' } });
    expect((await call<{ local: unknown[] }>('minerals.list', {})).local).toEqual([{ name: '某地特有岩', group: 'unknown', name_en: '' }]);
    expect(await englishText()).toContain('某地特有岩');
    await call('edit.redo', {});
    expect((await call<{ local: unknown[] }>('minerals.list', {})).local).toEqual([{ name: '某地特有岩', group: 'nonmetallic', name_en: 'local rock' }]);
  });
});
