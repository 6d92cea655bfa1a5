import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBannerSample } from '../../main/sample/build-sample.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import type { PlanData } from '../../main/domain/model.ts';

export function tmpDir(prefix = 'gmp-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let cached: { file: string; data: PlanData } | null = null;

/**
 * Test licences for the sample's mines (the bundled sample has none: the seed lists none). These are
 * fixtures of the tests that exercise the licence rules, never part of the product's sample.
 */
export function withTestLicences(data: PlanData): PlanData {
  const d = structuredClone(data);
  d.licences = d.mines.map((m, i) => ({
    id: i + 1, sort: i + 1, number: `C15000020090000${String(10000000 + i).slice(-8)}`, mine_id: m.id, holder: m.holder,
    area_km2: m.mineral === '煤' ? 10 + (i % 7) : 0.5, first_issued: '2009-03-01', valid_from: '2016-03-01', valid_to: '2046-03-01',
    is_sample: 1, remarks: '',
  }));
  return d;
}

/** The bundled sample plan, written once per test file. */
export async function samplePlan(): Promise<{ file: string; data: PlanData }> {
  if (cached) return cached;
  const file = path.join(tmpDir(), 'sample.gmplan');
  await writeBannerSample(file);
  const p = Project.open(file, { readonly: true });
  const data = loadPlanData(p.db);
  p.close();
  cached = { file, data };
  return cached;
}

/** A plan file's data, read and closed. */
export function readPlanFile(file: string): PlanData {
  const p = Project.open(file, { readonly: true });
  try {
    return loadPlanData(p.db);
  } finally {
    p.close();
  }
}
