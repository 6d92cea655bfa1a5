// Binds the project's chapters (Markdown + Liquid) to the plan's facts, per language.
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import { vocabLabel } from './filters.ts';
import { engineFor, renderTemplate } from './engine.ts';

export interface ComposedChapter {
  key: string;
  title: string;
  numbered: boolean;
  markdown: string;
}

export function templateScope(data: PlanData, facts: Facts, lang: Lang) {
  const p = data.plan;
  const pick = (zh: string, en: string) => (lang === 'zh' ? zh : en || zh);
  return {
    lang,
    plan: {
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
    },
    profile: Object.fromEntries(Object.entries(data.profile).map(([k, v]) => [k, pick(v.zh, v.en)])),
    f: facts,
    zones: facts.zones.map((z) => ({ ...z, name: pick(z.name_zh, z.name_en), location: pick(z.location_zh, z.location_en) })),
  };
}

export function composeChapters(data: PlanData, lang: Lang, appendixLabel: (key: string) => string, facts = computeFacts(data)): ComposedChapter[] {
  const engine = engineFor(lang, { appendixLabel });
  const scope = templateScope(data, facts, lang);
  return data.chapters
    .filter((c) => c.lang === lang)
    .sort((a, b) => a.sort - b.sort)
    .map((c) => ({
      key: c.key,
      title: c.title,
      numbered: c.numbered,
      markdown: renderTemplate(engine, c.body, scope, `${c.key}.${lang}.md`, c.title || c.key),
    }));
}
