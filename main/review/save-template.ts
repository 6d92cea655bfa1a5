// A plan's chapter set saved as a new template (both languages, its appendix list), in the
// writer's own template folder. Written to a temporary folder and renamed: all or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import type { Project } from '../store/project.ts';
import { getAppendices, getPlan, listChapters } from '../store/plan-repo.ts';
import { listTemplateIds, userTemplatesDir } from '../compose/templates.ts';

export function saveAsTemplate(project: Project, id: string, name?: string): string {
  if (!/^[a-z0-9_-]{2,40}$/.test(id)) throw new GmpError('review.bad_template_id', { id });
  if (listTemplateIds().includes(id)) throw new GmpError('review.template_exists', { id });
  const plan = getPlan(project.db);
  const chapters = listChapters(project.db);
  const keys = [...new Set(chapters.map((c) => c.key))];
  const root = userTemplatesDir();
  fs.mkdirSync(root, { recursive: true });
  const target = path.join(root, id);
  const tmp = path.join(root, `.${id}.${process.pid}.tmp`);
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    for (const lang of ['zh', 'en'] as const) fs.mkdirSync(path.join(tmp, lang), { recursive: true });
    const files = keys.map((key, i) => ({ key, file: `${String(i + 1).padStart(2, '0')}-${key}.md`, numbered: chapters.find((c) => c.key === key)!.numbered }));
    for (const f of files) {
      for (const lang of ['zh', 'en'] as const) {
        const c = chapters.find((x) => x.key === f.key && x.lang === lang);
        fs.writeFileSync(path.join(tmp, lang, f.file), `# ${c?.title ?? ''}\n\n${(c?.body ?? '').trimEnd()}\n`);
      }
    }
    const label = name ?? `${plan.title_zh}（模板）`;
    fs.writeFileSync(path.join(tmp, 'template.json'), JSON.stringify({
      name: { zh: label, en: plan.title_en ? `${plan.title_en} (template)` : label },
      description: { zh: `由《${plan.title_zh}》的章节保存。`, en: `Saved from the chapters of ${plan.title_en || plan.title_zh}.` },
      chapters: files.map((f) => ({ key: f.key, file: f.file, ...(f.numbered ? {} : { numbered: false }) })),
      appendices: getAppendices(project.db),
    }, null, 2));
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return target;
}
