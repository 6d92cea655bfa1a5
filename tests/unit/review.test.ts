// Revisions and review: known edits give exactly those changes; the redline accepts to the newer
// text and rejects to the older, in our reading of the XML and in LibreOffice itself.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBannerSample } from '../../main/sample/build-sample.ts';
import { Project } from '../../main/store/project.ts';
import { listRevisions, restoreRevision, revisionData, saveRevision } from '../../main/review/revisions.ts';
import { alignBlocks, comparePlans } from '../../main/review/compare.ts';
import { renderRedlineDocx } from '../../main/review/redline-docx.ts';
import { exportChapters, importChapters } from '../../main/review/chapter-files.ts';
import { buildDocument } from '../../main/document/build.ts';
import { deleteRow, insertRow, updateRow } from '../../main/store/row-repo.ts';
import { updateChapterText, listChapters } from '../../main/store/plan-repo.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { acceptAll, paragraphsText, rejectAll } from './redline-utils.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-review-');
const file = path.join(dir, 'plan.gmplan');
const o = { author: '审查组', date: '2026-11-24T00:00:00Z' };
const xmlOf = (buf: Buffer) => strFromU8(unzipSync(buf)['word/document.xml']);

/** v1 = the sample; v2 = a sentence rewritten (both languages), a paragraph moved, a mine's scale changed, a licence changed, a row added, a row deleted. */
beforeAll(async () => {
  await writeBannerSample(file);
  const p = Project.open(file);
  // two test licences (the bundled sample has none): one whose area changes, one whose mine is deleted
  p.tx(() => {
    const first = p.db.prepare('SELECT id FROM mines ORDER BY id LIMIT 1').get() as { id: number };
    const clay = p.db.prepare("SELECT id FROM mines WHERE name_zh = '示例砖瓦用粘土矿 02'").get() as { id: number };
    insertRow(p.db, 'licences', { number: 'C1500002009000000007919', mine_id: first.id, area_km2: 12.5, valid_from: '2016-03-01', valid_to: '2046-03-01' });
    insertRow(p.db, 'licences', { number: 'C1500002009000000625601', mine_id: clay.id, area_km2: 0.4, valid_from: '2016-03-01', valid_to: '2046-03-01' });
  });
  saveRevision(p, 'v1', '初稿');
  p.tx(() => {
    const body = (key: string, lang: 'zh' | 'en') => listChapters(p.db, lang).find((c) => c.key === key)!.body;
    updateChapterText(p.db, 'exploration', 'zh', { body: body('exploration', 'zh').replace('最大限度减少勘查活动对生态环境的扰动。', '把勘查活动对生态环境的扰动降到最低。') });
    updateChapterText(p.db, 'exploration', 'en', { body: body('exploration', 'en').replace('Ecological protection comes first', 'Protecting the ecology comes first') });
    // move the last paragraph of the safeguards chapter to its front
    const sg = body('safeguards', 'zh').trim().split(/\n\s*\n/);
    const moved = [sg[sg.length - 2], sg[sg.length - 1]];
    updateChapterText(p.db, 'safeguards', 'zh', { body: [...moved, ...sg.slice(0, -2)].join('\n\n') + '\n' });
    const m = p.db.prepare("SELECT id FROM mines WHERE name_zh = '示例煤矿 13'").get() as { id: number };
    updateRow(p.db, 'mines', m.id, { scale_class: 'medium', scale_value: 60 });
    const l = p.db.prepare('SELECT id FROM licences ORDER BY id LIMIT 1').get() as { id: number };
    updateRow(p.db, 'licences', l.id, { area_km2: 14.5 });
    insertRow(p.db, 'mines', { name_zh: '示例石料厂 新增', mineral: '建筑用石料', status: 'construction', scale_value: 3, scale_unit: '10km3_a', scale_class: 'small', method: 'open_pit' });
    const d = p.db.prepare("SELECT id FROM mines WHERE name_zh = '示例砖瓦用粘土矿 02'").get() as { id: number };
    deleteRow(p.db, 'mines', d.id);
  });
  saveRevision(p, 'v2', '审查后');
  p.close();
});

function sides() {
  const p = Project.open(file, { readonly: true });
  const a = revisionData(p, 'v1').data;
  const b = revisionData(p, 'v2').data;
  p.close();
  return { a, b };
}

describe('comparison', () => {
  it('lists exactly the edits made, plus the derived figures that moved', () => {
    const { a, b } = sides();
    const d = comparePlans(a, b);
    // the moved section is a heading and its paragraph: two blocks moved
    expect(d.chapters.map((c) => `${c.chapter}.${c.lang} ${c.kind}`).sort()).toEqual(['exploration.en changed', 'exploration.zh changed', 'safeguards.zh moved', 'safeguards.zh moved']);
    const zh = d.chapters.find((c) => c.chapter === 'exploration' && c.lang === 'zh')!;
    expect(zh.parts!.filter((p) => p.removed).map((p) => p.value).join('')).toBe('最大限度减少');
    expect(zh.parts!.filter((p) => p.added).map((p) => p.value).join('')).toBe('把降到最低');
    const en = d.chapters.find((c) => c.chapter === 'exploration' && c.lang === 'en')!;
    expect(en.parts!.filter((p) => p.added).map((p) => p.value.trim()).join(' ')).toBe('Protecting the ecology');
    expect(d.rows.map((r) => `${r.table} ${r.key} ${r.kind} ${r.cells.map((c) => c.column).join(',')}`).sort()).toEqual([
      'licences C1500002009000000007919 changed area_km2',
      'licences C1500002009000000625601 changed mine_id', // its mine was deleted
      'mines 示例煤矿 13 changed scale_value,scale_class',
      'mines 示例石料厂 新增 added ',
      'mines 示例砖瓦用粘土矿 02 removed ',
    ]);
    const derived = Object.fromEntries(d.derived.map((x) => [x.fact, [x.before, x.after]]));
    expect(derived['mines.byScale.medium.count']).toEqual([28, 29]);
    expect(derived['mines.byScale.medium.percent']).toEqual(['34.15', '35.37']);
    expect(derived['mines.byScale.small.percent']).toEqual(['28.05', '26.83']);
    expect(derived['mines.total']).toBeUndefined(); // one added, one removed
    expect(d.counts.tables.mines).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('aligns blocks: a moved paragraph is a move, not a delete and an add', () => {
    expect(alignBlocks(['a', 'b', 'c'], ['c', 'a', 'b']).filter((x) => x.kind !== 'same')).toEqual([{ kind: 'moved', before: 'c', after: 'c' }]);
    expect(alignBlocks(['a', 'b'], ['a', 'B']).filter((x) => x.kind !== 'same')).toEqual([{ kind: 'changed', before: 'b', after: 'B' }]);
  });
});

describe('redline Word file', () => {
  it('accept all gives the newer revision and reject all the older (both languages)', async () => {
    const { a, b } = sides();
    for (const lang of ['zh', 'en'] as const) {
      const A = buildDocument(a, lang);
      const B = buildDocument(b, lang);
      const red = xmlOf(await renderRedlineDocx(A, B, o));
      expect(red).toMatch(/<w:ins w:id="\d+" w:author="审查组" w:date="2026-11-24T00:\d\d:\d\dZ">/);
      expect(red).toMatch(/<w:delText xml:space="preserve">/);
      expect(red).toMatch(/<w:trPr><w:cantSplit\/><w:ins /); // an inserted table row
      expect(red).toMatch(/<w:trPr><w:cantSplit\/><w:del /); // a deleted table row
      const newer = xmlOf(await renderRedlineDocx(B, B, o));
      const older = xmlOf(await renderRedlineDocx(A, A, o));
      expect(newer).not.toMatch(/<w:(ins|del) /);
      expect(paragraphsText(acceptAll(red))).toEqual(paragraphsText(newer));
      expect(paragraphsText(rejectAll(red))).toEqual(paragraphsText(older));
    }
  });

  it('LibreOffice reads the changes as tracked changes; accepting them all gives the newer text, rejecting them all the older', async () => {
    const { a, b } = sides();
    const A = buildDocument(a, 'zh');
    const B = buildDocument(b, 'zh');
    const w = tmpDir('gmp-lo-');
    fs.writeFileSync(path.join(w, 'red.docx'), await renderRedlineDocx(A, B, o));
    fs.writeFileSync(path.join(w, 'new.docx'), await renderRedlineDocx(B, B, o));
    fs.writeFileSync(path.join(w, 'old.docx'), await renderRedlineDocx(A, A, o));
    const tool = path.resolve(__dirname, '../tools/lo_tracked.py');
    const run = (action: string, src: string, out: string) => Number(execFileSync('/usr/bin/python3', [tool, action, path.join(w, src), path.join(w, out), path.join(w, 'profile')], { encoding: 'utf8', timeout: 180_000 }).trim());
    const changes = run('accept', 'red.docx', 'accepted.txt');
    expect(changes).toBeGreaterThan(10);
    run('reject', 'red.docx', 'rejected.txt');
    expect(run('count', 'new.docx', 'new.txt')).toBe(0);
    run('count', 'old.docx', 'old.txt');
    const read = (f: string) => fs.readFileSync(path.join(w, f), 'utf8');
    expect(read('accepted.txt')).toBe(read('new.txt'));
    expect(read('rejected.txt')).toBe(read('old.txt'));
    expect(read('accepted.txt')).toContain('把勘查活动对生态环境的扰动降到最低');
    expect(read('rejected.txt')).toContain('最大限度减少勘查活动对生态环境的扰动');
  });
});

describe('revisions', () => {
  it('restoring a revision saves the current state first and is itself a new revision', () => {
    const f = path.join(tmpDir(), 'r.gmplan');
    fs.copyFileSync(file, f);
    const p = Project.open(f);
    const before = listRevisions(p).length;
    restoreRevision(p, 'v1');
    const list = listRevisions(p);
    expect(list).toHaveLength(before + 2);
    expect(list[list.length - 2].name).toMatch(/^v1 恢复前/);
    expect(list[list.length - 1].name).toMatch(/^v1 已恢复/);
    const now = loadPlanData(p.db);
    expect(comparePlans(revisionData(p, 'v1').data, now).rows).toEqual([]);
    // the state before the restore is still there
    expect(comparePlans(revisionData(p, list[list.length - 2].id).data, revisionData(p, 'v2').data).rows).toEqual([]);
    expect(() => saveRevision(p, 'v1')).toThrow(GmpError);
    expect(() => revisionData(p, 'nope')).toThrow(GmpError);
    p.close();
  });
});

describe('chapters as Markdown files', () => {
  it('round-trips and refuses a malformed file with its line, leaving the plan unchanged', () => {
    const f = path.join(tmpDir(), 'c.gmplan');
    fs.copyFileSync(file, f);
    const p = Project.open(f);
    const out = tmpDir('gmp-ch-');
    const files = exportChapters(p, out);
    expect(files).toHaveLength(14);
    expect(importChapters(p, out).filter((c) => c.changed)).toEqual([]);
    const target = files.find((x) => x.endsWith('-status.zh.md'))!;
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace('全{{ plan.kind }}国土总面积', '全{{ plan.kind 国土总面积'));
    const before = listChapters(p.db);
    try {
      importChapters(p, out);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(GmpError);
      expect((e as GmpError).code).toBe('template.syntax');
      expect((e as GmpError).location?.line).toBe(7); // the line in the file, title included
    }
    expect(listChapters(p.db)).toEqual(before);
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace('全{{ plan.kind 国土总面积', '全{{ plan.kind }}国土总面积'));
    fs.writeFileSync(path.join(out, 'status.zh.md'), '# x');
    expect(() => importChapters(p, out)).toThrow(/bad_chapter_name/);
    p.close();
  });
});
