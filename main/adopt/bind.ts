// Binds the figures an old plan's text states to the facts computed from its own tables. A number
// is read with its unit and the words around it (its label); the facts whose label fits are its
// candidates. One candidate with the same value at the text's rounding → the number becomes that
// fact's Liquid binding; candidates but none with that value → it stays as written and becomes a
// finding (the text contradicts its tables); no candidate → it stays literal.
import type { Facts } from '../facts/plan-facts.ts';

export interface FactDef {
  /** Liquid expression, e.g. f.mines.total */
  expr: string;
  value: number;
  /** which units a statement of it carries */
  units: RegExp;
  /** the text before the number (within its clause) */
  pre?: RegExp;
  /** test `pre` on the whole clause before the number, earlier figures included ("2028 年建设完成 3 个") */
  wide?: boolean;
  /** the words right after the number's unit */
  post?: RegExp;
  /** the expression of the share that goes with this count ("占矿山总数的 87.80%") */
  percent?: { expr: string; value: number };
  /** kind of figure, for the report */
  kind: 'count' | 'percent' | 'area' | 'year';
}

export interface Figure {
  text: string;
  status: 'bound' | 'literal' | 'contradicted';
  expr?: string;
  /** contradicted: what the tables give */
  expected?: string;
  /** contradicted: what the statement was read as */
  fact?: string;
  context: string;
}

const COUNT = /^(个|家|处|种|座|座矿山)/;
const NUMBER = /(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(?![\d.])/g;
const UNIT = /^\s*(%|km²|km2|平方千米|平方公里|个|家|处|种|座|年)/;
const PREFIX_STOP = /[，,；;。：:！？!?（）()“”"《》\n]/;
const SUFFIX_STOP = /[，,；;。：:！？!?（）()“”"《》、和及与\n\d]/;

/** Facts that can be stated, given which tables were imported. */
export function factCatalogue(f: Facts, have: { minesComplete: boolean; green: boolean; reserves: boolean; exploration: boolean; licences: boolean; zone: boolean; targets: boolean },
  plan: { base_year: number; near_year: number; far_year: number }): FactDef[] {
  const defs: FactDef[] = [];
  const count = (expr: string, value: number, pre?: RegExp, post?: RegExp, percent?: { expr: string; value: number }) =>
    defs.push({ expr, value, units: COUNT, pre, post, percent, kind: 'count' });
  if (have.minesComplete) {
    const m = f.mines;
    count('f.mines.total', m.total, /(共有|现有|共)(各类)?矿山$/);
    count('f.mines.mineralCount', m.mineralCount, /开采.*等$/, /^矿种/);
    count('f.mines.byGroup.coal.count', m.byGroup.coal.count, /(^|[^色级])煤矿(山)?$/, undefined, { expr: 'f.mines.byGroup.coal.percent', value: Number(m.byGroup.coal.percent ?? NaN) });
    count('f.mines.byGroup.nonmetal.count', m.byGroup.nonmetal.count, /非金属矿(山)?$/, undefined, { expr: 'f.mines.byGroup.nonmetal.percent', value: Number(m.byGroup.nonmetal.percent ?? NaN) });
    for (const [k, zh] of [['large', '大型'], ['medium', '中型'], ['small', '小型']] as const) {
      count(`f.mines.byScale.${k}.count`, m.byScale[k].count, new RegExp(`(^|[^产])${zh}矿山$|^${zh}$`), undefined, { expr: `f.mines.byScale.${k}.percent`, value: Number(m.byScale[k].percent ?? NaN) });
    }
    for (const [k, zh] of [['producing', '生产'], ['suspended', '停产'], ['construction', '在建'], ['closed', '关闭']] as const) {
      count(`f.mines.byStatus.${k}.count`, m.byStatus[k].count, new RegExp(`${zh}矿山$`), undefined, { expr: `f.mines.byStatus.${k}.percent`, value: Number(m.byStatus[k].percent ?? NaN) });
    }
    count('f.mines.notProducing.count', m.notProducing.count, /其余$/, undefined, { expr: 'f.mines.notProducing.percent', value: Number(m.notProducing.percent ?? NaN) });
    for (const [k, zh] of [['open_pit', '露天开采'], ['underground', '(地下|井下)开采']] as const) {
      count(`f.mines.byMethod.${k}.count`, m.byMethod[k].count, new RegExp(`${zh}(的)?矿山$`), undefined, { expr: `f.mines.byMethod.${k}.percent`, value: Number(m.byMethod[k].percent ?? NaN) });
    }
    for (const [key, sub] of Object.entries(f.subsets ?? {})) {
      for (const [k, zh] of [['large', '大型'], ['medium', '中型'], ['small', '小型']] as const) {
        const s = sub[k];
        count(`f.subsets.${key}.${k}.count`, s.count, new RegExp(`${sub.label}矿山中.*${zh}(矿山)?$`), undefined, { expr: `f.subsets.${key}.${k}.percent`, value: Number(s.percent ?? NaN) });
      }
    }
  }
  if (have.green || have.minesComplete) {
    count('f.green.national', f.green.national, /国家级绿色矿山$/, /^国家级绿色矿山/);
    count('f.green.regional', f.green.regional, /(自治区|省)级绿色矿山$/, /^(自治区|省)级绿色矿山/);
    count('f.green.built', f.green.built, /(共建成|已建成|建成|已建)绿色矿山$/);
  }
  if (have.targets) {
    f.green.plannedByYear.forEach((p, i) => defs.push({ expr: `f.green.plannedByYear[${i}].count`, value: p.count, units: COUNT, pre: new RegExp(`${p.year}\\s*年(底)?(前)?(建设)?(完成|建成)(绿色矿山)?$`), wide: true, kind: 'count' }));
    count('f.green.planned', f.green.planned, /(计划|规划期内|规划期)(新建|建设|创建)(绿色矿山)?$/);
  }
  if (have.reserves) {
    count('f.reserves.count', f.reserves.count, /上表矿种.*等$/);
    count('f.reserves.deposits', f.reserves.deposits, /上表矿区$/);
  }
  if (have.exploration) {
    count('f.exploration.count', f.exploration.count, /(共有)?探矿权$/);
    for (const [k, zh] of [['general', '普查'], ['detailed', '详查'], ['exploration', '勘探']] as const) count(`f.exploration.byStage.${k}.count`, f.exploration.byStage[k].count, new RegExp(`${zh}(探矿权)?$`));
    defs.push({ expr: 'f.exploration.areaKm2', value: f.exploration.areaKm2, units: /^(km²|km2|平方千米|平方公里)/, pre: /勘查(总)?面积(为|约)?$/, kind: 'area' });
  }
  if (have.licences) {
    count('f.licences.count', f.licences.count, /(共有)?采矿权$/);
    defs.push({ expr: 'f.licences.areaKm2', value: f.licences.areaKm2, units: /^(km²|km2|平方千米|平方公里)/, pre: /矿区(总)?面积(为|约)?$/, kind: 'area' });
  }
  if (have.zone && f.zone) {
    const area = /^(km²|km2|平方千米|平方公里)/;
    defs.push({ expr: 'f.zone.computedAreaKm2', value: f.zone.computedAreaKm2, units: area, pre: /示范区(总)?面积(为|约)?$/, kind: 'area' });
    if (f.zone.declaredAreaKm2 != null) defs.push({ expr: 'f.zone.declaredAreaKm2', value: f.zone.declaredAreaKm2, units: area, pre: /示范区(总)?面积(为|约)?$/, kind: 'area' });
  }
  const years = [['plan.base_year', plan.base_year], ['plan.near_year', plan.near_year], ['plan.far_year', plan.far_year]] as const;
  for (const [expr, y] of years) {
    if (years.filter(([, v]) => v === y).length === 1) defs.push({ expr, value: y, units: /^年/, kind: 'year' });
  }
  return defs;
}

const decimals = (t: string) => (t.includes('.') ? t.split('.')[1].length : 0);
const same = (text: string, v: number) => Number.isFinite(v) && v.toFixed(decimals(text)) === text;

function bindingOf(def: { expr: string; kind: FactDef['kind'] }, text: string, percentDigits = 2): string {
  const d = decimals(text);
  if (def.kind === 'percent') return d === percentDigits ? `{{ ${def.expr} }}` : `{{ ${def.expr} | num: ${d} }}`;
  if (def.kind === 'area') return `{{ ${def.expr} | num: ${d} }}`;
  return `{{ ${def.expr} }}`;
}

/** Spans of text inside 《》 and 〔〕 (titles and document numbers): their numbers are not figures. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of [/《[^》]*》/g, /〔[^〕]*〕[^，。；、）]*号?/g, /\d+(\.\d+)?\s*[-—~～至]\s*\d+(\.\d+)?/g, /\d+\s*[:：]\s*\d+/g]) {
    for (const m of text.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  }
  return spans;
}

export interface BoundText {
  /** the paragraph as chapter source (Markdown + Liquid): literal parts escaped, figures bound */
  source: string;
  figures: Figure[];
}

/** Escapes plain text for a chapter source: Markdown and Liquid markup characters stay literal. */
export function escapeSource(text: string): string {
  return text
    .replace(/\{\{|\{%|\}\}|%\}/g, (m) => `{{ "${m}" }}`)
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
    .replace(/^(\s*)([-+>])(\s)/, '$1\\$2$3');
}

export function bindParagraph(text: string, defs: FactDef[]): BoundText {
  const figures: Figure[] = [];
  const spans = quotedSpans(text);
  type Hit = { start: number; end: number; text: string; binding?: string };
  const hits: Hit[] = [];
  let lastEnd = 0;
  let sentenceCounts: { def: FactDef | null; pos: number }[] = [];
  let sentenceStart = 0;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const numText = m[1];
    const unitM = UNIT.exec(text.slice(start + numText.length));
    const unit = unitM?.[1] ?? '';
    const end = start + numText.length + (unitM ? unitM[0].length : 0);
    const before = text.slice(sentenceStart, start);
    const lastStop = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'));
    if (lastStop >= 0) {
      sentenceStart += lastStop + 1;
      sentenceCounts = sentenceCounts.filter((c) => c.pos >= sentenceStart);
    }
    if (spans.some(([a, b]) => start >= a && start < b) || text[start - 1] === '第' || !unit) {
      lastEnd = end;
      continue;
    }
    if (unit === '年' && !/^\d{4}$/.test(numText)) {
      lastEnd = end;
      continue;
    }
    // the label: before the number (from its clause, or from the previous figure) and right after its unit
    let prefixStart = Math.max(lastEnd, 0);
    const seg = text.slice(prefixStart, start);
    const stopAt = Math.max(...[...seg].map((ch, i) => (PREFIX_STOP.test(ch) ? i : -1)));
    if (stopAt >= 0) prefixStart += stopAt + 1;
    const prefix = text.slice(prefixStart, start).replace(/^[、\s]+|\s+$/g, '').replace(/^(个|家|处|种|座)[、和及与]?/, '');
    const clauseStart = Math.max(...[...text.slice(0, start)].map((ch, i) => (PREFIX_STOP.test(ch) ? i : -1))) + 1;
    const wide = text.slice(clauseStart, start).trim();
    const after = text.slice(end);
    const suffixEnd = after.search(SUFFIX_STOP);
    const suffix = (suffixEnd < 0 ? after : after.slice(0, suffixEnd)).trim();
    const context = text.slice(Math.max(0, start - 16), Math.min(text.length, end + 10));
    lastEnd = end;
    const figText = numText + unit;
    const unitText = unit === '平方千米' || unit === '平方公里' ? 'km²' : unit;
    let candidates: FactDef[];
    let percentAnchor = false;
    if (unit === '%') {
      // a share goes with the count it follows ("煤矿 72 个，占矿山总数的 87.80%") or, after 分别,
      // with the k-th of the counts listed before it
      const clause = text.slice(prefixStart, start);
      const fenbie = text.slice(sentenceStart, start).lastIndexOf('分别');
      let anchor: { def: FactDef | null } | undefined;
      if (fenbie >= 0) {
        const from = sentenceStart + fenbie;
        const all = [...text.slice(from).split(/[。；]/)[0].matchAll(/(\d+(?:\.\d+)?)\s*%/g)];
        const k = [...text.slice(from, start).matchAll(/(\d+(?:\.\d+)?)\s*%/g)].length;
        const counts = sentenceCounts.filter((c) => c.pos < from);
        anchor = counts[counts.length - all.length + k];
      } else if (!/(占|比例|比重)/.test(clause + suffix) || true) {
        anchor = sentenceCounts[sentenceCounts.length - 1];
      }
      candidates = anchor?.def?.percent ? [{ expr: anchor.def.percent.expr, value: anchor.def.percent.value, units: /%/, kind: 'percent' }] : [];
      percentAnchor = true;
    } else {
      candidates = defs.filter((d) => d.units.test(unitText) && (d.post && suffix && d.post.test(suffix) || (!d.post || !suffix || !d.post.test(suffix)) && d.pre && d.pre.test(d.wide ? wide : prefix) && (!d.post || !suffix || d.post.test(suffix))));
      // years are bound only where they date the plan itself: "截至 2021 年底", "基期为 2021 年", "展望至 2035 年"
      if (unit === '年') candidates = /(截至|截止到?|基期(年)?为|目标年为|展望至|远期(目标)?(年)?为|^至|[^截]至)$/.test(prefix) || /^近期目标（$/.test(prefix)
        ? defs.filter((d) => d.kind === 'year' && d.value === Number(numText)) : [];
      const postHits = candidates.filter((d) => d.post && suffix && d.post.test(suffix));
      if (postHits.length) candidates = postHits;
    }
    if (COUNT.test(unit)) sentenceCounts.push({ def: candidates[0] ?? null, pos: start });
    void percentAnchor;
    if (!candidates.length) {
      if (unit !== '年') figures.push({ text: figText, status: 'literal', context });
      continue;
    }
    const match = candidates.find((d) => same(numText, d.value));
    if (match) {
      hits.push({ start, end: start + numText.length, text: numText, binding: bindingOf(match, numText) });
      figures.push({ text: figText, status: 'bound', expr: match.expr, context });
    } else if (unit !== '年') {
      const d = candidates[0];
      figures.push({ text: figText, status: 'contradicted', fact: d.expr, expected: Number.isNaN(d.value) ? '—' : d.kind === 'percent' ? d.value.toFixed(2) : String(d.value), context });
    }
  }
  let source = '';
  let at = 0;
  for (const h of hits) {
    source += escapeSource(text.slice(at, h.start)) + h.binding;
    at = h.end;
  }
  source += escapeSource(text.slice(at));
  return { source, figures };
}
