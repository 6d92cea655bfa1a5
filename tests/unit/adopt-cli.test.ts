// One door for adopting: `gmp adopt` runs the same job as the start screen (adopt.start → status →
// commit, every argument through the contract); no one-shot method beside it. The project and the
// .docx report are written, the pending copy and its folder are gone, an existing plan is not
// replaced without --force (and the adoption is dropped), a period the contract refuses is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { METHODS } from '../../main/api/contract.ts';
import { readPlanFile, tmpDir } from './helpers.ts';

const SEED = path.resolve(__dirname, '../fixtures/adopt/banner-seed.txt');

async function gmp(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('gmp adopt through the adoption job', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has one door: the job methods, no one-shot plan.adopt', () => {
    expect(Object.keys(METHODS)).not.toContain('plan.adopt');
    expect(Object.keys(METHODS)).toEqual(expect.arrayContaining(['adopt.start', 'adopt.status', 'adopt.commit', 'adopt.discard']));
  });

  it('writes the project and the report, leaves nothing pending, refuses to replace, refuses a bad period', async () => {
    const dir = tmpDir('gmp-adopt-cli-');
    const file = path.join(dir, 'new.gmplan');
    const report = path.join(dir, 'report.docx');
    const r = await gmp(['adopt', SEED, file, '--json', '--report', report]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { format: string; totals: { bound: number; tablesAsRows: number } };
    expect(json.format).toBe('txt');
    expect(json.totals.tablesAsRows).toBe(4);
    expect(readPlanFile(file).mines).toHaveLength(48);
    expect(fs.readFileSync(report).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).sort()).toEqual(['new.gmplan', 'report.docx']);

    const before = fs.statSync(file).mtimeMs;
    const again = await gmp(['adopt', SEED, file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('new.gmplan');
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['new.gmplan', 'report.docx']);

    const bad = await gmp(['adopt', SEED, path.join(dir, 'other.gmplan'), '--period', '2026']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/period/);
    expect(fs.existsSync(path.join(dir, 'other.gmplan'))).toBe(false);

    const forced = await gmp(['adopt', SEED, file, '--force', '--period', '2026-2030']);
    expect(forced.code).toBe(0);
    expect(readPlanFile(file).plan).toMatchObject({ period_start: 2026, period_end: 2030 });
  }, 120_000);
});
