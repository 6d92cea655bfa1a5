// A new plan file: the plan record, its starting chapters in both languages, its appendix list and
// the default scale classification. Written to a temporary file and renamed into place, so a failed
// creation leaves nothing behind. Where the chapters come from (a template) is the caller's
// business: compose/new-plan.ts reads the template and calls this.
import fs from 'node:fs';
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import type { Plan, ScaleRule } from '../domain/model.ts';
import { buildFileAtomic } from '../files/atomic.ts';
import { Project } from './project.ts';
import { insertPlan, setAppendices, setScaleRules, upsertChapter } from './plan-repo.ts';
import { defaultScaleRules } from '../domain/minerals.ts';

/** 国土资发〔2004〕208号, every mineral it lists (domain/catalogue/scale-classes.json). */
export const DEFAULT_SCALE_RULES: ScaleRule[] = defaultScaleRules();

export function defaultPlan(templateId: string, name: string, kind: Plan['kind'] = templateId === 'district' ? 'district' : 'banner'): Plan {
  const year = new Date().getFullYear();
  const district = templateId === 'district';
  return {
    title_zh: `${name}绿色矿山建设规划`, title_en: '',
    jurisdiction_zh: name, jurisdiction_en: '',
    kind, parent_zh: '', parent_en: '', region_zh: '', region_en: '',
    issuer_zh: `${name}人民政府`, issuer_en: '',
    issue_date: `${year}-01`,
    base_year: year - 1,
    period_start: district ? year : year - 1,
    period_end: district ? year + 5 : year + 3,
    near_year: district ? year + 3 : year + 3,
    far_year: district ? year + 5 : year + 13,
    indicator_years: district ? [year + 3, year + 5] : [year + 1, year + 3],
    area_km2: null, bbox_west: null, bbox_south: null, bbox_east: null, bbox_north: null,
    template_id: templateId,
  };
}

/** The chapters and appendix list a new plan starts with (a template's, read by the caller). */
export interface PlanStart {
  /** where the chapters come from, kept with each ("banner"): the origin is `${source}/${file}` */
  source: string;
  chapters: readonly { key: string; file: string; numbered: boolean; title: Record<'zh' | 'en', string>; body: Record<'zh' | 'en', string> }[];
  appendices: readonly string[];
}

/** Fills an open, empty project with the plan record and its starting chapters. */
export function initialisePlan(project: Project, plan: Plan, start: PlanStart): void {
  project.tx(() => {
    insertPlan(project.db, plan);
    start.chapters.forEach((c, i) => {
      for (const lang of ['zh', 'en'] as const) {
        upsertChapter(project.db, { key: c.key, lang, sort: i + 1, title: c.title[lang], numbered: c.numbered, body: c.body[lang], origin: `${start.source}/${c.file}` });
      }
    });
    setAppendices(project.db, start.appendices);
    setScaleRules(project.db, DEFAULT_SCALE_RULES);
  });
}

/**
 * Creates `file` atomically: `fill` runs on a project at a temporary path, which is renamed onto
 * `file` only when everything succeeded.
 */
export async function writeNewPlanFile(file: string, plan: Plan, start: PlanStart, fill?: (p: Project) => void, overwrite = false): Promise<void> {
  if (!overwrite && fs.existsSync(file)) throw new GmpError('project.exists', { path: file });
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new GmpError('io.out_dir_not_dir', { path: dir });
  await buildFileAtomic(file, (tmp) => {
    const project = Project.createEmpty(tmp);
    try {
      initialisePlan(project, plan, start);
      if (fill) fill(project);
    } finally {
      project.close();
    }
  });
}
