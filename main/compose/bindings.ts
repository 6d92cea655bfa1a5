// Checks a chapter's bindings as it is typed: the value of every {{ … }} in it (the editor's chips),
// and every error worded in both languages with the chapter and the line, before anything is saved
// or exported.
import type { Liquid } from 'liquidjs';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { describeError, tFor } from '../i18n/index.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import { templateScope } from './compose.ts';
import { bindingReason, engineFor, lineOf, renderTemplate } from './engine.ts';
import { isOutputToken, LIQUID_TOKEN } from './liquid-tokens.ts';
import { appendixLabelFor, factCatalog, factText, fill, FACTS_LOCALE, type Both } from './catalog.ts';

export interface LiquidToken {
  kind: 'output' | 'tag';
  src: string;
  start: number;
  line: number;
}


/** Every {{ output }} and {% tag %} of a template text, with its offset and line (1-based). */
export function scanLiquid(source: string): LiquidToken[] {
  const out: LiquidToken[] = [];
  let line = 1;
  let at = 0;
  for (const m of source.matchAll(LIQUID_TOKEN)) {
    for (let i = at; i < m.index; i++) if (source.charCodeAt(i) === 10) line++;
    at = m.index;
    out.push({ kind: isOutputToken(m[0]) ? 'output' : 'tag', src: m[0], start: m.index, line });
  }
  return out;
}

/** The expression inside {{ … }}: "f.mines.total | num". */
export function outputExpression(src: string): string {
  return src.replace(/^\{\{-?/, '').replace(/-?\}\}$/, '').trim();
}

export interface OutputCheck {
  src: string;
  line: number;
  /** the variable path before any filter, e.g. f.mines.byScale.large.percent */
  path: string;
  filters: string[];
  value?: string;
  /** no value in the plan yet (shown as missing, never invented) */
  missing?: boolean;
  /** a loop variable: the value shown is the first item's */
  loop?: boolean;
  label?: Both;
  description?: Both;
  error?: Both;
  /** the same binding with the misspelt name corrected, when one figure is the likely meaning */
  fix?: string;
}

export interface ChapterCheck {
  outputs: OutputCheck[];
  /** whether each {% if %} / {% elsif %} / {% unless %} condition holds on the plan's data (by its code) */
  conditions?: { src: string; holds: boolean }[];
  errors: { line: number; message: Both }[];
}

const ROOTS = new Set(['lang', 'plan', 'profile', 'f', 'zones', 'forloop']);

/** Variables a chapter sets itself: loop variables (bound to the first item) and assignments. */
function localNames(engine: Liquid, tokens: LiquidToken[], scope: Record<string, unknown>): Map<string, { value: unknown; collection?: string }> {
  const out = new Map<string, { value: unknown; collection?: string }>();
  for (const t of tokens) {
    if (t.kind !== 'tag') continue;
    const body = t.src.replace(/^\{%-?/, '').replace(/-?%\}$/, '').trim();
    const loop = /^(?:for|tablerow)\s+([A-Za-z_]\w*)\s+in\s+([^\s]+)/.exec(body);
    const assign = /^assign\s+([A-Za-z_]\w*)\s*=\s*(.+)$/.exec(body);
    const capture = /^capture\s+([A-Za-z_]\w*)/.exec(body);
    try {
      if (loop) {
        const items = engine.evalValueSync(loop[2], { ...scope, ...Object.fromEntries([...out].map(([k, v]) => [k, v.value])) });
        out.set(loop[1], { value: Array.isArray(items) ? items[0] : undefined, collection: loop[2] });
      } else if (assign) {
        out.set(assign[1], { value: engine.evalValueSync(assign[2], scope) });
      } else if (capture) {
        out.set(capture[1], { value: '' });
      }
    } catch {
      if (loop) out.set(loop[1], { value: undefined, collection: loop[2] });
      else if (assign || capture) out.set((assign ?? capture)![1], { value: undefined });
    }
  }
  return out;
}

function both(f: (lang: Lang) => string): Both {
  return { zh: f('zh'), en: f('en') };
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** The catalogue path a misspelt name most likely meant: "f.mine" in "f.mine.total" → "f.mines.total". */
function nearest(name: string, head: string, paths: string[]): string | null {
  const depth = name.split('.').length;
  const rest = head.startsWith(name) ? head.slice(name.length) : '';
  let best: string | null = null;
  let bestD = Infinity;
  for (const p of paths) {
    const prefix = p.split('.').slice(0, depth).join('.');
    const d = distance(name, prefix);
    if (d < bestD || (d === bestD && best !== null && `${prefix}${rest}` === p)) {
      bestD = d;
      best = paths.includes(`${prefix}${rest}`) ? `${prefix}${rest}` : prefix;
    }
  }
  return best && bestD <= Math.max(1, Math.floor(name.length / 4)) ? best : null;
}

function errorText(e: unknown, head: string, paths: string[]): Both {
  const r = bindingReason(e);
  return both((lang) => {
    const msg = (FACTS_LOCALE[lang] as unknown as { error: Record<string, string> }).error;
    if (r.reason === 'unknown_name') {
      const hint = nearest(r.name ?? '', head, paths);
      const label = hint ? factText(hint, lang)?.label : undefined;
      const shown = hint && label ? (lang === 'zh' ? `${label}（${hint}）` : `${label} (${hint})`) : hint;
      return shown ? fill(msg.unknown_name_hint, { name: r.name ?? '', hint: shown }) : fill(msg.unknown_name, { name: r.name ?? '' });
    }
    if (r.reason === 'unknown_filter') return fill(msg.unknown_filter, { name: r.name ?? '' });
    return fill(msg.syntax, { detail: r.detail });
  });
}

/**
 * The chips and errors of one chapter text in one language. `title` names the chapter in messages.
 * Nothing is written: this runs on the text as typed, before it is saved.
 */
export function checkChapter(data: PlanData, lang: Lang, body: string, title: string, facts: Facts = computeFacts(data)): ChapterCheck {
  const engine = engineFor(lang, { appendixLabel: appendixLabelFor(data, lang), localMinerals: data.localMinerals ?? [] });
  const scope = templateScope(data, facts, lang) as unknown as Record<string, unknown>;
  const tokens = scanLiquid(body);
  const locals = localNames(engine, tokens, scope);
  // the catalogue's paths, for "did you mean": only worked out when a binding is broken
  let known: string[] | null = null;
  const catalogPaths = () => (known ??= factCatalog(data, facts).map((e) => e.path));
  const outputs: OutputCheck[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'output' || seen.has(t.src)) continue;
    seen.add(t.src);
    const expr = outputExpression(t.src);
    const [head, ...filters] = expr.split('|').map((s) => s.trim());
    const root = /^[A-Za-z_]\w*/.exec(head)?.[0];
    const check: OutputCheck = { src: t.src, line: t.line, path: head, filters: filters.map((f) => f.split(':')[0].trim()) };
    const local = root && !ROOTS.has(root) ? locals.get(root) : undefined;
    const s = { ...scope, forloop: { first: true, last: false, index: 1, index0: 0, length: 1, rindex: 1, rindex0: 0 } } as Record<string, unknown>;
    for (const [k, v] of locals) s[k] = v.value;
    try {
      check.value = String(engine.parseAndRenderSync(t.src, s));
      if (local) check.loop = true;
      if (check.value.trim() === '' || check.value.includes('【待填')) check.missing = true;
      else if (filters.some((f) => /^default\b/.test(f))) {
        const base = engine.evalValueSync(head, s);
        if (base === null || base === undefined || base === '') check.missing = true;
      }
    } catch (e) {
      if (local && local.value === undefined && !(bindingReason(e).reason === 'unknown_filter')) {
        check.loop = true; // a loop over an empty list: no item to show
      } else {
        const paths = catalogPaths();
        check.error = errorText(e, head, paths);
        const r = bindingReason(e);
        const hint = r.reason === 'unknown_name' ? nearest(r.name ?? '', head, paths) : null;
        if (hint && paths.includes(hint) && !local) check.fix = t.src.replace(head, hint);
      }
    }
    const textPath = local ? local.collection : head;
    const text = textPath ? { zh: factText(textPath, 'zh'), en: factText(textPath, 'en') } : null;
    if (text && text.zh && text.en) {
      const field = local ? head.split('.').slice(1).join('.') : '';
      check.label = { zh: text.zh.label + (field ? ` · ${field}` : ''), en: text.en.label + (field ? ` · ${field}` : '') };
      check.description = { zh: text.zh.desc, en: text.en.desc };
    } else if (/^["']/.test(head) && check.filters.length) {
      const last = check.filters[check.filters.length - 1];
      check.label = both((l) => FACTS_LOCALE[l].filter[last] ?? last);
    }
    outputs.push(check);
  }
  // the conditions of the chapter's branches, so the editor shows the text that will print
  const conditions: { src: string; holds: boolean }[] = [];
  const seenCond = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'tag' || seenCond.has(t.src)) continue;
    const m = /^\{%-?\s*(?:if|elsif|unless)\s+([\s\S]+?)\s*-?%\}$/.exec(t.src);
    if (!m) continue;
    seenCond.add(t.src);
    const s = { ...scope } as Record<string, unknown>;
    for (const [k, v] of locals) s[k] = v.value;
    try {
      conditions.push({ src: t.src, holds: engine.parseAndRenderSync(`{% if ${m[1]} %}1{% else %}0{% endif %}`, s) === '1' });
    } catch {
      // a broken condition is reported with the whole text below; its branches are all shown
    }
  }
  // every broken binding, each with its line; then what only the whole text shows (an unclosed tag)
  const errors: ChapterCheck['errors'] = [];
  for (const o of outputs) {
    if (!o.error) continue;
    for (const t of tokens) {
      if (t.src !== o.src) continue;
      errors.push({ line: t.line, message: both((l) => tFor(l)('errors:template.render_chapter', { chapter: title, line: t.line, detail: o.error![l], interpolation: { escapeValue: false } })) });
    }
  }
  try {
    renderTemplate(engine, body, scope, 'chapter.md', title);
  } catch (e) {
    const line = (e as { params?: { line?: number } }).params?.line ?? lineOf(e);
    if (!errors.some((x) => x.line === line)) errors.push({ line, message: both((l) => describeError(e, l)) });
  }
  errors.sort((a, b) => a.line - b.line);
  return { outputs, conditions, errors };
}
