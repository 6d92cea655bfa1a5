// Figures a chapter states in its text that the tables contradict. Bound figures always agree;
// this catches numbers typed by hand (or pasted from an older draft) that the data no longer supports.
import type { PlanData } from '../../domain/model.ts';
import type { Facts } from '../../facts/plan-facts.ts';
import { composeChapters, templateScope } from '../../compose/compose.ts';
import { engineFor, renderTemplate } from '../../compose/engine.ts';
import { describeError } from '../../i18n/index.ts';
import { finding, type Rule } from '../finding.ts';

type Expect = (f: Facts) => string | number | null;

const PATTERNS: Record<'zh' | 'en', [RegExp, Expect][]> = {
  zh: [
    [/共有矿山\s*(\d+)\s*个/g, (f) => f.mines.total],
    [/煤矿\s*(\d+)\s*个/g, (f) => f.mines.byGroup.coal.count],
    [/煤矿\s*\d+\s*个，占矿山总数的\s*([\d.]+)%/g, (f) => f.mines.byGroup.coal.percent],
    [/非金属矿山\s*(\d+)\s*个/g, (f) => f.mines.byGroup.nonmetal.count],
    [/大型矿山\s*(\d+)\s*个/g, (f) => f.mines.byScale.large.count],
    [/中型矿山\s*(\d+)\s*个/g, (f) => f.mines.byScale.medium.count],
    [/小型矿山\s*(\d+)\s*个/g, (f) => f.mines.byScale.small.count],
    [/生产矿山\s*(\d+)\s*个/g, (f) => f.mines.byStatus.producing.count],
    [/共有探矿权\s*(\d+)\s*个/g, (f) => f.exploration.count],
    [/共有采矿权\s*(\d+)\s*个/g, (f) => f.licences.count],
    [/国家级绿色矿山\s*(\d+)\s*个/g, (f) => f.green.national],
    [/共建成绿色矿山\s*(\d+)\s*个/g, (f) => f.green.built],
  ],
  en: [
    [/there were (\d+) mines/gi, (f) => f.mines.total],
    [/(\d+) coal mines/g, (f) => f.mines.byGroup.coal.count],
    [/(\d+) large,/g, (f) => f.mines.byScale.large.count],
    [/(\d+) producing mines/g, (f) => f.mines.byStatus.producing.count],
    [/(\d+) exploration rights/g, (f) => f.exploration.count],
    [/(\d+) mining licences/g, (f) => f.licences.count],
    [/(\d+) national and/g, (f) => f.green.national],
  ],
};

/** A chapter whose bindings do not render: named with its line, so it is never first met at export. */
export const brokenBinding: Rule = { id: 'chapter.binding_broken', severity: 'error', run: () => [] };

export const textFigures: Rule = {
  id: 'chapter.figure_mismatch', severity: 'error',
  run: (data: PlanData, facts: Facts) => {
    const out = [];
    for (const lang of ['zh', 'en'] as const) {
      const strict = engineFor(lang, { appendixLabel: () => '' });
      const lenient = engineFor(lang, { appendixLabel: () => '' }, { lenient: true });
      const scope = templateScope(data, facts, lang);
      const chapters = data.chapters.filter((c) => c.lang === lang).sort((a, b) => a.sort - b.sort);
      for (const ch of chapters) {
        let markdown: string;
        try {
          markdown = renderTemplate(strict, ch.body, scope, `${ch.key}.${lang}.md`, ch.title || ch.key);
        } catch (e) {
          out.push(finding(brokenBinding, 'chapters', null, ch.title, { lang: lang === 'zh' ? '中文' : 'English', detail: { zh: describeError(e, 'zh'), en: describeError(e, 'en') } }));
          // the typed figures of a chapter with a broken binding are still checked: missing names render empty
          try {
            markdown = renderTemplate(lenient, ch.body, scope, `${ch.key}.${lang}.md`, ch.title || ch.key);
          } catch {
            continue; // not even readable as a template: the finding above says why
          }
        }
        for (const [re, expect] of PATTERNS[lang]) {
          for (const m of markdown.matchAll(re)) {
            const expected = expect(facts);
            // a share of an empty whole cannot be computed: any typed share contradicts the data
            const want = expected === null ? '—' : String(expected);
            if (m[1] !== want) {
              // the line of the chapter's source where the typed figure stands (null when a binding made it)
              const source = data.chapters.find((c) => c.key === ch.key && c.lang === lang)?.body ?? '';
              const at = source.split('\n').findIndex((l) => l.includes(m[0]));
              out.push({
                ...finding(textFigures, 'chapters', null, ch.title, { lang: lang === 'zh' ? { zh: '中文', en: 'Chinese' } : { zh: '英文', en: 'English' }, text: m[0], want }),
                chapter: { key: ch.key, lang, line: at >= 0 ? at + 1 : null },
              });
            }
          }
        }
      }
    }
    return out;
  },
};

/** Every placeholder and template error of the chapters, with chapter and line. */
function gapRule(id: string, kind: 'unset' | 'unknown' | 'error', severity: 'error' | 'warning', forData?: boolean): Rule {
  const rule: Rule = {
    id, severity,
    run: (data: PlanData, facts: Facts) => {
      const out = [];
      for (const lang of ['zh', 'en'] as const) {
        for (const ch of composeChapters(data, lang, () => '', facts)) {
          for (const g of ch.gaps) {
            if (g.kind !== kind || (forData !== undefined && forData !== g.path.startsWith('todo.'))) continue;
            const f = finding(rule, 'chapters', null, ch.title, { lang: { zh: lang === 'zh' ? '中文' : '英文', en: lang === 'zh' ? 'Chinese' : 'English' }, line: g.line, text: g.text, path: g.path });
            out.push({ ...f, chapter: { key: ch.key, lang, line: g.line } });
          }
        }
      }
      return out;
    },
  };
  return rule;
}

export const templatePlaceholders = gapRule('template.placeholder', 'unset', 'warning', false);
/** a placeholder for table data not entered yet ({{ "licence_table" | todo }}) */
export const templateMissingData = gapRule('template.missing_data', 'unset', 'warning', true);
export const templateUnknownFields = gapRule('template.unknown_field', 'unknown', 'error');
export const templateErrors = gapRule('template.error', 'error', 'error');
