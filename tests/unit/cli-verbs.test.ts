// The gmp verbs as clients of the API (main/api): each one works end to end through it, and the
// command exits quietly when its reader stops early (`gmp … | head`).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from './helpers.ts';
import { LICENCE_HEADER, writeLicenceCsv } from '../bench/licence-csv.ts';

const GMP = path.resolve(__dirname, '../../bin/gmp.mjs');
const FX = path.resolve(__dirname, '../fixtures');
const dir = tmpDir('gmp-verbs-');
const sample = path.join(dir, 's.gmplan');
const district = path.join(dir, 'd.gmplan');

function gmp(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [GMP, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  expect(gmp(['sample', sample]).code).toBe(0);
  expect(gmp(['new', district, '--template', 'district', '--name', '某某区']).code).toBe(0);
}, 120_000);

describe('gmp verbs through the API', () => {
  it('exits quietly when the reader of its output stops early', () => {
    const cmd = `"${process.execPath}" "${GMP}" diff "${sample}" "${district}" --json | head -c 64 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
    // the diff's JSON is larger than a pipe's buffer (64 KiB): the write after head has gone fails with EPIPE
    expect(gmp(['diff', sample, district, '--json']).out.length).toBeGreaterThan(100_000);
    expect(r.stdout.trim()).toBe('rc=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  }, 120_000);

  it('check --docx, revisions, chapter files and a table as xlsx', () => {
    const c = gmp(['check', sample, '--docx', path.join(dir, 'findings.docx')]);
    expect(c.code).toBe(0);
    expect(c.out).toContain('row.sample_data');
    expect(fs.existsSync(path.join(dir, 'findings.docx'))).toBe(true);
    expect(gmp(['revision', sample, 'save', 'v1', '--note', '初稿']).code).toBe(0);
    expect(gmp(['revision', sample, 'list']).out).toMatch(/^1\tv1\t.*\t初稿$/m);
    const chapters = path.join(dir, 'chapters');
    fs.mkdirSync(chapters);
    expect(gmp(['chapters', 'export', sample, chapters]).out.trim().split('\n')).toHaveLength(14);
    expect(gmp(['chapters', 'import', sample, chapters]).out).toContain('更新 0 个');
    expect(gmp(['export-table', sample, 'mines_status', path.join(dir, 't.xlsx')]).code).toBe(0);
    // a refusal of the API is one line, in the user's language
    const bad = gmp(['export-table', sample, 'mines_status', path.join(dir, 't.csv')], { GMP_LANG: 'en' });
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  }, 400_000); // nine gmp runs in child processes on a shared machine

  it('imports an office table with 0 refused rows, through the API', () => {
    const dry = gmp(['import', district, path.join(FX, 'office-plan.xlsx'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/错误 0 处/);
    expect(dry.out).toContain('（预览，未写入）');
    const r = gmp(['import', district, path.join(FX, 'office-licences.xlsx'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { written: boolean; errors: unknown[] };
    expect(json.written).toBe(true);
    expect(json.errors).toEqual([]);
    expect(JSON.parse(gmp(['info', district, '--json']).out).licences).toBe(41);
  }, 120_000);

  it('runs an import as the import job of the API: progress on stderr after a second, a refused file in one line', () => {
    const plan = path.join(dir, 'job.gmplan');
    expect(gmp(['new', plan, '--template', 'district', '--name', '作业区']).code).toBe(0);
    const csv = path.join(dir, 'many.csv');
    // enough rows to take more than a second on a fast machine (about 2 s at low load)
    writeLicenceCsv(csv, 40_000);
    const r = gmp(['import', plan, csv, '--table', 'licences']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('40000');
    // stderr is not a terminal here: one line per report, the stage and the share done
    expect(r.err).toMatch(/^(读取|导入行) \d+%$/m);
    expect(JSON.parse(gmp(['info', plan, '--json']).out).licences).toBe(40_000);
    const wide = path.join(dir, 'wide.csv');
    fs.writeFileSync(wide, `${LICENCE_HEADER}\n${'x,'.repeat(1500)}x\n`);
    const bad = gmp(['import', plan, wide]);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toContain('1000');
  }, 240_000);
});
