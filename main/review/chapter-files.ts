// Chapters as Markdown files, one per chapter and language ("02-status.zh.md"), so writers can keep
// the text in version control or edit it in their own editor. Import checks every file (name,
// title line, template syntax) before it writes anything.
import fs from 'node:fs';
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { Project } from '../store/project.ts';
import { listChapters, updateChapterText } from '../store/plan-repo.ts';
import { splitChapterFile } from '../compose/templates.ts';
import { engineFor } from '../compose/engine.ts';
import { writeFileAtomic } from '../files/atomic.ts';

const NAME = /^(\d{2})-([a-z0-9_-]+)\.(zh|en)\.md$/;

export function exportChapters(project: Project, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const c of listChapters(project.db)) {
    const file = path.join(dir, `${String(c.sort).padStart(2, '0')}-${c.key}.${c.lang}.md`);
    writeFileAtomic(file, `# ${c.title}\n\n${c.body.trimEnd()}\n`);
    written.push(file);
  }
  return written;
}

export function importChapters(project: Project, dir: string): { key: string; lang: Lang; changed: boolean }[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new GmpError('io.not_found', { detail: dir });
  const existing = listChapters(project.db);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const parsed: { key: string; lang: Lang; title: string; body: string; file: string }[] = [];
  for (const f of files) {
    const m = NAME.exec(f);
    if (!m) throw new GmpError('review.bad_chapter_name', { file: f }, { file: f });
    const [, , key, lang] = m;
    if (!existing.some((c) => c.key === key && c.lang === lang)) throw new GmpError('review.unknown_chapter', { file: f, key }, { file: f });
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (text.includes('\uFFFD')) throw new GmpError('review.not_utf8', { file: f }, { file: f });
    const { title, body } = splitChapterFile(text);
    if (!title) throw new GmpError('review.no_title', { file: f }, { file: f, line: 1 });
    try {
      engineFor(lang as Lang, { appendixLabel: () => '' }).parse(body, f);
    } catch (e) {
      const pos = (e as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.();
      const line = (pos?.[0] ?? 0) + 2; // the title line and the blank line after it
      throw new GmpError('template.syntax', { file: f, line, detail: String((e as Error).message).split(', line:')[0] }, { file: f, line });
    }
    parsed.push({ key, lang: lang as Lang, title, body, file: f });
  }
  return project.tx(() => parsed.map((c) => {
    const before = existing.find((x) => x.key === c.key && x.lang === c.lang)!;
    const changed = before.title !== c.title || before.body.trimEnd() !== c.body.trimEnd();
    if (changed) updateChapterText(project.db, c.key, c.lang, { title: c.title, body: c.body });
    return { key: c.key, lang: c.lang, changed };
  }));
}
