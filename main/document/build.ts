// PlanData + language → the one document model: cover, TOC, numbered chapters, in-text tables
// (表 N) and appendix tables (附表 N) counted in order, with the list of appendices taken from
// the very same captions.
import { GmpError } from '../domain/errors.ts';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { tFor } from '../i18n/index.ts';
import { composeChapters } from '../compose/compose.ts';
import { appendixLabelFor } from '../compose/catalog.ts';
import { formatIssueDate } from '../compose/filters.ts';
import { unsetPlaceholder } from '../compose/placeholders.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import type { Block, FigureBlock, PlanDocument, TableBlock } from './ir.ts';
import { isMapType, renderMaps, type MapType } from '../maps/index.ts';
import { HeadingNumberer, joinNumber } from './numbering.ts';
import { parseChapterMarkdown, type ParsedBlock } from './markdown.ts';
import { TABLE_DEFS } from './tables/registry.ts';
import type { TableContext } from './tables/helpers.ts';

function buildTable(key: string, ctx: TableContext, label: string, appendix: boolean, file: string): TableBlock {
  const def = TABLE_DEFS[key];
  if (!def) throw new GmpError('template.unknown_table', { file, table: key }, { file });
  const content = def.build(ctx);
  const p = ctx.data.plan;
  const title = ctx.t(`document:title.${key}`, {
    name: ctx.lang === 'zh' ? p.jurisdiction_zh : p.jurisdiction_en || p.jurisdiction_zh,
    year: p.base_year,
  });
  return { kind: 'table', id: `${appendix ? 'at' : 't'}-${key}`, key, label, title, appendix, ...content };
}

/** True when any row of the plan is marked as sample (demonstration) data. */
export function hasSampleRows(data: PlanData): boolean {
  return [data.mines, data.licences, data.explorationRights].some((rows) => rows.some((r) => r.is_sample));
}

export interface BuildOptions {
  facts?: Facts;
}

/** A caption written as a paragraph right above a pipe table: "附表 3 绿色矿山建设模式", "表 2 …", "Table 2 …". */
const CAPTION = /^((?:续)?(?:附表|表)\s*\d+|(?:Appendix )?Table \d+)[\s　]*(.*)$/;

/** A pipe table of the chapter's own text (e.g. an adopted table not read as data), with the caption written above it. */
function textTable(b: Extract<ParsedBlock, { kind: 'table' }>, body: Block[], id: string): TableBlock {
  const prev = body[body.length - 1];
  const captionText = prev?.kind === 'paragraph' ? prev.runs.map((r) => r.text).join('').trim() : '';
  const m = CAPTION.exec(captionText);
  if (m) body.pop();
  const long = b.header.map((h, i) => Math.max(h.length, ...b.rows.map((r) => (r[i] ?? '').length)) > 12);
  return {
    kind: 'table', id, key: 'text', label: m ? m[1].replace(/\s+/g, ' ') : '', title: m ? m[2] : '',
    columns: b.header.map((h, i) => ({ header: h, width: long[i] ? 6 : 1.5, align: b.align[i] ?? (long[i] ? 'left' : undefined) })),
    rows: b.rows.map((r) => b.header.map((_, i) => ({ text: r[i] ?? '' }))),
    notes: [], landscape: false, appendix: false,
  };
}

export function buildDocument(data: PlanData, lang: Lang, opts: BuildOptions = {}): PlanDocument {
  const t = tFor(lang);
  const facts = opts.facts ?? computeFacts(data);
  const ctx: TableContext = { data, facts, lang, t };
  // Appendix maps ("map:<type>") and appendix tables are numbered apart: 附图 1-3, 附表 1-N.
  const mapKeys = data.appendices.filter((k) => k.startsWith('map:'));
  const tableKeys = data.appendices.filter((k) => !k.startsWith('map:'));
  const appendixLabel = appendixLabelFor(data, lang);

  const chapters = composeChapters(data, lang, appendixLabel, facts);
  const numberer = new HeadingNumberer(lang);
  const body: Block[] = [];
  let headingSeq = 0;
  let paraSeq = 0;
  let tableSeq = 0;
  for (const ch of chapters) {
    if (body.length) body.push({ kind: 'pageBreak' });
    body.push({ kind: 'heading', id: `h${++headingSeq}`, level: 1, number: ch.numbered ? numberer.next(1) : '', text: ch.title });
    const chapterNumbered = ch.numbered;
    for (const b of parseChapterMarkdown(ch.markdown)) {
      if (b.kind === 'heading') {
        body.push({ kind: 'heading', id: `h${++headingSeq}`, level: b.level, number: chapterNumbered ? numberer.next(b.level) : numberer.next(b.level), text: b.text });
      } else if (b.kind === 'paragraph') {
        if (b.runs.some((r) => r.text.trim())) body.push({ kind: 'paragraph', id: `p-${ch.key}-${++paraSeq}`, runs: b.runs });
      } else if (b.kind === 'table') {
        body.push(textTable(b, body, `mt-${ch.key}-${++paraSeq}`));
      } else if (b.name === 'table') {
        tableSeq += 1;
        body.push(buildTable(b.arg, ctx, t('document:tableLabel', { n: tableSeq }), false, `${ch.key}.${lang}.md`));
      } else if (b.name === 'pagebreak') {
        body.push({ kind: 'pageBreak' });
      } else {
        throw new GmpError('template.syntax', { file: `${ch.key}.${lang}.md`, line: b.line, detail: `::${b.name}` });
      }
    }
  }

  const appendices = tableKeys.map((key) => buildTable(key, ctx, appendixLabel(key), true, 'template.json'));
  const types = mapKeys.map((k) => {
    const type = k.slice(4);
    if (!isMapType(type)) throw new GmpError('template.unknown_table', { file: 'template.json', table: k }, { file: 'template.json' });
    return type as MapType;
  });
  const figures: FigureBlock[] = renderMaps(data, lang, types, { showTitle: false }).map((m, i) => ({
    kind: 'figure', id: `af-${m.type}`, key: mapKeys[i], label: appendixLabel(mapKeys[i]), title: m.title,
    svg: m.svg, width: m.width, height: m.height, landscape: m.landscape, appendix: true,
  }));
  const toc = body.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level <= 2)
    .map((h) => ({ id: h.id, level: h.level, text: joinNumber(h.number, h.text, lang) }));

  const p = data.plan;
  // the cover shows what is missing as the chapters do
  const orFill = (v: string, label: string) => (v.trim() ? v : unsetPlaceholder(label, label, lang).text);
  return {
    lang,
    title: orFill(lang === 'zh' ? p.title_zh : p.title_en || p.title_zh, 'title'),
    issuer: orFill(lang === 'zh' ? p.issuer_zh : p.issuer_en || p.issuer_zh, 'issuer'),
    date: orFill(p.issue_date ? formatIssueDate(p.issue_date, lang) : '', 'issue_date'),
    appendixList: [...figures, ...appendices].map((a) => ({ label: a.label, title: a.title })),
    toc,
    body,
    figures,
    appendices,
    strings: { toc: t('document:toc'), appendixList: t(figures.length ? 'document:appendixListWithMaps' : 'document:appendixList'), appendices: t('document:appendices'), page: t('document:page', { page: '{{page}}' }) },
    gaps: chapters.flatMap((c) => c.gaps),
    sampleMark: hasSampleRows(data) ? t('document:sample.mark') : undefined,
  };
}
