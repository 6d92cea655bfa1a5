// The catalogue of every figure a chapter can bind: its path in the template language, a label and an
// explanation in both languages (locales/<lang>/facts.json), the Liquid to insert and its current value.
// The same list is what the chapter editor offers and what documents the template language.
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import { tFor } from '../i18n/index.ts';
import zhFacts from '../../locales/zh-CN/facts.json' with { type: 'json' };
import enFacts from '../../locales/en/facts.json' with { type: 'json' };
import { templateScope } from './compose.ts';
import { engineFor } from './engine.ts';
import { vocabLabel } from './filters.ts';

export type Both = { zh: string; en: string };
export type FactKind = 'value' | 'list' | 'text';

export interface FactEntry {
  path: string;
  group: string;
  groupLabel: Both;
  kind: FactKind;
  label: Both;
  description: Both;
  /** the Liquid the editor inserts (a figure in its usual format, or a sentence loop for a list) */
  insert: Both;
  value: Both;
}

interface FactsLocale {
  group: Record<string, string>;
  term: Record<string, string>;
  entry: Record<string, { label: string; desc: string }>;
  filter: Record<string, string>;
  [k: string]: unknown;
}

export const FACTS_LOCALE: Record<Lang, FactsLocale> = { zh: zhFacts as FactsLocale, en: enFacts as FactsLocale };

/** {{name}} placeholders filled from params (the locale texts also quote Liquid, so no i18next here). */
export function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? params[k] : m));
}

/** Records keyed by a vocabulary code, and the vocabulary of their keys. */
const RECORD_VOCAB: Record<string, string> = {
  byGroup: 'mineralGroup', byScale: 'scaleClass', byStatus: 'status', byMethod: 'method', byStage: 'stage',
};

/** The label and explanation of a path (e.g. f.mines.byScale.large.percent), or null if none is written. */
export function factText(path: string, lang: Lang): { label: string; desc: string } | null {
  const loc = FACTS_LOCALE[lang].entry;
  if (loc[path]) return loc[path];
  const seg = path.split('.');
  const i = seg.findIndex((s) => s in RECORD_VOCAB);
  if (i >= 0 && seg.length > i + 1) {
    const code = seg[i + 1];
    const key = [...seg.slice(0, i + 1), '*', ...seg.slice(i + 2)].join('.');
    const e = loc[key];
    if (e) {
      const term = code === 'unknown' ? FACTS_LOCALE[lang].term.unknown : vocabLabel(code, RECORD_VOCAB[seg[i]], lang);
      return { label: fill(e.label, { term }), desc: fill(e.desc, { term }) };
    }
  }
  if (seg[0] === 'profile' && seg.length === 2 && loc['profile.*']) {
    const e = loc['profile.*'];
    return { label: fill(e.label, { name: seg[1] }), desc: fill(e.desc, { name: seg[1] }) };
  }
  return null;
}

function groupOf(path: string): string {
  const seg = path.split('.');
  if (seg[0] === 'plan' || seg[0] === 'lang') return 'plan';
  if (seg[0] === 'profile') return 'profile';
  if (seg[0] === 'zones') return 'zones';
  if (seg[0] === 'f') {
    const g = seg[1] === 'zone' ? 'zones' : seg[1];
    return g in FACTS_LOCALE.zh.group ? g : 'other';
  }
  return 'other';
}

const LIST_VOCAB: Record<string, string> = {
  'f.mines.groups': 'mineralGroup', 'f.mines.scales': 'scaleClass', 'f.mines.statuses': 'status', 'f.exploration.stages': 'stage',
};

/** What the editor inserts for a path: the figure in the format chapters use for its kind. */
function insertFor(path: string, value: unknown, lang: Lang): string | null {
  const sep = lang === 'zh' ? '、' : ', ';
  const leaf = path.split('.').pop() ?? '';
  if (LIST_VOCAB[path]) {
    const pct = lang === 'zh' ? '（{{ x.percent | pct }}）' : ' ({{ x.percent | pct }})';
    return `{% for x in ${path} %}{{ x.key | label: "${LIST_VOCAB[path]}" }} {{ x.count }}${pct}{% unless forloop.last %}${sep}{% endunless %}{% endfor %}`;
  }
  if (path === 'f.green.plannedByYear') {
    const item = lang === 'zh' ? '{{ y.year }} 年 {{ y.count }} 个' : '{{ y.count }} in {{ y.year }}';
    return `{% for y in ${path} %}${item}{% unless forloop.last %}${sep}{% endunless %}{% endfor %}`;
  }
  if (path === 'zones') return `{% for z in zones %}{{ z.name }}{% unless forloop.last %}${sep}{% endunless %}{% endfor %}`;
  if (path === 'f.zones') return `{% for z in f.zones %}{{ z.name_${lang === 'zh' ? 'zh' : 'en'} }}{% unless forloop.last %}${sep}{% endunless %}{% endfor %}`;
  if (path === 'f.zone.blocks') return `{% for b in f.zone.blocks %}{{ b.name }} {{ b.computedAreaKm2 | num: 4 }}km²{% unless forloop.last %}${sep}{% endunless %}{% endfor %}`;
  if (/minerals$/.test(path)) return `{{ ${path} | label: "mineral" | join_list }}`;
  if (Array.isArray(value)) return `{{ ${path} | join_list }}`;
  if (leaf === 'percent') return `{{ ${path} | pct }}`;
  if (leaf === 'computedAreaKm2') return `{{ ${path} | num: 4 }}`;
  if (/area/i.test(leaf)) return `{{ ${path} | num: 2 }}`;
  if (leaf === 'issue_date') return `{{ ${path} | issue_date }}`;
  if (path.startsWith('profile.')) return `{{ ${path} | default: "—" }}`;
  return `{{ ${path} }}`;
}

/** Every leaf (and every list) of the template scope, in document order. */
function pathsOf(scope: Record<string, unknown>): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) {
      out.push({ path: p, value: v });
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'key' && p.split('.').some((s) => s in RECORD_VOCAB)) continue; // a record's own code
        walk(x, p ? `${p}.${k}` : k);
      }
      return;
    }
    out.push({ path: p, value: v });
  };
  walk(scope, '');
  return out;
}

/** 附图 N / 附表 N of an appendix key: maps ("map:<type>") and tables are numbered apart, in list order. */
export function appendixLabelFor(data: PlanData, lang: Lang): (key: string) => string {
  const t = tFor(lang);
  const maps = data.appendices.filter((k) => k.startsWith('map:'));
  const tables = data.appendices.filter((k) => !k.startsWith('map:'));
  const index = new Map([...maps.map((k, i) => [k, i + 1] as const), ...tables.map((k, i) => [k, i + 1] as const)]);
  return (key) => {
    const n = index.get(key);
    if (!n) return t('document:none');
    return key.startsWith('map:') ? t('document:figureAppendixLabel', { n }) : t('document:appendixLabel', { n });
  };
}

/** The catalogue for a plan, with the current value of every entry in both languages. */
export function factCatalog(data: PlanData, facts: Facts = computeFacts(data)): FactEntry[] {
  const scopes = { zh: templateScope(data, facts, 'zh'), en: templateScope(data, facts, 'en') };
  const local = data.localMinerals ?? [];
  const engines = { zh: engineFor('zh', { appendixLabel: appendixLabelFor(data, 'zh'), localMinerals: local }), en: engineFor('en', { appendixLabel: appendixLabelFor(data, 'en'), localMinerals: local }) };
  const entries: FactEntry[] = [];
  for (const { path, value } of pathsOf(scopes.zh as unknown as Record<string, unknown>)) {
    if (path === 'lang') continue;
    const zh = factText(path, 'zh');
    const en = factText(path, 'en');
    if (!zh || !en) continue; // zone rows by name, names per language: reached through the lists
    const insert = { zh: insertFor(path, value, 'zh'), en: insertFor(path, value, 'en') };
    if (!insert.zh || !insert.en) continue;
    const render = (lang: Lang) => {
      try {
        return String(engines[lang].parseAndRenderSync(insert[lang]!, scopes[lang]));
      } catch {
        return '';
      }
    };
    const group = groupOf(path);
    entries.push({
      path,
      group,
      groupLabel: { zh: FACTS_LOCALE.zh.group[group], en: FACTS_LOCALE.en.group[group] },
      kind: Array.isArray(value) ? 'list' : typeof value === 'number' || /^\d+(\.\d+)?$/.test(String(value)) ? 'value' : 'text',
      label: { zh: zh.label, en: en.label },
      description: { zh: zh.desc, en: en.desc },
      insert: { zh: insert.zh, en: insert.en },
      value: { zh: render('zh'), en: render('en') },
    });
  }
  return entries;
}

/** The filters of the template language, documented in both languages. */
export function filterDocs(): { name: string; doc: Both }[] {
  return Object.keys(FACTS_LOCALE.zh.filter).map((name) => ({ name, doc: { zh: FACTS_LOCALE.zh.filter[name], en: FACTS_LOCALE.en.filter[name] } }));
}

/** The catalogue as a Markdown page for template authors (one language). */
export function catalogMarkdown(entries: FactEntry[], lang: Lang): string {
  const t = lang === 'zh'
    ? { title: '章节模板可用的数据项', intro: '章节正文用 Markdown 书写，数据用 {{ … }} 绑定（LiquidJS）。下表列出每个数据项、插入写法和本规划的当前值。', path: '写法', label: '名称', value: '当前值', desc: '说明', filters: '格式（过滤器）' }
    : { title: 'Figures a chapter template can bind', intro: 'Chapter text is Markdown; figures are bound with {{ … }} (LiquidJS). Each figure, how to insert it and its current value in this plan:', path: 'Code', label: 'Name', value: 'Current value', desc: 'How it is computed', filters: 'Formats (filters)' };
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`# ${t.title}`, '', t.intro, ''];
  let group = '';
  for (const e of entries) {
    if (e.group !== group) {
      group = e.group;
      lines.push('', `## ${e.groupLabel[lang]}`, '', `| ${t.label} | ${t.path} | ${t.value} | ${t.desc} |`, '| --- | --- | --- | --- |');
    }
    lines.push(`| ${cell(e.label[lang])} | \`${cell(e.insert[lang])}\` | ${cell(e.value[lang])} | ${cell(e.description[lang])} |`);
  }
  lines.push('', `## ${t.filters}`, '');
  for (const f of filterDocs()) lines.push(`- \`${f.name}\`: ${f.doc[lang]}`);
  return `${lines.join('\n')}\n`;
}
