// npm start. Writes the bundled sample plan (once) and exports it in both languages.
// (The desktop editor replaces this once it is built.)
import fs from 'node:fs';
import path from 'node:path';
import { writeBannerSample } from './sample/build-sample.ts';
import { Project } from './store/project.ts';
import { loadPlanData } from './store/snapshot.ts';
import { exportPlan } from './export/export-plan.ts';
import { describeError } from './i18n/index.ts';

export async function start(_argv: string[]): Promise<number> {
  try {
    const dir = path.resolve('out');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'sample.gmplan');
    if (!fs.existsSync(file)) await writeBannerSample(file);
    const p = Project.open(file, { readonly: true });
    const data = loadPlanData(p.db);
    p.close();
    console.log(`plan: ${file}`);
    for (const lang of ['zh', 'en'] as const) {
      for (const f of await exportPlan(data, { lang, formats: ['docx', 'pdf'], outDir: dir })) console.log(f);
    }
    return 0;
  } catch (e) {
    console.error(describeError(e, 'zh'));
    return 1;
  }
}
