// A previous plan document (.txt, .docx, .pdf) → a new project: the old plan's chapters as the
// project's chapter sources, its recognised tables as rows, the figures its text states bound to
// the facts computed from those rows, and a report of what was bound, left literal or contradicted.
// The project file is built at a temporary path and renamed only when everything succeeded.
import fs from 'node:fs';
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import type { Plan } from '../domain/model.ts';
import { createPlanFile, defaultPlan } from '../compose/new-plan.ts';
import { setAppendices, updatePlan, upsertChapter } from '../store/plan-repo.ts';
import { loadPlanData } from '../store/snapshot.ts';
import { computeFacts } from '../facts/plan-facts.ts';
import type { Project } from '../store/project.ts';
import type { ImportIssue } from '../import/import-plan.ts';
import { tFor } from '../i18n/index.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { TableName } from '../store/tables.ts';
import { describeImportIssue } from '../import/describe.ts';
import { factText } from '../compose/catalog.ts';
import { readText } from './read-text.ts';
import { recogniseStructure, type AdoptChapter, type AdoptStructure } from './structure.ts';
import { adoptTable, type AdoptedTable } from './tables.ts';
import { bindParagraph, escapeSource, factCatalogue, type Figure } from './bind.ts';
import type { SourceDocument } from './source.ts';

export interface AdoptOptions {
  /** the new plan's period, "2026-2030" */
  period?: string;
  /** replace an existing file */
  overwrite?: boolean;
  /** the language of the report's messages (located table errors) */
  lang?: Lang;
  /** how far the adoption is: a stage name and the fraction done (0–1), rising */
  onProgress?: (stage: AdoptStage, fraction: number) => void;
}

export type AdoptStage = 'read' | 'structure' | 'tables' | 'bind' | 'write' | 'done';

export interface ChapterReport {
  key: string;
  title: string;
  headings: number;
  paragraphs: number;
  bound: number;
  literal: number;
  contradicted: number;
  figures: Figure[];
}

export interface AdoptReport {
  source: string;
  format: SourceDocument['format'];
  cover: AdoptStructure['cover'];
  oldPeriod: { base: number | null; near: number | null; far: number | null };
  period: { base: number; start: number; end: number; near: number; far: number };
  figuresList: AdoptStructure['figures'];
  appendixList: AdoptStructure['appendixList'];
  tocMismatches: string[];
  tables: (Omit<AdoptedTable, 'errors'> & { errors: (ImportIssue & { message: string })[]; continuations: number; table: TableName | null })[];
  chapters: ChapterReport[];
  totals: { bound: number; literal: number; contradicted: number; tablesAsRows: number; tablesAsText: number };
  findings: { chapter: string; text: string; fact: string; factLabel: string; expected: string; context: string }[];
  /** what the adoption changed in the document's own numbering, located by chapter */
  notices: { kind: 'renumbered' | 'labelDropped' | 'baseYearKept' | 'minesPartial'; label: string; chapter: string; message: string }[];
}

export async function readSource(file: string, onPage?: (fraction: number) => void): Promise<SourceDocument> {
  const ext = path.extname(file).toLowerCase();
  if (!fs.existsSync(file)) throw new GmpError('io.not_found', { detail: file });
  if (ext === '.txt' || ext === '.md') return readText(fs.readFileSync(file, 'utf8'));
  if (ext === '.docx') return (await import('./read-docx.ts')).readDocx(fs.readFileSync(file));
  if (ext === '.pdf') return (await import('./read-pdf.ts')).readPdf(fs.readFileSync(file), onPage);
  throw new GmpError('adopt.unknown_format', { file: path.basename(file) });
}

/** The old plan's own years, from its 总则 ("基期为 2021 年，近期目标年为 2025 年，展望至 2035 年"). */
export function oldPeriodOf(s: AdoptStructure): AdoptReport['oldPeriod'] {
  const text = s.chapters.flatMap((c) => c.items.filter((i) => i.kind === 'para').map((i) => (i as { text: string }).text)).join('\n');
  const year = (re: RegExp) => { const m = re.exec(text); return m ? Number(m[1]) : null; };
  const range = /规划期(?:限)?(?:为)?\s*(\d{4})\s*(?:年)?\s*[-—~～至到]\s*(\d{4})/.exec(text);
  return {
    base: year(/基期(?:年)?为\s*(\d{4})/) ?? (range ? Number(range[1]) - 1 : null),
    near: year(/近期(?:目标)?(?:年)?为\s*(\d{4})/) ?? year(/近期目标（(\d{4})年）/) ?? (range ? Number(range[2]) : null),
    far: year(/展望至\s*(\d{4})/) ?? year(/远期(?:目标)?(?:年)?为\s*(\d{4})/) ?? (range ? Number(range[2]) : null),
  };
}

/** The project table a recognised document table's rows went to. */
const PROJECT_TABLE: Record<NonNullable<AdoptedTable['kind']>, TableName> = {
  mines: 'mines', green_mines: 'mines', licences: 'licences', points: 'blocks', reserves: 'reserves', indicators: 'indicators',
};

function parsePeriod(p: string): { start: number; end: number } {
  const m = /^\s*(\d{4})\s*[-–—~至]\s*(\d{4})\s*$/.exec(p);
  if (!m || Number(m[2]) < Number(m[1])) throw new GmpError('adopt.bad_period', { value: p });
  return { start: Number(m[1]), end: Number(m[2]) };
}

function chapterKey(c: AdoptChapter, i: number): string {
  return !c.numbered && c.title === '总则' ? 'general' : c.numbered ? `chapter-${i}` : `part-${i}`;
}

/** A table that stays text: its caption as a paragraph and the rows as a Markdown table. */
function tableAsText(label: string, title: string, rows: string[][]): string {
  const cell = (s: string) => escapeSource(s).replace(/\n/g, ' ') || ' ';
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
  const lines = [`| ${pad(rows[0]).map(cell).join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...rows.slice(1).map((r) => `| ${pad(r).map(cell).join(' | ')} |`)];
  return `${label || title ? `${escapeSource([label, title].filter(Boolean).join(' '))}\n\n` : ''}${lines.join('\n')}`;
}

export async function adoptPlan(sourceFile: string, outFile: string, opts: AdoptOptions = {}): Promise<AdoptReport> {
  opts.onProgress?.('read', 0);
  const doc = await readSource(sourceFile, (f) => opts.onProgress?.('read', 0.6 * f));
  return adoptDocument(doc, path.basename(sourceFile), outFile, opts);
}

export async function adoptDocument(doc: SourceDocument, sourceName: string, outFile: string, opts: AdoptOptions = {}): Promise<AdoptReport> {
  const progress = opts.onProgress ?? (() => {});
  const lang = opts.lang ?? 'zh';
  progress('structure', 0.6);
  const s = recogniseStructure(doc);
  if (!s.chapters.length) throw new GmpError('adopt.no_chapters', { file: sourceName });
  const old = oldPeriodOf(s);
  const period = opts.period ? parsePeriod(opts.period) : null;
  if (!period && old.base == null) throw new GmpError('adopt.period_needed', { file: sourceName });
  const cover = s.cover;
  const name = cover.jurisdiction || cover.title.replace(/绿色矿山.*$/, '') || path.basename(sourceName, path.extname(sourceName));
  const templateId = cover.kind === 'district' ? 'district' : 'banner';
  const base = defaultPlan(templateId, name, cover.kind);
  const oldBase = old.base ?? period!.start - 1;
  const oldNear = old.near ?? period?.end ?? oldBase + 5;
  const oldFar = old.far ?? oldNear;
  const plan: Plan = {
    ...base,
    title_zh: cover.title || base.title_zh,
    issuer_zh: cover.issuer || base.issuer_zh,
    issue_date: cover.date || base.issue_date,
    base_year: oldBase, period_start: oldBase, period_end: oldNear, near_year: oldNear, far_year: oldFar,
    indicator_years: [],
  };
  const report: AdoptReport = {
    source: sourceName, format: doc.format, cover, oldPeriod: old,
    period: { base: oldBase, start: oldBase, end: oldNear, near: oldNear, far: oldFar },
    figuresList: s.figures, appendixList: s.appendixList, tocMismatches: s.tocMismatches,
    tables: [], chapters: [], totals: { bound: 0, literal: 0, contradicted: 0, tablesAsRows: 0, tablesAsText: 0 }, findings: [], notices: [],
  };
  const t = tFor(lang);
  const fill = (project: Project) => {
    const db = project.db;
    db.prepare('DELETE FROM chapters').run();
    setAppendices(db, []);
    progress('tables', 0.65);
    // 1. tables → rows (each all or nothing)
    const tableResults = new Map<object, AdoptedTable>();
    for (const c of s.chapters) {
      for (const [k, it] of c.items.entries()) {
        if (it.kind !== 'table') continue;
        const next = c.items[k + 1];
        const r = adoptTable(project, { label: it.label, title: it.title, rows: it.rows, note: next?.kind === 'para' ? next.text : undefined });
        tableResults.set(it, r);
        report.tables.push({
          ...r, continuations: it.continuations, table: r.key && r.kind ? PROJECT_TABLE[r.kind] : null,
          errors: r.errors.map((e) => ({ ...e, message: describeImportIssue(e, lang) })),
        });
        if (r.years?.length) plan.indicator_years = r.years;
      }
    }
    // the appendix tables read as data, in the order the document gives them: the builder numbers them 附表 1…k
    const appendices: string[] = [];
    const appendixTitle = new Map<string, string>();
    for (const c of s.chapters) for (const it of c.items) {
      const r = it.kind === 'table' ? tableResults.get(it) : undefined;
      if (it.kind === 'table' && r?.key && it.appendix && !appendices.includes(r.key)) {
        appendices.push(r.key);
        appendixTitle.set(r.key, it.title);
        const to = `附表 ${appendices.length}`;
        if (it.label !== to) report.notices.push({ kind: 'renumbered', label: it.label, chapter: c.title, message: t('document:adoptReport.renumbered', { from: it.label, title: it.title, to }) });
      }
    }
    /** the recognised appendix table the builder will label `label`, if any */
    const labelledAs = (label: string) => { const m = /^附表\s*(\d+)$/.exec(label); return m ? appendices[Number(m[1]) - 1] : undefined; };
    updatePlan(db, { indicator_years: plan.indicator_years });
    progress('bind', 0.75);
    // 2. facts from the rows, and what they may bind
    const data = loadPlanData(db);
    const facts = computeFacts(data);
    const kinds = new Set(report.tables.filter((x) => x.key).map((x) => x.kind));
    const have = {
      minesComplete: kinds.has('mines') || kinds.has('licences'),
      green: kinds.has('green_mines') || data.mines.some((m) => m.green_level),
      reserves: kinds.has('reserves'),
      exploration: data.explorationRights.length > 0,
      licences: kinds.has('licences'),
      zone: kinds.has('points'),
      targets: data.mines.some((m) => m.target_year != null),
    };
    // only some mines are rows (a green-mine list): the text's counts of all mines stay as written, unchecked
    // by the import; the plan's checks compare them with the rows and will list them until the table is whole
    if (!have.minesComplete && data.mines.length > 0) {
      report.notices.push({ kind: 'minesPartial', label: '', chapter: '', message: t('document:adoptReport.minesPartial', { count: data.mines.length }) });
    }
    const defs = factCatalogue(facts, have, plan);
    // 3. chapters: headings as Markdown levels (numbers stripped), paragraphs bound, tables placed
    s.chapters.forEach((c, i) => {
      const key = chapterKey(c, i);
      const parts: string[] = [];
      const rep: ChapterReport = { key, title: c.title, headings: 0, paragraphs: 0, bound: 0, literal: 0, contradicted: 0, figures: [] };
      for (const it of c.items) {
        if (it.kind === 'heading') {
          parts.push(`${'#'.repeat(Math.min(6, Math.max(2, it.level)))} ${escapeSource(it.text)}`);
          rep.headings++;
        } else if (it.kind === 'para') {
          const b = bindParagraph(it.text, defs);
          parts.push(b.source);
          rep.figures.push(...b.figures);
          rep.paragraphs++;
        } else {
          const r = tableResults.get(it)!;
          if (r.key) {
            if (!it.appendix) parts.push(`::table ${r.key}`);
          } else {
            // a table kept as text keeps its caption, unless its label is now another table's (附表 3 twice)
            const other = it.appendix ? labelledAs(it.label) : undefined;
            if (other) report.notices.push({ kind: 'labelDropped', label: it.label, chapter: c.title, message: t('document:adoptReport.labelDropped', { label: it.label, title: it.title, chapter: c.title, other: appendixTitle.get(other) ?? other }) });
            parts.push(tableAsText(other ? '' : it.label, it.title, it.rows));
          }
        }
      }
      for (const f of rep.figures) {
        rep[f.status]++;
        if (f.status === 'contradicted') report.findings.push({ chapter: c.title, text: f.text, fact: f.fact!, factLabel: factText(f.fact!, lang)?.label ?? f.fact!, expected: f.expected!, context: f.context });
      }
      report.chapters.push(rep);
      const body = parts.join('\n\n') + '\n';
      upsertChapter(db, { key, lang: 'zh', sort: i + 1, title: c.title, numbered: c.numbered, body, origin: `adopt:${sourceName}` });
      upsertChapter(db, { key, lang: 'en', sort: i + 1, title: c.title, numbered: c.numbered, body: `${tFor('en')('document:adoptUntranslated')}\n`, origin: 'adopt:untranslated' });
    });
    setAppendices(db, appendices);
    progress('write', 0.9);
    // 4. the new plan's period, when given: the plan's years follow it, but the base year stays the year
    // the tables are as of ("截至 2021 年底" with 2021's rows never reads 2025) until the writer updates them
    if (period) {
      const span = oldFar - oldNear;
      const next = { base_year: Math.min(oldBase, period.start), period_start: period.start, period_end: period.end, near_year: period.end, far_year: period.end + Math.max(0, span) };
      if (next.base_year !== period.start - 1) {
        report.notices.push({ kind: 'baseYearKept', label: '', chapter: '', message: t('document:adoptReport.baseYearKept', { base: next.base_year, next: period.start - 1 }) });
      }
      updatePlan(db, next);
      report.period = { base: next.base_year, start: next.period_start, end: next.period_end, near: next.near_year, far: next.far_year };
    }
  };
  await createPlanFile(outFile, plan, fill, opts.overwrite ?? false);
  for (const c of report.chapters) {
    report.totals.bound += c.bound;
    report.totals.literal += c.literal;
    report.totals.contradicted += c.contradicted;
  }
  report.totals.tablesAsRows = report.tables.filter((x) => x.key).length;
  report.totals.tablesAsText = report.tables.length - report.totals.tablesAsRows;
  progress('done', 1);
  return report;
}
