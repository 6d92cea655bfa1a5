// The page model (main/export/layout) against the PDF engine it models: for the sample (zh, en),
// the district sample and a 300-mine plan, every heading, appendix map and appendix table is on
// the page the model says, in the PDF as drawn (pdf-drawing.test.ts reads the pages back; the Word
// rendering is checked against the same pages in pagination.test.ts). The model's widths are pdfkit's: every chunk of text of
// the sample measures what fontkit's shaping measures. The Word renderer imports nothing from pdf/.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/document/build.ts';
import type { PlanDocument } from '../../main/document/ir.ts';
import { paginate } from '../../main/export/layout/paginate.ts';
import { face, faceFiles, type FaceName } from '../../main/export/layout/faces.ts';
import { renderPdf } from '../../main/export/pdf/render-pdf.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { writeSyntheticPlan } from '../bench/synthetic.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const require = createRequire(import.meta.url);
const FX = path.resolve(__dirname, '../fixtures');
const plans: Record<string, PlanData> = {};

const load = (file: string) => {
  const p = Project.open(file, { readonly: true });
  const data = loadPlanData(p.db);
  p.close();
  return data;
};

beforeAll(async () => {
  const dir = tmpDir('gmp-model-');
  plans.sample = (await samplePlan()).data;
  const district = path.join(dir, 'district.gmplan');
  await createPlanFile(district, defaultPlan('district', '某某区'));
  const p = Project.open(district);
  await importFile(p, path.join(FX, 'district-plan.xlsx'));
  await importFile(p, path.join(FX, 'district-licences.xlsx'));
  p.close();
  plans.district = load(district);
  const synth = path.join(dir, 'synthetic-300.gmplan');
  await writeSyntheticPlan(synth, 300);
  plans.synthetic = load(synth);
}, 300_000);

const cases = [['sample', 'zh'], ['sample', 'en'], ['district', 'zh'], ['synthetic', 'zh'], ['synthetic', 'en']] as const;

describe.each(cases)('the page model of the %s plan (%s)', (plan, lang) => {
  it('puts every heading, map and appendix table on the page the PDF draws it on', async () => {
    const doc = buildDocument(plans[plan], lang);
    const model = paginate(doc);
    const want = new Map([...model.pages, ...model.appendixPages]);
    expect(want.size).toBeGreaterThan(15);
    let printed = new Map<string, number>();
    await renderPdf(doc, { onPages: (p) => { printed = p; } });
    const differ = [...want].filter(([id, page]) => printed.get(id) !== page).map(([id, page]) => ({ id, model: page, pdf: printed.get(id) }));
    expect(differ).toEqual([]);
    // the appendices come after the body, in order
    const appendix = [...model.appendixPages.values()];
    expect(appendix).toEqual([...appendix].sort((a, b) => a - b));
    expect(appendix[0]).toBeGreaterThan(Math.max(...model.pages.values()));
  }, 300_000);
});

/** Every space-delimited chunk of the document's text (what pdfkit measures one at a time). */
function chunks(doc: PlanDocument): Set<string> {
  const out = new Set<string>();
  const texts = [...JSON.stringify(doc).matchAll(/"(?:text|title|header)":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  for (const t of texts) for (const c of t.split(/(?<=[ \t])/)) if (c) out.add(c);
  return out;
}

describe('text widths', () => {
  it('measure every chunk of the sample as fontkit shapes it (kerning included), in every face', () => {
    const fontkit = require('fontkit') as { openSync(p: string): { unitsPerEm: number; layout(t: string): { advanceWidth: number } } };
    const words = new Set([...chunks(buildDocument(plans.sample, 'zh')), ...chunks(buildDocument(plans.sample, 'en')), ...chunks(buildDocument(plans.district, 'zh'))]);
    expect(words.size).toBeGreaterThan(1000);
    const off: string[] = [];
    for (const name of ['latin', 'latinBold', 'serif', 'hei', 'heiBold', 'kai'] as FaceName[]) {
      const font = fontkit.openSync(faceFiles()[name]);
      for (const w of words) {
        const shaped = font.layout(w).advanceWidth / font.unitsPerEm;
        if (Math.abs(face(name).width(w) - shaped) > 1e-9) off.push(`${name}: ${w}`);
      }
    }
    expect(off).toEqual([]);
  }, 300_000);
});

describe('layers', () => {
  it('the Word renderer imports nothing from the PDF renderer', () => {
    const root = path.resolve(__dirname, '../../main');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^import\s[^'"]*['"](\.[^'"]+)['"]/gm)) visit(path.resolve(path.dirname(file), m[1]));
    };
    visit(path.join(root, 'export/docx/render-docx.ts'));
    const fromPdf = [...seen].filter((f) => f.includes(`${path.sep}export${path.sep}pdf${path.sep}`));
    expect(seen.size).toBeGreaterThan(5);
    expect(fromPdf).toEqual([]);
  });
});
