// The bundled sample holds what the seed plan states and nothing invented: no licence numbers or
// dates, no production scales, years built or remaining lives for the mines the seed names. Its
// demonstration rows are marked, and every exported page says "示例数据 / sample data".
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan } from '../../main/export/export-plan.ts';
import { BUILT_GREEN_MINES } from '../../main/sample/banner-data.ts';
import { buildDocument } from '../../main/document/build.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const out = tmpDir('gmp-honest-');
const MARK = '示例数据 / sample data';
// the seed plan as text (the same file as /work/shared/seeds/000_fef4216582916c29.txt)
const SEED = fs.readFileSync(path.resolve(__dirname, '../fixtures/adopt/banner-seed.txt'), 'utf8');
// a licence number (C + digits, or any run of 12+ digits) and a day's date (2016.03.01, 2016-03-01, 2016年3月1日, 2016/3/1)
const LICENCE_NUMBER = /C\d{10,}|\d{12,}/g;
const DAY_DATE = /\d{4} ?[.\-/年] ?\d{1,2} ?[.\-/月] ?\d{1,2}(?!\d)/g;
/** every licence number and date in `text` that the seed does not state */
const notInSeed = (text: string) => [...text.matchAll(LICENCE_NUMBER), ...text.matchAll(DAY_DATE)].map((m) => m[0]).filter((x) => !SEED.includes(x));
const docxText = (xml: string) => xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
const files: Record<string, string> = {};

beforeAll(async () => {
  const { data } = await samplePlan();
  for (const lang of ['zh', 'en'] as const) {
    for (const f of await exportPlan(data, { lang, formats: ['docx', 'pdf'], outDir: out, baseName: `sample-${lang}` })) files[`${lang}.${path.extname(f).slice(1)}`] = f;
  }
}, 300_000);

describe('the bundled sample', () => {
  it('holds no licence, and no value the seed does not give for the mines it names', async () => {
    const { data } = await samplePlan();
    expect(data.licences).toEqual([]);
    const named = data.mines.filter((m) => !m.is_sample);
    expect(named.map((m) => m.name_zh)).toEqual(BUILT_GREEN_MINES.map((m) => m[0]));
    for (const m of named) {
      expect(m).toMatchObject({ scale_value: null, scale_unit: null, green_year: null, life_years: null, holder: '' });
    }
    // the demonstration rows are marked
    expect(data.mines.filter((m) => m.is_sample)).toHaveLength(34);
    expect(data.explorationRights.every((r) => r.is_sample === 1 && r.valid_from === null && r.holder === '')).toBe(true);
  });

  it.each(['zh', 'en'])('its %s exports contain no licence number or invented date, and carry the sample mark on every page', (lang) => {
    const xml = strFromU8(unzipSync(fs.readFileSync(files[`${lang}.docx`]))['word/document.xml']);
    // the rule itself finds what the old sample invented
    expect(notInSeed('许可证号 C1500002009000000007919，有效期 2016.01.14至2046.01.14')).toEqual(['C1500002009000000007919', '2016.01.14', '2046.01.14']);
    expect(notInSeed(docxText(xml))).toEqual([]);
    const parts = unzipSync(fs.readFileSync(files[`${lang}.docx`]));
    const headers = Object.keys(parts).filter((k) => /^word\/header\d+\.xml$/.test(k));
    const sections = xml.match(/<w:sectPr[\s>]/g)!.length;
    expect(xml.match(/<w:headerReference /g)?.length).toBe(sections);
    for (const h of headers) expect(strFromU8(parts[h])).toContain(MARK);
    const pdf = files[`${lang}.pdf`];
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(notInSeed(text)).toEqual([]);
    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    for (const p of perPage) expect(p).toContain(MARK);
  });

  it('says in its text that the licences are missing, rather than stating a count of 0', async () => {
    const { data } = await samplePlan();
    const zh = JSON.stringify(buildDocument(data, 'zh').body);
    expect(zh).toContain('采矿权个数和矿区面积尚未录入：【待填：采矿权现状（采矿权表）】');
    expect(zh).not.toContain('共有采矿权 0 个');
    // the licence appendix says the table is not entered, with no total of 0
    for (const lang of ['zh', 'en'] as const) {
      const lic = buildDocument(data, lang).appendices.find((t) => t.key === 'licences')!;
      expect(lic.rows).toEqual([[{ text: lang === 'zh' ? '【待填：采矿权现状（采矿权表）】' : '[to fill: mining licences (the licence table)]', colSpan: 5 }]]);
    }
  });

  it('a plan without sample rows carries no mark', async () => {
    const { data } = await samplePlan();
    const real = { ...data, mines: data.mines.filter((m) => !m.is_sample), explorationRights: [] };
    expect(buildDocument(real, 'zh').sampleMark).toBeUndefined();
    expect(buildDocument(data, 'zh').sampleMark).toBe(MARK);
  });
});
