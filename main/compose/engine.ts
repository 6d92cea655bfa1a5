// The template language: LiquidJS, sandboxed. Templates see only the data they are given
// (own properties), cannot include files, and are bounded in parse and render work.
import { Liquid, type Template } from 'liquidjs';
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { LocalMineral } from '../domain/minerals.ts';
import { tFor } from '../i18n/index.ts';
import {
  chineseNumeral, chineseYear, formatIssueDate, formatNumber, joinList, percentText, rescale, unitLabel, vocabLabel,
} from './filters.ts';
import { Placeholder, unsetPlaceholder, withoutRepeatedUnits } from './placeholders.ts';

type Filter = (v: unknown, ...args: never[]) => unknown;

/** A filter that leaves a placeholder as it is (an unset area stays 【待填：…】, not "NaN"). */
function passing<F extends Filter>(fn: F): F {
  return ((v: unknown, ...args: never[]) => (v instanceof Placeholder ? v : fn(v, ...args))) as F;
}

export interface ComposeContext {
  appendixLabel: (key: string) => string;
  /** told of each {{ "key" | todo }}: a placeholder the template writes for data not entered */
  onTodo?: (key: string) => void;
  /** the plan's own minerals, with the English names the user gave them */
  localMinerals?: readonly LocalMineral[];
}

/** The language each engine renders for (its placeholders are worded in it). */
const engineLang = new WeakMap<Liquid, Lang>();

export function engineFor(lang: Lang, ctx: ComposeContext, opts: { lenient?: boolean } = {}): Liquid {
  const engine = new Liquid({
    // An empty in-memory file set: {% include %} and {% render %} find nothing, no disk is read.
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    strictFilters: true,
    // lenient: a missing name renders empty (only for checks that must go on past a broken binding)
    strictVariables: !opts.lenient,
    ownPropertyOnly: true,
    jsTruthy: false,
    outputEscape: undefined,
    parseLimit: 1_000_000,
    // one chapter on its own (a check as it is typed); a whole document shares DOCUMENT_RENDER_MS
    renderLimit: 1_000,
    // a range or string built by a template is bounded (a {% tablerow %} over (1..30000000) is refused at
    // once instead of allocating a gigabyte); plan data reaches templates already built
    memoryLimit: RENDER_MEMORY_UNITS,
    // the document's language, not the machine's; given, Liquid does not ask Intl for the system
    // locale (the first Intl.DateTimeFormat of a process costs 20-30 ms, inside every fresh export)
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
  });
  const t = tFor(lang);
  engine.registerFilter('num', passing((v: unknown, digits?: number) => formatNumber(v, digits, lang)));
  // a share of an empty whole (null) is shown as not computable, never as 0.00 %
  engine.registerFilter('pct', passing((v: unknown) => (v === null || v === undefined ? unsetPlaceholder('share', 'share_of_empty', lang) : percentText(v))));
  engine.registerFilter('cn_num', passing((v: unknown) => (lang === 'zh' ? chineseNumeral(Number(v)) : String(v))));
  engine.registerFilter('cn_year', passing((v: unknown) => (lang === 'zh' ? chineseYear(String(v)) : String(v))));
  engine.registerFilter('issue_date', passing((v: unknown) => formatIssueDate(String(v), lang)));
  engine.registerFilter('unit', passing((v: unknown) => unitLabel(v, lang)));
  // 万 → thousand (× 10), 亿 → billion (÷ 10): English states Chinese counts in its own units
  engine.registerFilter('thousands_from_10k', passing((v: unknown) => rescale(v, 1, lang)));
  engine.registerFilter('billions_from_100m', passing((v: unknown) => rescale(v, -1, lang)));
  engine.registerFilter('label', passing((v: unknown, vocab: string) =>
    Array.isArray(v) ? v.map((x) => vocabLabel(x, vocab, lang, ctx.localMinerals)) : vocabLabel(v, vocab, lang, ctx.localMinerals)));
  engine.registerFilter('join_list', passing((v: unknown) => joinList(Array.isArray(v) ? v.map(String) : [String(v)], lang)));
  engine.registerFilter('todo', (key: unknown) => {
    ctx.onTodo?.(String(key));
    return unsetPlaceholder(`todo.${String(key)}`, String(key), lang);
  });
  engine.registerFilter('appendix', (key: unknown) => ctx.appendixLabel(String(key)));
  engine.registerFilter('t', (key: unknown) => t(String(key)));
  engineLang.set(engine, lang);
  return engine;
}

/**
 * Renders one template text, mapping Liquid's errors to a located GmpError. With `chapter` (a chapter's
 * title) the message names the chapter and the line of its text, in the user's language, not a file.
 */
export function renderTemplate(engine: Liquid, source: string, scope: object, file: string, chapter?: string): string {
  return renderParsed(engine, parseTemplate(engine, source, file, chapter), scope, file, chapter);
}

export function parseTemplate(engine: Liquid, source: string, file: string, chapter?: string): Template[] {
  try {
    return engine.parse(source, file);
  } catch (e) {
    throw templateError('template.syntax', e, file, chapter);
  }
}

/** `renderLimit`: the milliseconds this render may take (default: the engine's). */
export function renderParsed(engine: Liquid, parsed: Template[], scope: object, file: string, chapter?: string, renderLimit?: number): string {
  try {
    const text = engine.renderSync(parsed, scope, renderLimit === undefined ? undefined : { renderLimit }) as string;
    // a missing value's placeholder names its unit: the unit written after it is not repeated
    const lang = engineLang.get(engine);
    return lang ? withoutRepeatedUnits(text, lang) : text;
  } catch (e) {
    throw templateError('template.render', e, file, chapter);
  }
}

/** What went wrong in a binding, as a key of locales/<lang>/facts.json `error` and its values. */
export interface BindingReason {
  reason: 'unknown_name' | 'unknown_filter' | 'syntax';
  name?: string;
  detail: string;
}

export function bindingReason(e: unknown): BindingReason {
  const detail = shortMessage(e);
  const name = /undefined variable: ([^,\s]+)/.exec(detail);
  if (name) return { reason: 'unknown_name', name: name[1], detail };
  const filter = /undefined filter: ([^,\s]+)/.exec(detail);
  if (filter) return { reason: 'unknown_filter', name: filter[1], detail };
  return { reason: 'syntax', detail };
}

function templateError(code: string, e: unknown, file: string, chapter?: string): GmpError {
  const line = lineOf(e);
  if (chapter === undefined) return new GmpError(code, { file, line, detail: shortMessage(e) }, { file });
  const r = bindingReason(e);
  // `reason` is worded in the user's language when the message is (describeError)
  return new GmpError(code, { file, line, chapter, detail: r.detail, reason: `facts:error.${r.reason}`, name: r.name ?? '', context: 'chapter' });
}

export function lineOf(e: unknown): number {
  const token = (e as { token?: { getPosition?: () => [number, number] } }).token;
  const pos = token?.getPosition?.();
  if (pos) return pos[0];
  const m = /line:(\d+)/.exec(String((e as Error).message));
  return m ? Number(m[1]) : 0;
}

/** List items and characters a render may build (Liquid's memoryLimit). */
export const RENDER_MEMORY_UNITS = 4 * 1024 * 1024;

/** Whether Liquid's error (or the GmpError it became) says `pattern`. */
function liquidSays(e: unknown, pattern: RegExp): boolean {
  return pattern.test(String((e as { message?: string })?.message ?? '')) || pattern.test(String((e as { params?: { detail?: string } })?.params?.detail ?? ''));
}

/** Whether Liquid stopped a render at its memory limit (what a loop over too many items may meet before its time limit). */
export const isMemoryLimit = (e: unknown): boolean => liquidSays(e, /memory alloc limit exceeded/i);

/** Whether Liquid stopped a render at its time limit. */
export const isRenderTimeout = (e: unknown): boolean => liquidSays(e, /template render limit exceeded/i);

function shortMessage(e: unknown): string {
  return String((e as Error).message).split(', line:')[0].split('\n')[0];
}
