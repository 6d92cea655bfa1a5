// Adopting a previous plan document: the seed banner plan (as text) becomes a project with its
// chapters, its appendix tables as rows and its stated figures bound; extraction damage is healed.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adoptPlan, type AdoptReport } from '../../main/adopt/adopt.ts';
import { healHeader, healLicenceNumber, healTable, healText } from '../../main/adopt/heal.ts';
import { headingOf, coverDate } from '../../main/adopt/structure.ts';
import { bindParagraph, escapeSource } from '../../main/adopt/bind.ts';
import { computeFacts } from '../../main/facts/plan-facts.ts';
import { composeChapters } from '../../main/compose/compose.ts';
import { buildDocument } from '../../main/document/build.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { readPlanFile, tmpDir } from './helpers.ts';

const SEED = path.resolve(__dirname, '../fixtures/adopt/banner-seed.txt');

describe('extraction damage is healed', () => {
  it('joins licence numbers split by a line break', () => {
    expect(healLicenceNumber('C15010020160371301 22841')).toBe('C1501002016037130122841');
    expect(healLicenceNumber('1500000510 123')).toBe('1500000510123');
    expect(healLicenceNumber('某某 矿业')).toBe('某某 矿业');
  });
  it('joins headers and wrapped cells cut into pieces', () => {
    expect(healHeader('面积 km ²')).toBe('面积 km²');
    expect(healHeader('面积 （km ² ）')).toBe('面积（km²）');
    expect(healHeader('开采 矿种')).toBe('开采矿种');
    expect(healHeader('首次发 证时间')).toBe('首次发证时间');
    expect(healText('某某市某某区 二号 石料矿')).toBe('某某市某某区二号石料矿');
    expect(healText('Some Quarry No. 2')).toBe('Some Quarry No. 2');
  });
  it('appends continuation rows of a wrapped cell and drops repeated header rows', () => {
    const rows = healTable([
      ['序号', '采矿许可 证号', '矿山 名称', '面积 km ²'],
      ['1', 'C15010020160371301', '某某市某某区', '0.1234'],
      ['', '22841', '二号石料矿', ''],
      ['序号', '采矿许可 证号', '矿山 名称', '面积 km ²'],
      ['2', 'C1501002016037130122842', '某某石料厂', '0.5'],
    ]);
    expect(rows).toEqual([
      ['序号', '采矿许可证号', '矿山名称', '面积 km²'],
      ['1', 'C1501002016037130122841', '某某市某某区二号石料矿', '0.1234'],
      ['2', 'C1501002016037130122842', '某某石料厂', '0.5'],
    ]);
  });
  it('reads heading numbers, spaced titles and cover dates', () => {
    expect(headingOf('第一章 总 则')).toEqual({ level: 1, number: '第一章', text: '总则' });
    expect(headingOf('总 则')).toEqual({ level: 1, number: '', text: '总则' });
    expect(headingOf('（一）加强矿区基础设施建设，提升环境污染防治水平')?.level).toBe(4);
    expect(headingOf('1、全面实现资源绿色勘查')?.level).toBe(5);
    expect(headingOf('（2）矿区绿化')?.level).toBe(6);
    expect(headingOf('1、发展和改革委员会负责将绿色矿山建设纳入全旗国民经济发展规划，严格矿山建设项目准入与备案。')).toBeNull();
    expect(coverDate('二〇二三年七月')).toBe('2023-07');
    expect(coverDate('二〇二四年十二月')).toBe('2024-12');
    expect(coverDate('2025年3月')).toBe('2025-03');
  });
  it('escapes Markdown and Liquid markup in literal text', () => {
    expect(escapeSource('a {{ b }} *c* 1. d')).not.toContain('{{ b }}');
    expect(escapeSource('1. 第一条')).toBe('1\\. 第一条');
  });
});

describe('figures are matched by their label, value and rounding', () => {
  const defs = [
    { expr: 'f.mines.byScale.large.count', value: 31, units: /^个/, pre: /大型矿山$/, kind: 'count' as const, percent: { expr: 'f.mines.byScale.large.percent', value: 37.8 } },
    { expr: 'f.mines.byScale.medium.count', value: 28, units: /^个/, pre: /中型矿山$/, kind: 'count' as const, percent: { expr: 'f.mines.byScale.medium.percent', value: 34.15 } },
    { expr: 'f.mines.byScale.small.count', value: 22, units: /^个/, pre: /小型矿山$/, kind: 'count' as const, percent: { expr: 'f.mines.byScale.small.percent', value: 28.05 } },
  ];
  it('binds counts and the shares listed after 分别, and reports a count the rows contradict', () => {
    const b = bindParagraph('大型矿山 31 个、中型矿山 28 个、小型矿山 23 个，分别占矿山总数的 37.80%、34.15%、28.05%。', defs);
    expect(b.source).toBe('大型矿山 {{ f.mines.byScale.large.count }} 个、中型矿山 {{ f.mines.byScale.medium.count }} 个、小型矿山 23 个，分别占矿山总数的 {{ f.mines.byScale.large.percent }}%、{{ f.mines.byScale.medium.percent }}%、{{ f.mines.byScale.small.percent }}%。');
    expect(b.figures.map((f) => f.status)).toEqual(['bound', 'bound', 'contradicted', 'bound', 'bound', 'bound']);
    expect(b.figures[2]).toMatchObject({ text: '23个', expected: '22' });
  });
  it('leaves numbers in titles, document numbers and ranges alone', () => {
    const b = bindParagraph('《规划 31 个》（国土资规〔2017〕31号），海拔在 31-1556m 之间，大型矿山 31 个。', defs);
    expect(b.figures).toHaveLength(1);
    expect(b.source).toContain('《规划 31 个》');
  });
});

/** The body text of the seed as the project must keep it: front matter and the tables that became rows left out, heading numbers dropped. */
function expectedBodyText(seed: string, report: AdoptReport): string {
  const lines = seed.split('\n');
  const start = lines.findIndex((l, i) => l.replace(/\s/g, '') === '总则' && i > lines.findIndex((x) => /附\s*表/.test(x) && x.replace(/\s/g, '') === '附表'));
  const out: string[] = [];
  let mode: 'text' | 'data' | 'kept' | 'continued' = 'text';
  for (const line of lines.slice(start)) {
    const cap = /^(续)?附表\s*(\d+)/.exec(line);
    if (cap) {
      const table = report.tables.find((t) => t.label === `附表 ${cap[2]}`)!;
      mode = table.key ? 'data' : cap[1] ? 'continued' : 'kept';
      // a kept table whose label is now another table's loses its label (reported)
      if (mode === 'kept') out.push(report.notices.some((n) => n.kind === 'labelDropped' && n.label === `附表 ${cap[2]}`) ? line.replace(/^附表\s*\d+/, '') : line);
      continue;
    }
    if (line.includes('\t')) {
      if (mode === 'continued') mode = 'kept'; // its first row repeats the header
      else if (mode === 'kept') out.push(line);
      continue;
    }
    if (!line.trim()) continue;
    mode = 'text';
    out.push(line);
  }
  return normalise(out.join('\n').replace(/^(第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+、(?=[^\n]{0,30}$))/gm, ''));
}

const normalise = (s: string) => s.replace(/\\(?=[\\`*_[\]<>|#.])/g, '').replace(/^#+ /gm, '').replace(/\|/g, '').replace(/-{3}/g, '').replace(/\s+/g, '');

describe('adopting the seed banner plan (text)', () => {
  let report: AdoptReport;
  let data: PlanData;
  let file: string;
  beforeAll(async () => {
    file = path.join(tmpDir(), 'adopted.gmplan');
    report = await adoptPlan(SEED, file);
    data = readPlanFile(file);
  });

  it('reads the cover and the old plan\'s period', () => {
    expect(data.plan).toMatchObject({ title_zh: '伊金霍洛旗绿色矿山建设规划', jurisdiction_zh: '伊金霍洛旗', kind: 'banner', issuer_zh: '伊金霍洛旗人民政府', issue_date: '2023-07', base_year: 2021, near_year: 2025, far_year: 2035 });
    expect(report.figuresList.map((f) => f.label)).toEqual(['附图 1', '附图 2', '附图 3']);
    expect(report.tocMismatches).toEqual([]);
  });

  it('has 总则 and six numbered chapters with their sections', () => {
    const zh = data.chapters.filter((c) => c.lang === 'zh');
    expect(zh.map((c) => [c.title, c.numbered])).toEqual([
      ['总则', false], ['现状与形势', true], ['指导思想、基本原则与规划目标', true], ['全面推进绿色矿山建设', true],
      ['积极推进绿色勘查', true], ['创建绿色矿业发展示范区', true], ['保障措施', true],
    ]);
    const sections = (key: string) => [...zh.find((c) => c.key === key)!.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections('chapter-1')).toEqual(['绿色矿山建设现状', '形势与要求', '存在的问题']);
    expect(sections('chapter-3')).toEqual(['创新绿色矿业发展方式', '全面推进绿色矿山建设', '健全完善绿色矿山监督管理机制']);
    // the numbers are the document builder's: none left in the headings
    expect(zh.map((c) => c.body).join('\n')).not.toMatch(/^#+ (第.+[章节]|[一二三四五六]、|（[一二三四五六]）)/m);
    const en = data.chapters.filter((c) => c.lang === 'en');
    expect(en).toHaveLength(7);
    expect(en.every((c) => c.origin === 'adopt:untranslated')).toBe(true);
  });

  it('takes the appendix tables as rows: green mines across their 续 pages, reserves, indicators, zone corner points', () => {
    const green = report.tables.find((t) => t.label === '附表 2')!;
    expect(green).toMatchObject({ key: 'green_mines', rows: 48, continuations: 2 });
    expect(data.mines).toHaveLength(48);
    expect(data.mines[47].name_zh).toBe('伊金霍洛旗新庙丁家梁煤矿');
    expect(data.mines.filter((m) => m.green_level === 'national')).toHaveLength(6);
    expect(data.reserves.map((r) => [r.mineral, r.deposits])).toEqual([['煤', 28], ['油页岩', 2], ['砖瓦用粘土', 1]]);
    expect(data.indicators).toHaveLength(8);
    expect(data.plan.indicator_years).toEqual([2023, 2025]);
    const sub = data.indicators.filter((i) => i.sub_zh);
    expect(sub.map((i) => [i.indicator_zh, i.sub_zh, i.targets['2025'].zh])).toEqual([['矿区可绿化面积覆盖率（%）', '煤炭', '100'], ['矿区可绿化面积覆盖率（%）', '普通建筑用砂石土', '100']]);
    expect(data.zones.map((z) => [z.name_zh, z.declared_area_km2])).toEqual([['绿色矿业发展示范区', 1202.62]]);
    expect(data.blocks[0].points).toHaveLength(23);
    expect(data.blocks[0].points[22]).toMatchObject({ label: '23', x: 4381378.65, y: 37415849.13 });
    expect(data.appendices).toEqual(['reserves', 'green_mines', 'indicators', 'zone_points']);
    // an unrecognised table stays in its chapter as a table of text, with its 续 page merged
    const models = report.tables.find((t) => t.label === '附表 3')!;
    expect(models.key).toBeNull();
    const ch1 = data.chapters.find((c) => c.key === 'chapter-1' && c.lang === 'zh')!.body;
    // its label 附表 3 is now the indicator table's (附表 4 → 3 once the tables are numbered in order): dropped, and said where
    expect(ch1).toMatch(/^绿色矿山建设模式\n\n\| 序号 \| 矿山名称 \| 绿色矿山建设模式 \|$/m);
    expect(ch1.match(/^\| \d \|/gm)).toHaveLength(5);
    expect(report.notices.map((n) => [n.kind, n.label, n.chapter])).toEqual([
      ['renumbered', '附表 4', '指导思想、基本原则与规划目标'], ['renumbered', '附表 5', '创建绿色矿业发展示范区'],
      ['minesPartial', '', ''], ['labelDropped', '附表 3', '现状与形势'],
    ]);
    expect(report.notices.find((n) => n.kind === 'labelDropped')!.message).toContain('附表 3已是“绿色矿业建设主要规划指标”');
  });

  it('exports the kept table as a real table with its caption, every caption once', () => {
    const doc = buildDocument(data, 'zh');
    const kept = doc.body.filter((b) => b.kind === 'table' && b.key === 'text') as Extract<(typeof doc.body)[number], { kind: 'table' }>[];
    expect(kept).toHaveLength(1);
    expect(kept[0].columns.map((c) => c.header)).toEqual(['序号', '矿山名称', '绿色矿山建设模式']);
    expect(kept[0].rows).toHaveLength(5);
    expect(kept[0].rows[0][1].text).toBe('神东天隆集团有限责任公司武家塔露天煤矿');
    const labels = [...doc.body, ...doc.appendices].filter((b) => b.kind === 'table' && b.label).map((b) => (b as { label: string }).label);
    expect(new Set(labels).size).toBe(labels.length);
    // no pipe text left in the paragraphs
    expect(doc.body.some((b) => b.kind === 'paragraph' && b.runs.some((r) => r.text.includes('| --- |')))).toBe(false);
  });

  it('binds the key figures the rows support, and leaves the rest as written', () => {
    const ch1 = data.chapters.find((c) => c.key === 'chapter-1' && c.lang === 'zh')!.body;
    expect(ch1).toContain('全旗共评选出 {{ f.green.national }} 个国家级绿色矿山和 {{ f.green.regional }} 个自治区级绿色矿山');
    expect(ch1).toContain('上表矿种有煤炭、油页岩、砖瓦用粘土等 {{ f.reserves.count }} 种。上表矿区 {{ f.reserves.deposits }} 处');
    expect(ch1).toContain('截至 {{ plan.base_year }} 年底，全旗共有矿山');
    const ch5 = data.chapters.find((c) => c.key === 'chapter-5' && c.lang === 'zh')!.body;
    expect(ch5).toContain('示范区总面积为 {{ f.zone.declaredAreaKm2 | num: 2 }}km²');
    // The seed has no table of all its mines (its 附表 1 矿山开发利用现状表 is listed but not included):
    // its mine counts and shares cannot be computed from its own rows, so they stay as written, never guessed.
    expect(ch1).toContain('全旗共有矿山 82 个');
    expect(ch1).toContain('煤矿 72 个，占矿山总数的 87.80%');
    const status = data.chapters.find((c) => c.key === 'chapter-1');
    expect(status).toBeTruthy();
    const figs = report.chapters.find((c) => c.key === 'chapter-1')!.figures;
    expect(figs.find((f) => f.text === '82个')?.status).toBe('literal');
    expect(figs.filter((f) => f.status === 'bound').map((f) => f.expr)).toEqual(expect.arrayContaining(['f.green.national', 'f.green.regional', 'f.reserves.count', 'f.reserves.deposits']));
    expect(report.totals.contradicted).toBe(0);
  });

  it('keeps every character of the body text, bound or literal, in the rendered chapters', () => {
    const facts = computeFacts(data);
    const composed = composeChapters(data, 'zh', (k) => k, facts);
    const actual = normalise(composed.map((c) => `${c.title}\n${c.markdown}`).join('\n'));
    const expected = expectedBodyText(fs.readFileSync(SEED, 'utf8'), report);
    expect(actual.length).toBeGreaterThan(14000);
    expect(actual).toBe(expected);
  });

  it('builds the document: chapters numbered by the builder, the appendix tables from the rows', () => {
    const doc = buildDocument(data, 'zh');
    const h1 = doc.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { number: string; text: string }).number + (b as { text: string }).text);
    expect(h1).toEqual(['总则', '第一章现状与形势', '第二章指导思想、基本原则与规划目标', '第三章全面推进绿色矿山建设', '第四章积极推进绿色勘查', '第五章创建绿色矿业发展示范区', '第六章保障措施']);
    expect(doc.appendices.map((a) => [a.label, a.key, a.rows.length])).toEqual([['附表 1', 'reserves', 3], ['附表 2', 'green_mines', 48], ['附表 3', 'indicators', 8], ['附表 4', 'zone_points', 12]]);
  });

  it('refuses to overwrite a file and leaves nothing behind on failure', async () => {
    await expect(adoptPlan(SEED, file)).rejects.toThrow(/project.exists/);
    const dir = tmpDir();
    const bad = path.join(dir, 'x.txt');
    fs.writeFileSync(bad, '没有章节的一段文字。\n');
    await expect(adoptPlan(bad, path.join(dir, 'x.gmplan'))).rejects.toThrow(/adopt.no_chapters/);
    expect(fs.readdirSync(dir)).toEqual(['x.txt']);
  });

  it('moves the bound years to a new period, but keeps the base year the tables are as of', async () => {
    const f = path.join(tmpDir(), 'next.gmplan');
    const r = await adoptPlan(SEED, f, { period: '2026-2030' });
    // the rows are the old plan's (end of 2021): "截至 2025 年底" over them would be an invented date
    expect(r.period).toMatchObject({ base: 2021, start: 2026, end: 2030, near: 2030, far: 2040 });
    expect(r.notices.find((n) => n.kind === 'baseYearKept')?.message).toContain('基准年保留为 2021 年');
    // the mine table is the green-mine list only: the report says the whole-plan counts stay as written
    expect(r.notices.find((n) => n.kind === 'minesPartial')?.message).toContain('矿山表只有原文附表列出的 48 个矿山');
    const d = readPlanFile(f);
    const chapters = composeChapters(d, 'zh', (k) => k, computeFacts(d));
    expect(chapters[0].markdown).toContain('《规划》基期为 2021 年，近期目标年为 2030 年，展望至 2040 年。');
    expect(chapters[1].markdown).toContain('截至 2021 年底，全旗共有矿山 82 个');
    expect(chapters.map((c) => c.markdown).join('')).not.toContain('截至 2025 年底');
  });
});
