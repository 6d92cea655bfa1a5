// A file import streams its rows (a CSV straight from the reader, an .xlsx through a staging area) and
// writes them in batches inside one transaction: the result stays compact (complete counts and totals,
// the first rows listed), a row refused near the end leaves the plan exactly as it was, and no staging
// area is left afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, LISTED } from '../../main/import/import-plan.ts';
import { BATCH_ROWS } from '../../main/import/staging.ts';
import { readSheets } from '../../main/import/read-sheets.ts';
import { describeImportSummary } from '../../main/import/describe.ts';
import { StudioService } from '../../main/api/service.ts';
import { METHODS } from '../../main/api/contract.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { Project } from '../../main/store/project.ts';
import { LICENCE_HEADER, licenceRow, writeLicenceCsv } from '../bench/licence-csv.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-stream-');
// this file's own temporary folder (a process of its own: vitest runs files in forks), so the staging
// areas seen here are this file's only
const scratch = path.join(dir, 'tmp');
fs.mkdirSync(scratch);
process.env.TMPDIR = scratch;
const count = (p: Project, t: string) => (p.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
const stagingDirs = () => {
  expect(os.tmpdir()).toBe(scratch);
  return fs.readdirSync(scratch).filter((f) => f.startsWith('gmp-import-')).sort();
};

async function newPlan(name: string): Promise<Project> {
  const file = path.join(dir, `${name}.gmplan`);
  await createPlanFile(file, defaultPlan('district', '测试区'));
  return Project.open(file);
}

describe('streamed import', () => {
  const rows = BATCH_ROWS * 2 + 300; // three batches

  it('lists the first rows only, with complete counts and totals, and reports progress per batch', async () => {
    const csv = path.join(dir, 'many.csv');
    writeLicenceCsv(csv, rows);
    const p = await newPlan('many');
    const before = stagingDirs();
    const seen: number[] = [];
    const tempStore = p.db.pragma('temp_store', { simple: true });
    try {
      const r = await importFile(p, csv, { table: 'licences', onProgress: (stage, f) => { if (stage === 'rows') seen.push(f); } });
      // the plan's connection keeps statement journals in memory (set once, with the connection), and an import leaves the setting as it was
      expect(tempStore).toBe(2);
      expect(p.db.pragma('temp_store', { simple: true })).toBe(tempStore);
      expect(r.written).toBe(true);
      expect(r.counts.licences).toEqual({ add: rows, update: 0 });
      expect(r.counts.mines).toEqual({ add: rows, update: 0 });
      expect(r.totals.changes).toBe(2 * rows);
      expect(r.changes).toHaveLength(LISTED);
      expect(r.totals.notices).toBeGreaterThan(LISTED);
      expect(r.notices).toHaveLength(LISTED);
      expect(count(p, 'licences')).toBe(rows);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen.at(-1)).toBe(1);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
      expect(describeImportSummary(r, 'zh')).toContain(`前 ${LISTED} 项修改`);
      expect(stagingDirs()).toEqual(before);
    } finally {
      p.close();
    }
  });

  it('a row refused in the last batch leaves the plan untouched; with skip, only that row is left out', async () => {
    const csv = path.join(dir, 'bad-last.csv');
    const lines = Array.from({ length: rows }, (_, i) => licenceRow(i));
    lines[rows - 2] = lines[rows - 2].replace(/C15\d{20}/, 'C15-not-a-number');
    fs.writeFileSync(csv, `${LICENCE_HEADER}\n${lines.join('\n')}\n`);
    const p = await newPlan('bad-last');
    try {
      const mines = count(p, 'mines');
      const r = await importFile(p, csv, { table: 'licences' });
      expect(r.written).toBe(false);
      expect(r.totals.errors).toBe(1);
      expect(r.errors[0]).toMatchObject({ row: rows, column: '采矿许可证号', code: 'value.licence_number' });
      expect(count(p, 'licences')).toBe(0);
      expect(count(p, 'mines')).toBe(mines);
      expect(count(p, 'cell_marks')).toBe(0);
      expect(p.db.inTransaction).toBe(false);
      const skipped = await importFile(p, csv, { table: 'licences', skipErrors: true });
      expect(skipped.written).toBe(true);
      expect(skipped.skippedRows).toEqual([rows]);
      expect(count(p, 'licences')).toBe(rows - 1);
    } finally {
      p.close();
    }
  });

  it('a CSV the reader refuses after rows were written (a malformed last line) leaves the plan untouched', async () => {
    const csv = path.join(dir, 'bad-line-last.csv');
    const lines = Array.from({ length: rows }, (_, i) => licenceRow(i));
    fs.writeFileSync(csv, `${LICENCE_HEADER}\n${lines.join('\n')}\nC15x,"unterminated\n`);
    const p = await newPlan('bad-line-last');
    try {
      const mines = count(p, 'mines');
      await expect(importFile(p, csv, { table: 'licences' })).rejects.toMatchObject({ code: 'import.bad_csv_line' });
      expect(count(p, 'licences')).toBe(0);
      expect(count(p, 'mines')).toBe(mines);
      expect(count(p, 'cell_marks')).toBe(0);
      expect(p.db.inTransaction).toBe(false);
      // the plan takes the next import as usual
      const ok = path.join(dir, 'after-bad.csv');
      writeLicenceCsv(ok, 10);
      expect((await importFile(p, ok, { table: 'licences' })).written).toBe(true);
      expect(count(p, 'licences')).toBe(10);
    } finally {
      p.close();
    }
  });

  it('a licence the file names twice is added, then updated by its second row (new licences are written in groups)', async () => {
    const csv = path.join(dir, 'twice.csv');
    const lines = Array.from({ length: 120 }, (_, i) => licenceRow(i));
    // row 121 repeats the licence of data row 100 (still unwritten in its group) with another area
    const again = licenceRow(99).split(',');
    again[0] = '121';
    again[3] = '7.5000';
    lines.push(again.join(','));
    fs.writeFileSync(csv, `${LICENCE_HEADER}\n${lines.join('\n')}\n`);
    const p = await newPlan('twice');
    try {
      const r = await importFile(p, csv, { table: 'licences' });
      expect(r.errors).toEqual([]);
      expect(r.counts.licences).toEqual({ add: 120, update: 1 });
      expect(count(p, 'licences')).toBe(120);
      const row = p.db.prepare('SELECT area_km2, sort FROM licences WHERE number = ?').get(again[1]) as { area_km2: number; sort: number };
      expect(row).toEqual({ area_km2: 7.5, sort: 100 });
      const ids = (p.db.prepare('SELECT id FROM licences ORDER BY sort').all() as { id: number }[]).map((x) => x.id);
      expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    } finally {
      p.close();
    }
  });

  it('a CSV read as it is imported is decoded as one encoding throughout: GB18030 text after 1 MB of ASCII', async () => {
    const csv = path.join(dir, 'late-gbk.csv');
    const ascii = Array.from({ length: 40_000 }, (_, i) => `row${i},${'x'.repeat(20)}`).join('\n');
    // 矿山 in GB18030: not valid UTF-8, and only after the first megabyte
    fs.writeFileSync(csv, Buffer.concat([Buffer.from(`a,b\n${ascii}\n`), Buffer.from([0xbf, 0xf3, 0xc9, 0xbd]), Buffer.from(',end\n')]));
    expect(fs.statSync(csv).size).toBeGreaterThan(1024 * 1024);
    const [sheet] = await readSheets(csv);
    expect(sheet.rows.at(-1)).toEqual(['矿山', 'end']);
    expect(sheet.rows[1]).toEqual(['row0', 'x'.repeat(20)]);
  });

  it('a preview writes nothing, and a refused file leaves no staging area behind', async () => {
    const csv = path.join(dir, 'preview.csv');
    writeLicenceCsv(csv, 500);
    const p = await newPlan('preview');
    const before = stagingDirs();
    try {
      const r = await importFile(p, csv, { table: 'licences', dryRun: true });
      expect(r.written).toBe(false);
      expect(r.counts.licences.add).toBe(500);
      expect(count(p, 'licences')).toBe(0);
      const wide = path.join(dir, 'wide.csv');
      fs.writeFileSync(wide, `${LICENCE_HEADER}\n${'x,'.repeat(1500)}x\n`);
      await expect(importFile(p, wide)).rejects.toMatchObject({ code: 'import.too_many_columns' });
      expect(stagingDirs()).toEqual(before);
    } finally {
      p.close();
    }
  });
});

describe('import as a job', () => {
  it('is the one import door of the API: start and status, nothing beside them', () => {
    expect(Object.keys(METHODS).filter((m) => m.startsWith('import.')).sort()).toEqual(['import.start', 'import.status']);
  });

  it('start → status with a rising fraction → result; other calls on the plan are refused while it writes', async () => {
    const service = new StudioService({ workspace: path.join(dir, 'ws'), configDir: path.join(dir, 'cfg'), remember: false });
    expect((await dispatch(service, 'plan.create', { templateId: 'district', name: '作业区' })).ok).toBe(true);
    const csv = path.join(dir, 'job.csv');
    const rows = BATCH_ROWS * 3;
    writeLicenceCsv(csv, rows);
    const started = await dispatch(service, 'import.start', { file: csv, table: 'licences' }, 'en');
    expect(started.ok).toBe(true);
    const { jobId } = (started as { result: { jobId: string } }).result;
    const fractions: number[] = [];
    const stages = new Set<string>();
    type Refusal = { ok: boolean; error?: { code: string; message: string } };
    let refused: Refusal | null = null;
    let job: { done: boolean; stage: string; fraction: number; result?: { written: boolean; counts: Record<string, { add: number }>; summary: string } } = { done: false, stage: 'queued', fraction: 0 };
    for (let i = 0; i < 3000 && !job.done; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = ((await dispatch(service, 'import.status', { jobId })) as { result: typeof job }).result;
      fractions.push(job.fraction);
      stages.add(job.stage);
      if (!job.done && job.stage === 'rows' && !refused) refused = (await dispatch(service, 'rows.insert', { table: 'mines', values: { name_zh: '插队矿', mineral: '煤' } }, 'en')) as Refusal;
    }
    expect(job.done).toBe(true);
    expect(job.result).toMatchObject({ written: true, counts: { licences: { add: rows } } });
    expect(job.result!.summary).toContain(`${rows} to add`);
    expect(stages.has('rows')).toBe(true);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    // a call that would have written inside the import's transaction was refused at once, in the caller's language
    expect(refused).toMatchObject({ ok: false, error: { code: 'import.running' } });
    expect(refused!.error!.message).toContain('still running');
    // afterwards the plan answers again, holds every row and no stray one, and the import is one undo step
    const mines = (await dispatch(service, 'rows.list', { table: 'mines' })) as { ok: true; result: { name_zh: string }[] };
    expect(mines.result).toHaveLength(rows);
    expect(mines.result.some((m) => m.name_zh === '插队矿')).toBe(false);
    expect((await dispatch(service, 'edit.undo', {})).ok).toBe(true);
    expect(((await dispatch(service, 'rows.list', { table: 'licences' })) as { result: unknown[] }).result).toHaveLength(0);
    // a finished job is handed over once
    expect((await dispatch(service, 'import.status', { jobId })).ok).toBe(false);
    // a failing import ends its job with the reason in both languages
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, `${LICENCE_HEADER}\n${'x,'.repeat(1500)}x\n`);
    const j2 = ((await dispatch(service, 'import.start', { file: bad })) as { result: { jobId: string } }).result.jobId;
    let failed: { done: boolean; error?: { code: string; message: { zh: string; en: string } } } = { done: false };
    for (let i = 0; i < 500 && !failed.done; i++) {
      await new Promise((r) => setTimeout(r, 20));
      failed = ((await dispatch(service, 'import.status', { jobId: j2 })) as { result: typeof failed }).result;
    }
    expect(failed.error?.code).toBe('import.too_many_columns');
    expect(failed.error?.message.zh).toContain('1000');
    expect((await dispatch(service, 'rows.list', { table: 'mines' })).ok).toBe(true);
    service.close();
  });
});
