// Chapter templates on disk: templates/<id>/template.json and templates/<id>/{zh,en}/*.md.
// Creating a plan copies a template's chapters into the project; from then on the project owns them.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';

export interface TemplateChapter {
  key: string;
  numbered: boolean;
  title: Record<Lang, string>;
  body: Record<Lang, string>;
  file: string;
}

export interface Template {
  id: string;
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  chapters: TemplateChapter[];
  appendices: string[];
}

interface TemplateJson {
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  chapters: { key: string; file: string; numbered?: boolean }[];
  appendices: string[];
}

export function templatesDir(): string {
  const env = process.env.GMP_TEMPLATES_DIR;
  if (env) return env;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../templates');
}

/** Where a writer's own templates go (a plan's chapter set saved as a template). */
export function userTemplatesDir(): string {
  return process.env.GMP_USER_TEMPLATES_DIR ?? path.join(os.homedir(), '.config', 'gmp-studio', 'templates');
}

function templateRoots(): string[] {
  return [templatesDir(), userTemplatesDir()].filter((d) => fs.existsSync(d));
}

function templateDir(id: string): string | null {
  for (const root of templateRoots()) if (fs.existsSync(path.join(root, id, 'template.json'))) return path.join(root, id);
  return null;
}

export function listTemplateIds(): string[] {
  const ids = new Set<string>();
  for (const root of templateRoots()) {
    for (const d of fs.readdirSync(root, { withFileTypes: true })) {
      if (d.isDirectory() && fs.existsSync(path.join(root, d.name, 'template.json'))) ids.add(d.name);
    }
  }
  return [...ids].sort();
}

/** Splits "# Title\n\nbody" into title and body. */
export function splitChapterFile(text: string): { title: string; body: string } {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^#\s+(.+)\n/.exec(src);
  if (!m) return { title: '', body: src.trim() + '\n' };
  return { title: m[1].trim(), body: src.slice(m[0].length).replace(/^\n+/, '') };
}

export function loadTemplate(id: string): Template {
  if (!/^[a-z0-9_-]+$/.test(id)) throw new GmpError('template.unknown_template', { id });
  const dir = templateDir(id);
  if (!dir) throw new GmpError('template.unknown_template', { id });
  const jsonPath = path.join(dir, 'template.json');
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as TemplateJson;
  const chapters = json.chapters.map((c) => {
    const title = {} as Record<Lang, string>;
    const body = {} as Record<Lang, string>;
    for (const lang of ['zh', 'en'] as const) {
      const parts = splitChapterFile(fs.readFileSync(path.join(dir, lang, c.file), 'utf8'));
      title[lang] = parts.title;
      body[lang] = parts.body;
    }
    return { key: c.key, numbered: c.numbered ?? true, title, body, file: c.file };
  });
  return { id, name: json.name, description: json.description, chapters, appendices: json.appendices };
}
