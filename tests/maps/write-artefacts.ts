// Writes a PNG of each map type of the bundled sample, in both languages, to tests/maps/artefacts/
// (committed, to be looked at). Run on purpose only: npm run maps:artefacts — never by npm test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBannerSample } from '../../main/sample/build-sample.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { renderMaps } from '../../main/maps/index.ts';
import { svgToPng } from '../../main/maps/raster.ts';

const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'artefacts');
fs.mkdirSync(out, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-map-artefacts-'));
const file = path.join(dir, 'sample.gmplan');
await writeBannerSample(file);
const p = Project.open(file, { readonly: true });
const data = loadPlanData(p.db);
p.close();
for (const lang of ['zh', 'en'] as const) {
  for (const m of renderMaps(data, lang)) {
    const target = path.join(out, `${m.type}-${lang}.png`);
    fs.writeFileSync(target, svgToPng(m.svg, m.width, 150));
    console.log(`${target}\t${m.stats.polygons} polygons, ${m.stats.points} points, ${m.stats.labels} labels (${m.stats.labelsOmitted} left out)`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
