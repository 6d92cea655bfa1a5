// Durability: a studio process killed with SIGKILL at any moment loses no edit it acknowledged, and
// an import killed half-way leaves none of its rows (all or nothing); the plan opens cleanly after.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { Project } from '../../main/store/project.ts';
import { writeLicenceCsv } from '../bench/licence-csv.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-kill9-');
const child = path.resolve('tests/tools/edit-child.ts');

/** Runs the editing process until `acks` lines matched `until`, then kills it with SIGKILL; returns every ack it printed. */
function runAndKill(plan: string, start: number, until: (acks: string[]) => boolean, importFile?: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, plan, dir, String(start), ...(importFile ? [importFile] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: string[] = [];
    let buf = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acks.push(l.slice(4));
      if (until(acks) && p.exitCode === null) p.kill('SIGKILL');
    });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    // also between outputs (an import acknowledges only at its end)
    const timer = setInterval(() => { if (until(acks) && p.exitCode === null) p.kill('SIGKILL'); }, 25);
    p.on('exit', (code, signal) => (clearInterval(timer), signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child ended ${code} ${signal}: ${err.slice(0, 500)}`))));
  });
}

describe('kill -9', () => {
  it('loses no acknowledged edit over repeated kills, and a killed import leaves nothing half-written', async () => {
    const plan = path.join(dir, 'p.gmplan');
    await createPlanFile(plan, defaultPlan('district', '测试区'));
    const acked: string[] = [];
    let next = 1;
    for (let round = 0; round < 4; round++) {
      // kill after a varying number of acknowledged edits, at whatever point the next one has reached
      const want = 20 + round * 37;
      const got = await runAndKill(plan, next, (a) => a.length >= want);
      acked.push(...got);
      next += got.length + 1; // the edit in flight may or may not have landed: its name is not reused
    }
    // an import of 30,000 licence rows, killed while it writes: none of its rows, and every edit before it, remain
    const csv = path.join(dir, 'lic.csv');
    writeLicenceCsv(csv, 30_000);
    // killed a moment after the import began (by then it reads or writes; if it was quicker, it was acknowledged whole)
    let began = 0;
    const duringImport = await runAndKill(plan, next, (a) => {
      if (a.includes('importing')) began ||= Date.now();
      return began > 0 && Date.now() - began > 300;
    }, csv);
    const imported = duringImport.includes('import');
    const p = Project.open(plan, { readonly: true });
    try {
      const names = new Set((p.db.prepare('SELECT name_zh FROM mines').all() as { name_zh: string }[]).map((r) => r.name_zh));
      const lost = acked.filter((n) => !names.has(`编辑${n}`));
      expect(acked.length).toBeGreaterThan(100);
      expect(lost).toEqual([]);
      expect((p.db.prepare('SELECT COUNT(*) AS n FROM licences').get() as { n: number }).n).toBe(imported ? 30_000 : 0);
      expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      p.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
