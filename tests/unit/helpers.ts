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
