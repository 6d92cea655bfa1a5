// A new plan from a bundled or saved template: the template's chapters and appendix list, written
// by the store into a new plan file. This is the composing part of creating a plan; the store
// below it writes whatever it is given and knows nothing of templates.
import type { Plan } from '../domain/model.ts';
import type { Project } from '../store/project.ts';
import { writeNewPlanFile } from '../store/create-plan.ts';
import { loadTemplate } from './templates.ts';

export { defaultPlan, DEFAULT_SCALE_RULES } from '../store/create-plan.ts';

/**
 * Creates `file` atomically from the template `plan.template_id`: `fill` runs on the new project
 * before it is renamed into place.
 */
export async function createPlanFile(file: string, plan: Plan, fill?: (p: Project) => void, overwrite = false): Promise<void> {
  const template = loadTemplate(plan.template_id);
  await writeNewPlanFile(file, plan, { source: template.id, chapters: template.chapters, appendices: template.appendices }, fill, overwrite);
}
