// One export in its own process, so its wall time and peak RSS are its own.
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { buildDocument } from '../../main/document/build.ts';
import { renderDocx } from '../../main/export/docx/render-docx.ts';
import { renderPdf } from '../../main/export/pdf/render-pdf.ts';
import fs from 'node:fs';

const [file, lang, format, out] = process.argv.slice(2);
const t0 = performance.now();
const p = Project.open(file, { readonly: true });
const data = loadPlanData(p.db);
p.close();
const doc = buildDocument(data, lang as 'zh' | 'en');
const buf = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
fs.writeFileSync(out, buf);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, bytes: buf.length }));
