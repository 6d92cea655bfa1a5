// A template never crashes on missing data: every bundled template, on a brand-new empty plan,
// previews and exports docx and pdf in zh and en, with each unset value shown as a placeholder
// in the preview and in both exports, and listed by the checks with its chapter and line.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listTemplateIds } from '../../main/compose/templates.ts';
import { composeChapters } from '../../main/compose/compose.ts';
import { buildDocument } from '../../main/document/build.ts';
import { runChecks } from '../../main/checks/run-checks.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const GMP = path.resolve(__dirname, '../../bin/gmp.mjs');
const dir = tmpDir('gmp-placeholders-');

function gmp(args: string[]) {
  const r = spawnSync(process.execPath, [GMP, ...args], { encoding: 'utf8', env: { ...process.env, GMP_LANG: 'en' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function read(file: string): PlanData {
  const p = Project.open(file, { readonly: true });
  try {
    return loadPlanData(p.db);
  } finally {
    p.close();
  }
}

const AREA = { zh: '【待填：行政区面积】', en: '[to fill: jurisdiction area]' };
const INDICATORS = { zh: '【待填：规划指标（指标表）】', en: '[to fill: planning indicators (the indicator table)]' };
const MINES = { zh: '【待填：矿山现状（矿山表）】', en: '[to fill: mines (the mine table)]' };
const PARENT = { zh: '【待填：所属市（盟）】', en: '[to fill: parent city / league]' };

describe.each(listTemplateIds())('template %s on a new empty plan', (id) => {
  const file = path.join(dir, `${id}.gmplan`);

  it('is created by gmp new', () => {
    const r = gmp(['new', file, '--template', id, '--name', id === 'banner' ? '某某旗' : '某某区']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it.each(['zh', 'en'] as const)('previews and exports docx and pdf in %s, placeholders shown and listed', (lang) => {
    const data = read(file);
    const doc = buildDocument(data, lang);
    const text = JSON.stringify(doc.body);
    expect(text).toContain(PARENT[lang]);
    if (id === 'banner') expect(text).toContain(AREA[lang]);
    expect(doc.gaps!.filter((g) => g.kind !== 'unset')).toEqual([]);
    // tables not entered yet are said to be missing: no count of nothing turned into shares of 0.00 %
    expect(text).toContain(MINES[lang]);
    expect(text).not.toMatch(/0\.00 ?%/);
    // an appendix table of an empty data table says so in one row (not a bare header, not a total of 0.00)
    const whole = JSON.stringify(doc);
    expect(whole).toContain(INDICATORS[lang]);
    expect(whole).not.toMatch(/"(合计|Total)"[^\]]{0,200}"0\.00"/);

    const out = path.join(dir, `out-${id}-${lang}`);
    const r = gmp(['export', file, '--lang', lang, '--format', 'docx,pdf', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = fs.readdirSync(out);
    const docx = path.join(out, files.find((f) => f.endsWith('.docx'))!);
    const pdf = path.join(out, files.find((f) => f.endsWith('.pdf'))!);
    const xml = strFromU8(unzipSync(fs.readFileSync(docx))['word/document.xml']);
    expect(xml).toContain(PARENT[lang]);
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdfText).toContain(PARENT[lang].replace(/\s+/g, ''));
    if (id === 'banner') {
      expect(xml).toContain(AREA[lang]);
      expect(pdfText).toContain(AREA[lang].replace(/\s+/g, ''));
    }
  }, 120_000);

  it('the checks list each placeholder with its chapter and line', () => {
    const data = read(file);
    const findings = runChecks(data).filter((f) => f.rule === 'template.placeholder');
    const all = (['zh', 'en'] as const).flatMap((lang) => composeChapters(data, lang, () => '').flatMap((c) => c.gaps));
    // a table not entered yet ({{ "licence_table" | todo }}) is listed by its own rule
    const gaps = all.filter((g) => !g.path.startsWith('todo.'));
    expect(findings.length).toBe(gaps.length);
    expect(runChecks(data).filter((f) => f.rule === 'template.missing_data').length).toBe(all.length - gaps.length);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.severity).toBe('warning');
      expect(f.chapter!.line).toBeGreaterThan(0);
      expect(f.message.zh).toContain(`第 ${f.chapter!.line} 行`);
    }
    const parent = findings.find((f) => f.chapter!.lang === 'zh' && f.message.zh.includes(PARENT.zh));
    expect(parent).toBeDefined();
    // the line named is the line of the chapter source that binds it
    const ch = data.chapters.find((c) => c.key === parent!.chapter!.key && c.lang === 'zh')!;
    expect(ch.body.split('\n')[(parent!.chapter!.line ?? 0) - 1]).toContain('plan.parent');
    const r = gmp(['check', file]);
    expect(r.out).toContain('[to fill: parent city / league]');
  });
});

describe('placeholders inside loops and typos', () => {
  it('an unknown field, also of a loop variable, is a placeholder located by chapter and line', async () => {
    const { data } = await samplePlan();
    const chapters = data.chapters.filter((c) => c.lang === 'zh').slice(0, 1)
      .map((c) => ({ ...c, body: 'a\n\n{% for s in f.exploration.stages %}{{ s.key }}={{ s.kye }};{% endfor %}\n\n{{ plann.name }}，{{ f.mines.total | num }}' }));
    const [ch] = composeChapters({ ...data, chapters }, 'zh', () => '');
    expect(ch.markdown).toContain('【未知数据项：plann.name】');
    expect(ch.markdown).toMatch(/=【未知数据项：f\.exploration\.stages\.0\.kye】;/);
    expect(ch.markdown).toContain('，82');
    expect(ch.gaps.find((g) => g.path === 'plann.name')).toMatchObject({ kind: 'unknown', line: 5 });
    expect(ch.gaps.find((g) => g.path.endsWith('.kye'))).toMatchObject({ kind: 'unknown', line: 3 });
  });
});
