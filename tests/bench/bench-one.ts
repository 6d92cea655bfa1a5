// One export in its own process, so its wall time and peak RSS are its own.
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { buildDocument } from '../../main/document/build.ts';
import { renderDocx } from '../../main/export/docx/render-docx.ts';
import { renderPdf } from '../../main/export/pdf/render-pdf.ts';
import fs from 'node:fs';
import path from 'node:path';
import { runExport } from '../../main/export/run-export.ts';

// mode "direct": the renderers in this thread; "worker": as the app and the CLI run an export
// (a worker thread with a bounded heap). Peak RSS is the whole process's, worker included.
const [file, lang, format, out, mode = 'direct'] = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const p = Project.open(file, { readonly: true });
const data = loadPlanData(p.db);
p.close();
let bytes: number;
if (mode === 'worker') {
  const { files } = await runExport(data, { lang: lang as 'zh' | 'en', formats: [format as 'docx' | 'pdf'], outDir: path.dirname(out), baseName: path.basename(out, `.${format}`) });
  bytes = fs.statSync(files[0]).size;
} else {
  const doc = buildDocument(data, lang as 'zh' | 'en');
  const buf = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
  fs.writeFileSync(out, buf);
  bytes = buf.length;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, bytes }));
