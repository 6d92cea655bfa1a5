// One hot-path case in its own process (so its peak RSS is its own); prints one JSON line.
//   import N        a generated licence register of N rows, imported into a new district plan
//   coords N        parsing an N-character corner-point cell (a list of points)
//   points N        the PDF of a district plan whose one mine has a block of N corner points
//   bomb N          reading a 1 MB .xlsx of N rows (refused past the row limit)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { Project } from '../../main/store/project.ts';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { readSheets } from '../../main/import/read-sheets.ts';
import { parseCornerPoints } from '../../main/domain/coordinates.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { buildDocument } from '../../main/document/build.ts';
import { renderPdf } from '../../main/export/pdf/render-pdf.ts';
import { describeError } from '../../main/i18n/index.ts';
import { writeLicenceCsv } from './licence-csv.ts';
import { writeXlsxBomb } from './xlsx-bomb.ts';

const [kind, nText] = process.argv.slice(2);
const n = Number(nText);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-bench-hot-'));
const result: Record<string, unknown> = { kind, n };
try {
  if (kind === 'import') {
    // as the user runs it: through the API (a job followed to its end), into a new district plan,
    // recorded as one undo step
    const csv = path.join(dir, 'licences.csv');
    writeLicenceCsv(csv, n);
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg'), remember: false });
    const created = await dispatch(service, 'plan.create', { templateId: 'district', name: '测试区' });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const t = performance.now();
    const cpu = process.cpuUsage();
    const started = await dispatch(service, 'import.start', { file: csv, table: 'licences' });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const { jobId } = started.result as { jobId: string };
    type Job = { done: boolean; result?: { written: boolean; totals: { errors: number } }; error?: unknown };
    let job: Job = { done: false };
    while (!job.done) {
      await new Promise((r) => setTimeout(r, 10));
      const status = await dispatch(service, 'import.status', { jobId });
      if (!status.ok) throw new Error(JSON.stringify(status));
      job = status.result as Job;
    }
    result.ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    result.cpuMs = (used.user + used.system) / 1000;
    result.ok = !!job.result?.written && job.result.totals.errors === 0;
    if (job.error) result.error = job.error;
    await dispatch(service, 'plan.close', {});
  } else if (kind === 'coords') {
    const text = Array.from({ length: Math.ceil(n / 32) }, (_, i) => `${i + 1}, ${4_400_000 + i}.12, 37500000.${String(i % 100).padStart(2, '0')}`).join('; ').slice(0, n);
    const cut = text.slice(0, text.lastIndexOf(';'));
    const t = performance.now();
    result.points = parseCornerPoints(cut).length;
    result.ms = performance.now() - t;
    result.ok = true;
  } else if (kind === 'points') {
    const file = path.join(dir, 'p.gmplan');
    await createPlanFile(file, defaultPlan('district', '测试区'));
    const p = Project.open(file);
    const mine = Number(p.db.prepare("INSERT INTO mines (sort, name_zh, mineral, status) VALUES (1, '圆形矿', 'coal', 'producing')").run().lastInsertRowid);
    const block = Number(p.db.prepare("INSERT INTO blocks (sort, mine_id, name_zh, crs) VALUES (1, ?, '圆', 'cgcs2000')").run(mine).lastInsertRowid);
    const ins = p.db.prepare('INSERT INTO points(block_id, seq, label, x, y) VALUES (?, ?, ?, ?, ?)');
    p.tx(() => {
      for (let i = 0; i < n; i++) ins.run(block, i + 1, String(i + 1), 4_400_000 + 1000 * Math.cos((2 * Math.PI * i) / n), 37_500_000 + 1000 * Math.sin((2 * Math.PI * i) / n));
    });
    const data = loadPlanData(p.db);
    p.close();
    const t = performance.now();
    const buf = await renderPdf(buildDocument(data, 'zh'));
    result.ms = performance.now() - t;
    result.bytes = buf.length;
    result.ok = true;
  } else if (kind === 'bomb') {
    const file = path.join(dir, 'bomb.xlsx');
    writeXlsxBomb(file, n);
    result.bytes = fs.statSync(file).size;
    const t = performance.now();
    try {
      await readSheets(file);
      result.message = 'read';
    } catch (e) {
      result.message = describeError(e, 'en');
    }
    result.ms = performance.now() - t;
    result.ok = true;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
result.maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(result));
