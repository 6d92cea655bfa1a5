// The adoption report speaks the user's language: the summary lines, the --json report's messages
// (located table errors, the fact a contradiction is about) and the .docx report. Only the old plan's
// own words (chapter titles, captions, the quoted context) stay as the document wrote them.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { adoptPlan, type AdoptReport } from '../../main/adopt/adopt.ts';
import { adoptSummary } from '../../main/adopt/summary.ts';
import { renderAdoptReportDocx } from '../../main/adopt/report-docx.ts';
import { tmpDir } from './helpers.ts';

const FX = path.resolve(__dirname, '../fixtures/adopt');
const dir = tmpDir('gmp-adopt-report-');

/** The document's words minus those the old plan wrote itself. */
function ownWords(xml: string, r: AdoptReport): string {
  let text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
  const theirs = [r.cover.title, r.source, ...r.chapters.map((c) => c.title), ...r.tables.flatMap((t) => [t.label, t.title]),
    ...r.chapters.flatMap((c) => c.figures.flatMap((f) => [f.context, f.text])), ...r.findings.flatMap((f) => [f.chapter, f.context, f.text])]
    .filter(Boolean).sort((a, b) => b.length - a.length);
  for (const w of theirs) text = text.split(w.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('');
  return text;
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('adoption report in the user language', () => {
  const reports = {} as Record<'zh' | 'en', AdoptReport>;
  beforeAll(async () => {
    for (const lang of ['zh', 'en'] as const) reports[lang] = await adoptPlan(path.join(FX, 'district-plan.txt'), path.join(dir, `d-${lang}.gmplan`), { lang });
  });

  it('the same findings, worded in each language', () => {
    const [zh, en] = [reports.zh, reports.en];
    expect(en.totals).toEqual(zh.totals);
    expect(en.findings.length).toBeGreaterThan(0);
    expect(en.findings[0].factLabel).toMatch(/^[A-Za-z]/);
    expect(zh.findings[0].factLabel).toMatch(CJK);
    const enLines = adoptSummary(en, 'en');
    expect(enLines[0]).toMatch(/chapters; \d+ tables as rows/);
    expect(enLines.find((l) => l.includes('Contradiction:'))).toContain(en.findings[0].factLabel);
    expect(adoptSummary(zh, 'zh')[0]).toMatch(/章，表格 \d+ 张转为数据/);
  });

  it('located table errors are in the user language', async () => {
    const r = await adoptPlan(path.join(FX, 'banner-seed.txt'), path.join(dir, 'seed-en.gmplan'), { lang: 'en' });
    const zh = await adoptPlan(path.join(FX, 'banner-seed.txt'), path.join(dir, 'seed-zh.gmplan'), { lang: 'zh' });
    const enMsgs = r.tables.flatMap((t) => t.errors.map((e) => e.message));
    const zhMsgs = zh.tables.flatMap((t) => t.errors.map((e) => e.message));
    expect(enMsgs.length).toBe(zhMsgs.length);
    for (const [i, m] of enMsgs.entries()) expect(m).not.toBe(zhMsgs[i]);
  });

  it('the .docx report has no Chinese of its own in English, and is Chinese in Chinese', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const buf = await renderAdoptReportDocx(reports[lang], lang);
      const file = path.join(dir, `report-${lang}.docx`);
      fs.writeFileSync(file, buf);
      const xml = strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']);
      const own = ownWords(xml, reports[lang]);
      if (lang === 'en') {
        expect(own).toMatch(/Adoption report/);
        expect(own).toMatch(/Text contradicting the tables/);
        expect(own.split('\n').filter((l) => CJK.test(l))).toEqual([]);
      } else {
        expect(own).toMatch(/导入报告/);
        expect(own).toMatch(/与表格矛盾/);
      }
    }
  });
});
