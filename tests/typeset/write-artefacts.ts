// Writes PNGs of the typeset sample to tests/typeset/artefacts/ (committed, to be looked at): the
// cover, the TOC, a chapter opening, a landscape table and its continuation page, in both languages,
// from the PDF and from the Word file as LibreOffice renders it (with tests/fonts/fonts.conf).
// Run on purpose only: npm run typeset:artefacts — never by npm test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeBannerSample } from '../../main/sample/build-sample.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { exportPlan } from '../../main/export/export-plan.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.join(here, 'artefacts');
fs.mkdirSync(out, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-typeset-artefacts-'));
const file = path.join(dir, 'sample.gmplan');
await writeBannerSample(file);
const p = Project.open(file, { readonly: true });
const data = loadPlanData(p.db);
p.close();

const pages = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f').slice(0, -1);
const numbered = (t: string) => /[—–-]\s*\d+\s*[—–-]\s*$/.test(t.trim());

for (const lang of ['zh', 'en'] as const) {
  const [docx, pdf] = await exportPlan(data, { lang, formats: ['docx', 'pdf'], outDir: dir, baseName: `sample-${lang}` });
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docx],
    { stdio: 'pipe', timeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: path.resolve(here, '../fonts/fonts.conf') } });
  const word = path.join(dir, 'lo', `sample-${lang}.pdf`);
  const chapter = lang === 'zh' ? /^\s*第一章/m : /^\s*Chapter 1\b/m;
  const table = lang === 'zh' ? /^\s*附表 1\s/m : /^\s*Appendix Table 1\s/m;
  for (const [format, source] of [['pdf', pdf], ['word', word]] as const) {
    const ps = pages(source);
    const find = (re: RegExp) => ps.findIndex((t) => numbered(t) && re.test(t)) + 1;
    const landscape = find(table);
    const picks = { cover: 1, toc: 2, chapter: find(chapter), landscape, continued: landscape + 1 };
    for (const [name, page] of Object.entries(picks)) {
      if (page < 1) throw new Error(`${lang} ${format}: no page for ${name}`);
      const target = path.join(out, `${lang}-${format}-${name}`);
      execFileSync('pdftoppm', ['-r', '45', '-png', '-singlefile', '-f', String(page), '-l', String(page), source, target]);
      console.log(`${target}.png\tpage ${page}`);
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });
