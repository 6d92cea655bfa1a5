// Binds the project's chapters (Markdown + Liquid) to the plan's facts, per language.
// Missing data never stops a chapter: an unset field renders as a placeholder and is listed
// as a gap (chapter, line); a chapter whose template cannot be rendered shows the located error.
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { SETTING_FIELDS, profileKeyOf } from '../domain/plan-fields.ts';
import { isGmpError } from '../domain/errors.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import { vocabLabel } from './filters.ts';
import { tFor } from '../i18n/index.ts';
import { engineFor, isMemoryLimit, isRenderTimeout, parseTemplate, renderParsed, RENDER_MEMORY_UNITS } from './engine.ts';
import {
  isUnset, lenientScope, lineMentioning, staticGaps, templateErrorText, unknownPlaceholder, unsetPlaceholder, type TemplateGap,
} from './placeholders.ts';

export type { TemplateGap } from './placeholders.ts';

export interface ComposedChapter {
  key: string;
  title: string;
  numbered: boolean;
  markdown: string;
  /** placeholders and errors of this chapter, by line */
  gaps: TemplateGap[];
}

/** The template variable each plan binding reads, with the settings label of its placeholder. */
const PLAN_BINDINGS: Record<string, string> = {
  name: 'jurisdiction', title: 'title', parent: 'parent', region: 'region', issuer: 'issuer',
  issue_date: 'issue_date', area_km2: 'area_km2',
};

export function templateScope(data: PlanData, facts: Facts, lang: Lang) {
  const p = data.plan;
  const pick = (zh: string, en: string) => (lang === 'zh' ? zh : en || zh);
  const plan: Record<string, unknown> = {
    name: pick(p.jurisdiction_zh, p.jurisdiction_en),
    title: pick(p.title_zh, p.title_en),
    kind: vocabLabel(p.kind, 'kind', lang),
    parent: pick(p.parent_zh, p.parent_en),
    region: pick(p.region_zh, p.region_en),
    issuer: pick(p.issuer_zh, p.issuer_en),
    issue_date: p.issue_date,
    base_year: p.base_year,
    period_start: p.period_start,
    period_end: p.period_end,
    near_year: p.near_year,
    far_year: p.far_year,
    indicator_years: p.indicator_years,
    area_km2: p.area_km2,
  };
  for (const [k, label] of Object.entries(PLAN_BINDINGS)) if (isUnset(plan[k])) plan[k] = unsetPlaceholder(`plan.${k}`, label, lang);
  const profile: Record<string, unknown> = Object.fromEntries(Object.entries(data.profile).map(([k, v]) => [k, pick(v.zh, v.en)]));
  for (const f of SETTING_FIELDS) {
    if (f.store !== 'profile') continue;
    const k = profileKeyOf(f);
    if (isUnset(profile[k])) profile[k] = unsetPlaceholder(`profile.${k}`, f.label, lang);
  }
  return {
    lang,
    plan,
    profile,
    f: facts,
    zones: facts.zones.map((z) => ({ ...z, name: pick(z.name_zh, z.name_en), location: pick(z.location_zh, z.location_en) })),
  };
}

/**
 * The time all chapters of one document may spend rendering, together: a heavy chapter (a loop over
 * millions of items) ends as a located error gap, and no preview or export holds the host for seconds.
 */
export const DOCUMENT_RENDER_MS = 1000;
/** What a chapter may still take once the budget is spent (a light chapter takes a few ms; it still renders). */
const CHAPTER_FLOOR_MS = 100;

export function composeChapters(data: PlanData, lang: Lang, appendixLabel: (key: string) => string, facts = computeFacts(data)): ComposedChapter[] {
  let todos: string[] = [];
  const engine = engineFor(lang, { appendixLabel, onTodo: (key) => todos.push(key), localMinerals: data.localMinerals ?? [] });
  const scope = templateScope(data, facts, lang);
  const deadline = performance.now() + DOCUMENT_RENDER_MS;
  return data.chapters
    .filter((c) => c.lang === lang)
    .sort((a, b) => a.sort - b.sort)
    .map((c) => {
      const file = `${c.key}.${lang}.md`;
      const gaps: TemplateGap[] = [];
      const gap = (line: number, kind: TemplateGap['kind'], path: string, text: string) => gaps.push({ chapter: c.key, lang, line, kind, path, text });
      let markdown: string;
      try {
        const parsed = parseTemplate(engine, c.body, file);
        const found = staticGaps(engine, parsed, scope, lang);
        for (const g of found) if (!gaps.some((x) => x.line === g.line && x.path === g.path)) gap(g.line, g.kind, g.path, g.text);
        const seen = new Set(found.map((g) => g.path));
        const runtime = new Set<string>();
        todos = [];
        markdown = renderParsed(engine, parsed, lenientScope(scope, lang, (p) => runtime.add(p)), file, undefined, Math.max(CHAPTER_FLOOR_MS, deadline - performance.now()));
        for (const key of new Set(todos)) gap(lineMentioning(c.body, `"${key}" | todo`), 'unset', `todo.${key}`, unsetPlaceholder(`todo.${key}`, key, lang).text);
        // unknown names reached only inside loops (a loop variable's field): located by their text
        for (const p of runtime) {
          if (!seen.has(p) && ![...seen].some((s) => p.startsWith(`${s}.`))) gap(lineMentioning(c.body, p), 'unknown', p, unknownPlaceholder(p, lang).text);
        }
      } catch (e) {
        const line = isGmpError(e) ? Number(e.params.line ?? 0) : 0;
        const detail = isRenderTimeout(e)
          ? tFor(lang)('document:placeholder.too_slow', { ms: DOCUMENT_RENDER_MS })
          : isMemoryLimit(e)
            ? tFor(lang)('document:placeholder.too_big', { count: RENDER_MEMORY_UNITS.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US') })
            : isGmpError(e) ? String(e.params.detail ?? e.code) : String((e as Error).message);
        const text = templateErrorText(line, detail, lang);
        gap(line, 'error', isGmpError(e) ? e.code : 'template.render', detail);
        markdown = text;
      }
      gaps.sort((a, b) => a.line - b.line);
      return { key: c.key, title: c.title, numbered: c.numbered, markdown, gaps };
    });
}
