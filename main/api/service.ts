// The studio's operations, behind the API. One open plan per service; every edit is committed
// at once in its own transaction and recorded for undo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { GmpError } from '../domain/errors.ts';
import { describeError } from '../i18n/index.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { DialogKind } from './contract.ts';
import { Project } from '../store/project.ts';
import { loadPlanData } from '../store/snapshot.ts';
import { getPlan, listChapters, updateChapterText } from '../store/plan-repo.ts';
import { applySettings, getSettings, type SettingsValues } from '../store/settings-repo.ts';
import { SETTING_FIELDS } from '../domain/plan-fields.ts';
import { deleteRow, getRow, insertRow, listRows, listRowsCompact, updateRow } from '../store/row-repo.ts';
import { TABLES, type TableName } from '../store/tables.ts';
import { createPlanFile, defaultPlan } from '../compose/new-plan.ts';
import { buildFileAtomic, writeFileAtomic } from '../files/atomic.ts';
import { listTemplateIds, loadTemplate } from '../compose/templates.ts';
import { writeBannerSample } from '../sample/build-sample.ts';
import { buildDocument } from '../document/build.ts';
import { computeFacts } from '../facts/plan-facts.ts';
import type { Format } from '../export/export-plan.ts';
import { runExport } from '../export/run-export.ts';
import type { PlanDocument } from '../document/ir.ts';
import { getRowRaw, type RawRow } from '../store/raw-rows.ts';
import { placeOf, rowsOf, UndoStack, type Edit, type Place } from './undo.ts';
import { pasteRows, type PasteRow } from './paste.ts';
import type { PlanData } from '../domain/model.ts';
import { runChecks } from '../checks/run-checks.ts';
import { importFile } from '../import/import-plan.ts';
import { ImportJournal, JOURNAL_TABLES } from '../import/journal.ts';
import type { ImportKind } from '../import/headers.ts';
import { describeChange, describeImportIssue, describeImportSummary } from '../import/describe.ts';
import { clearMarks, listMarks } from '../store/cell-marks.ts';
import { ensureLocalMineral, getLocalMineral, listLocalMinerals } from '../store/local-minerals.ts';
import { catalogueMinerals, type LocalMineralGroup } from '../domain/minerals.ts';
import { listRevisions, restoreRevision, revisionData, saveRevision } from '../review/revisions.ts';
import { diffJson, writeRedline, writeSideBySidePdf } from '../review/diff-outputs.ts';
import { diffLines } from '../review/diff-report.ts';
import { comparePlans } from '../review/compare.ts';
import { checkChapter } from '../compose/bindings.ts';
import { catalogMarkdown, factCatalog, filterDocs } from '../compose/catalog.ts';
import { redlineView } from '../review/redline-view.ts';
import { exportFolder, resolveInWorkspace, workspaceFile } from './workspace-paths.ts';
import { unquotePath } from '../domain/typed-path.ts';
import { renderMap, type MapType } from '../maps/index.ts';
import type { AdoptReport } from '../adopt/adopt.ts';
import { exportChapters, importChapters } from '../review/chapter-files.ts';
import { saveAsTemplate } from '../review/save-template.ts';
import { exportTableXlsx } from '../export/table-xlsx.ts';
import { renderFindingsDocx } from '../checks/findings-docx.ts';

export interface ServiceOptions {
  /** where new plans and exports go when no path is given (the browser host has no file dialogs) */
  workspace: string;
  /** where the list of recent plans is kept */
  configDir?: string;
  /**
   * The served mode (the loopback host): every path an API call names must resolve, symlinks
   * included, inside the workspace. The desktop app and the CLI take the paths their user chose.
   */
  confined?: boolean;
  /** keep the list of recent plans (not for the command line) */
  remember?: boolean;
  /** opens a folder in the system's file manager (the Electron door only) */
  openPath?: (dir: string) => Promise<unknown>;
  /** the native file dialogs (the Electron door only): the path chosen, or null if cancelled */
  dialogs?: (kind: DialogKind, defaultName: string | undefined, lang: Lang) => Promise<string | null>;
}

function pickKeys(v: SettingsValues, keys: readonly string[]): SettingsValues {
  return Object.fromEntries(keys.filter((k) => k in v).map((k) => [k, v[k]]));
}

interface Job {
  id: string;
  stage: string;
  fraction: number;
  done: boolean;
  files: string[];
  /** characters the bundled fonts lack (the export shows them as boxes) */
  missingGlyphs?: string[];
  /** the failure, already worded in both languages */
  error?: { code: string; message: Record<Lang, string> };
}

/** An adoption in preview: the new project is built whole at a pending path, shown, then committed or dropped. */
interface AdoptJob extends Job {
  report?: AdoptReport;
  summary?: string[];
  /** the built project, until it is committed or discarded */
  pending?: string;
  /** the name the new plan would be saved under */
  suggested?: string;
  lang: Lang;
}

/** A file import run as a job: its stage and overall fraction done, then its result (described) or its failure. */
interface ImportJob {
  id: string;
  stage: 'queued' | 'read' | 'rows' | 'done';
  fraction: number;
  done: boolean;
  result?: unknown;
  error?: { code: string; message: Record<Lang, string> };
}

/** Share of an import's time spent reading the file into the staging area (the rest: validating and writing rows). */
const READ_SHARE = 0.3;

const PREVIEW_ROWS = 60;

type ImportArgs = { table?: ImportKind; sheet?: string; dryRun?: boolean; skipErrors?: boolean; mapping?: Record<string, string>; mineralGroups?: Record<string, LocalMineralGroup> };

/** A pending adopted project removed, and the pending folder with it once no other adoption is in it. */
function removePending(pending: string) {
  fs.rmSync(pending, { force: true });
  try {
    fs.rmdirSync(path.dirname(pending));
  } catch {
    // other adoptions are pending
  }
}

export class StudioService {
  private project: Project | null = null;
  private readonly undo = new UndoStack();
  private readonly jobs = new Map<string, Job>();
  private readonly adoptions = new Map<string, AdoptJob>();
  private readonly importJobs = new Map<string, ImportJob>();
  /** an import is writing into the open plan (its transaction spans several turns of the event loop): nothing else may touch it */
  private importing = false;
  readonly workspace: string;
  readonly confined: boolean;
  private readonly configDir: string;
  private readonly openPath?: (dir: string) => Promise<unknown>;
  private readonly dialogs?: ServiceOptions['dialogs'];
  private readonly remember: boolean;
  /** files written by exports of this session: the only ones shell.openFolder shows */
  private readonly exported = new Set<string>();

  constructor(opts: ServiceOptions) {
    this.openPath = opts.openPath;
    this.dialogs = opts.dialogs;
    this.remember = opts.remember ?? true;
    this.workspace = path.resolve(opts.workspace);
    this.confined = opts.confined ?? false;
    fs.mkdirSync(this.workspace, { recursive: true });
    this.configDir = opts.configDir ?? process.env.GMP_CONFIG_DIR ?? path.join(os.homedir(), '.config', 'gmp-studio');
  }

  /** A path an API call named, resolved; in the served mode refused unless it lies inside the workspace. */
  private userPath(typed: string): string {
    const p = unquotePath(typed); // "D:\\data\\x.xlsx" as Explorer copies it
    return this.confined ? resolveInWorkspace(this.workspace, p) : path.resolve(p);
  }

  /** A file the browser sent (the served UI has no file dialog): kept in the workspace's uploads, never over another. */
  upload(name: string, base64: string) {
    const clean = path.basename(name.replace(/\\/g, '/')).replace(/[\0:*?"<>|]/g, '_') || 'upload';
    const ext = path.extname(clean);
    let target = workspaceFile(this.workspace, clean);
    for (let i = 1; fs.existsSync(target); i++) target = workspaceFile(this.workspace, `${path.basename(clean, ext)}-${i}${ext}`);
    writeFileAtomic(target, Buffer.from(base64, 'base64'));
    return { file: target, name: path.basename(target) };
  }

  /** A file the studio wrote (an export, a redline), for the browser to save where the user chooses. */
  download(file: string) {
    const p = this.confined ? resolveInWorkspace(this.workspace, unquotePath(file)) : path.resolve(unquotePath(file));
    const st = fs.existsSync(p) ? fs.statSync(p) : null;
    if (!st?.isFile()) throw new GmpError('project.not_found', { path: file });
    if (st.size > 64 * 1024 * 1024) throw new GmpError('api.bad_args', { detail: 'file larger than 64 MB' });
    return { name: path.basename(p), data: fs.readFileSync(p).toString('base64') };
  }

  private get open(): Project {
    if (!this.project) throw new GmpError('api.no_project');
    if (this.importing) throw new GmpError('import.running');
    return this.project;
  }

  // --- plans -------------------------------------------------------------------------------
  info() {
    return { version: '0.1.0', workspace: this.workspace, file: this.project?.file ?? null, canUndo: this.undo.canUndo, canRedo: this.undo.canRedo };
  }

  templates() {
    return listTemplateIds().map((id) => {
      const t = loadTemplate(id);
      return { id, name: t.name, description: t.description, chapters: t.chapters.length, appendices: t.appendices.length };
    });
  }

  async create(templateId: string, name: string, file?: string) {
    loadTemplate(templateId);
    const target = file ? this.userPath(file) : this.freeName(name);
    await createPlanFile(target, defaultPlan(templateId, name));
    return this.openFile(target);
  }

  /** Opens the bundled sample: the workspace's copy, or a new copy written at `file` (an existing one only with `overwrite`). */
  async openSample(file?: string, overwrite = false) {
    if (file !== undefined) {
      const target = this.userPath(file);
      await writeBannerSample(target, overwrite);
      return this.openFile(target);
    }
    const own = path.join(this.workspace, 'sample.gmplan');
    if (!fs.existsSync(own)) await writeBannerSample(own);
    return this.openFile(own);
  }

  private freeName(name: string): string {
    const base = name.replace(/[\\/:*?"<>|\s]/g, '_');
    for (let i = 0; ; i++) {
      const f = path.join(this.workspace, `${base}${i ? `-${i}` : ''}.gmplan`);
      if (!fs.existsSync(f)) return f;
    }
  }

  openFile(file: string, readonly = false) {
    if (this.importing) throw new GmpError('import.running');
    const next = Project.open(this.userPath(file), readonly ? { readonly: true } : undefined);
    this.close();
    this.project = next;
    if (this.remember) this.rememberRecent(next.file);
    return this.summary();
  }

  /** Writes a consistent copy of the open plan to `file` and continues there; an existing file only with `overwrite`. */
  async saveAs(file: string, overwrite = false) {
    const target = this.userPath(file);
    if (target === this.open.file) return this.summary();
    if (!overwrite && fs.existsSync(target)) throw new GmpError('project.exists', { path: file });
    await buildFileAtomic(target, (tmp) => { this.open.db.prepare('VACUUM INTO ?').run(tmp); });
    return this.openFile(target);
  }

  close() {
    if (this.importing) throw new GmpError('import.running');
    this.project?.close();
    this.project = null;
    this.undo.clear();
    return null;
  }

  summary() {
    const p = this.open;
    const data = loadPlanData(p.db);
    const f = computeFacts(data);
    return {
      file: p.file,
      plan: data.plan,
      counts: Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, (p.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n])),
      facts: { mines: f.mines.total, coal: f.mines.byGroup.coal, producing: f.mines.byStatus.producing, green: f.green.built },
      canUndo: this.undo.canUndo,
      canRedo: this.undo.canRedo,
    };
  }

  /** The plan's key figures (what `gmp info` prints). */
  figures() {
    const data = loadPlanData(this.open.db);
    const f = computeFacts(data);
    return {
      title: data.plan.title_zh,
      template: data.plan.template_id,
      period: `${data.plan.period_start}-${data.plan.period_end}`,
      mines: f.mines.total,
      coal: f.mines.byGroup.coal.count,
      coalShare: f.mines.byGroup.coal.percent,
      large: f.mines.byScale.large.count,
      medium: f.mines.byScale.medium.count,
      small: f.mines.byScale.small.count,
      producing: f.mines.byStatus.producing.count,
      greenNational: f.green.national,
      greenRegional: f.green.regional,
      licences: f.licences.count,
      explorationRights: f.exploration.count,
      zones: f.zones.map((z) => ({ name: z.name_zh, declaredKm2: z.declaredAreaKm2, computedKm2: z.computedAreaKm2 })),
      chapters: data.chapters.length / 2,
      appendices: data.appendices.length,
    };
  }

  /** The plan's settings and profile, one value per settings field, with the list of fields. */
  settings() {
    return { fields: SETTING_FIELDS, values: getSettings(this.open.db) };
  }

  /** Changes settings fields: validated as a whole against the plan's other years, undoable. */
  updatePlan(patch: Record<string, unknown>) {
    const p = this.open;
    const { before, after } = p.tx(() => applySettings(p.db, patch));
    const keys = Object.keys(patch);
    const b = pickKeys(before, keys);
    const a = pickKeys(after, keys);
    if (JSON.stringify(b) !== JSON.stringify(a)) this.undo.push({ kind: 'plan', before: b, after: a, at: { view: 'overview', field: keys[0] } });
    return { plan: getPlan(p.db), values: after };
  }

  /** A native file dialog (desktop only): the path the user chose, or null. */
  async choose(kind: DialogKind, defaultName: string | undefined, lang: Lang): Promise<string | null> {
    if (!this.dialogs) throw new GmpError('api.no_dialogs');
    return this.dialogs(kind, defaultName, lang);
  }

  /** Shows a file this studio exported in the system's file manager (only such files). */
  openFolder(file: string) {
    const target = path.resolve(file);
    if (!this.exported.has(target)) throw new GmpError('api.bad_args', { detail: 'shell.openFolder' });
    if (!this.openPath) throw new GmpError('api.bad_args', { detail: 'shell.openFolder' });
    void this.openPath(path.dirname(target));
    return null;
  }

  private recentFile() {
    return path.join(this.configDir, 'recent.json');
  }

  recent(): string[] {
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile(), 'utf8')) as string[];
      return list.filter((f) => typeof f === 'string' && fs.existsSync(f) && this.mayName(f));
    } catch {
      return [];
    }
  }

  /** In the served mode the recent list names only plans inside the workspace. */
  private mayName(file: string): boolean {
    if (!this.confined) return true;
    try {
      resolveInWorkspace(this.workspace, file);
      return true;
    } catch {
      return false;
    }
  }

  private rememberRecent(file: string) {
    const list = [file, ...this.recent().filter((f) => f !== file)].slice(0, 10);
    try {
      fs.mkdirSync(this.configDir, { recursive: true });
      writeFileAtomic(this.recentFile(), JSON.stringify(list, null, 1));
    } catch {
      // a read-only profile must not stop the work
    }
  }

  // --- rows ---------------------------------------------------------------------------------
  specs() {
    return TABLES;
  }

  rows(table: TableName) {
    return listRows(this.open.db, table);
  }

  /** The same rows for the grid: column names once, then each row's values (see listRowsCompact). */
  rowsCompact(table: TableName) {
    return listRowsCompact(this.open.db, table);
  }

  insert(table: TableName, values: Record<string, string | number | boolean | null>) {
    const p = this.open;
    return p.tx(() => {
      const id = insertRow(p.db, table, values);
      this.undo.push({ kind: 'row', table, before: null, after: getRowRaw(p.db, table, id) });
      return { id, rows: listRows(p.db, table) };
    });
  }

  update(table: TableName, id: number, patch: Record<string, string | number | boolean | null>) {
    const p = this.open;
    return p.tx(() => {
      const before = getRowRaw(p.db, table, id);
      updateRow(p.db, table, id, patch);
      this.undo.push({ kind: 'row', table, before, after: getRowRaw(p.db, table, id), at: { view: 'data', table, rowId: id, column: Object.keys(patch)[0] } });
      return getRow(p.db, table, id) ?? null;
    });
  }

  remove(table: TableName, id: number) {
    const p = this.open;
    return p.tx(() => {
      // what the delete changes elsewhere (licences lose their mine, blocks go with it) is undone with it
      const dependents: Edit[] = [];
      const snap = (t: TableName, ids: number[]) => ids.map((i) => ({ t, raw: getRowRaw(p.db, t, i) as RawRow }));
      const ids = (sql: string) => (p.db.prepare(sql).all(id) as { id: number }[]).map((r) => r.id);
      const touched = table === 'mines'
        ? [...snap('licences', ids('SELECT id FROM licences WHERE mine_id = ?')), ...snap('blocks', ids('SELECT id FROM blocks WHERE mine_id = ?'))]
        : table === 'zones'
          ? [...snap('mines', ids('SELECT id FROM mines WHERE zone_id = ?')), ...snap('blocks', ids('SELECT id FROM blocks WHERE zone_id = ?'))]
          : [];
      const before = getRowRaw(p.db, table, id);
      if (!deleteRow(p.db, table, id)) throw new GmpError('value.unknown_ref', { value: id }, { table });
      for (const { t, raw } of touched) dependents.push({ kind: 'row', table: t, before: raw, after: getRowRaw(p.db, t, Number(raw.row.id)) });
      this.undo.push({ kind: 'group', what: 'delete', edits: [{ kind: 'row', table, before, after: null }, ...dependents] });
      return true;
    });
  }

  /** A block of cells pasted into a table: all written in one transaction and one undo step, or none. */
  paste(table: TableName, rows: PasteRow[], lang: Lang) {
    const p = this.open;
    const r = pasteRows(p, table, rows, lang);
    if (r.edits.length) {
      const first = r.edits[0];
      const column = Object.keys(rows[0]?.values ?? {})[0];
      this.undo.push({ kind: 'group', what: 'paste', edits: r.edits, at: { view: 'data', table, rowId: first.kind === 'row' && first.after ? Number(first.after.row.id) : undefined, column } });
    }
    return { written: r.written, errors: r.errors, ids: r.ids, rows: r.written ? listRows(p.db, table) : undefined };
  }

  // --- chapters -----------------------------------------------------------------------------
  chapters(lang: Lang) {
    return listChapters(this.open.db, lang);
  }

  updateChapter(key: string, lang: Lang, title?: string, body?: string) {
    const p = this.open;
    return p.tx(() => {
      const before = listChapters(p.db, lang).find((c) => c.key === key);
      if (!before) throw new GmpError('api.bad_args', { detail: `chapter ${key}` });
      updateChapterText(p.db, key, lang, { title, body });
      const after = listChapters(p.db, lang).find((c) => c.key === key)!;
      this.undo.push({ kind: 'chapter', key, lang, before: { title: before.title, body: before.body }, after: { title: after.title, body: after.body } });
      return after;
    });
  }

  /** The values and errors of a chapter text as typed (nothing is saved). */
  checkChapter(lang: Lang, body: string, title?: string) {
    return checkChapter(loadPlanData(this.open.db), lang, body, title ?? '');
  }

  /** Every figure a chapter can bind, with its current value, and the template language's filters. */
  factCatalog() {
    return { entries: factCatalog(loadPlanData(this.open.db)), filters: filterDocs() };
  }

  factCatalogMarkdown(lang: Lang) {
    return catalogMarkdown(factCatalog(loadPlanData(this.open.db)), lang);
  }

  // --- preview and export -------------------------------------------------------------------
  preview(lang: Lang): PlanDocument & { truncated: Record<string, number> } {
    return this.previewOf(loadPlanData(this.open.db), lang);
  }

  /** A revision as it reads, read-only (nothing of it can be edited). */
  previewRevision(ref: string | number, lang: Lang) {
    return this.previewOf(revisionData(this.open, ref).data, lang);
  }

  private previewOf(data: PlanData, lang: Lang): PlanDocument & { truncated: Record<string, number> } {
    const doc = buildDocument(data, lang);
    const truncated: Record<string, number> = {};
    for (const t of doc.appendices) {
      if (t.rows.length > PREVIEW_ROWS) {
        truncated[t.id] = t.rows.length;
        t.rows = t.rows.slice(0, PREVIEW_ROWS);
      }
    }
    return { ...doc, truncated };
  }

  startExport(lang: Lang, formats: Format[], outDir?: string) {
    const data = loadPlanData(this.open.db);
    const job: Job = { id: crypto.randomUUID(), stage: 'queued', fraction: 0, done: false, files: [] };
    this.jobs.set(job.id, job);
    const dir = exportFolder(this.workspace, outDir?.trim() || undefined, this.confined, this.open.file);
    void runExport(data, {
      lang, formats, outDir: dir,
      onProgress: (stage, f) => {
        job.stage = stage;
        job.fraction = f;
      },
    }).then(({ files, missingGlyphs }) => {
      for (const f of files) this.exported.add(path.resolve(f));
      job.files = files;
      job.missingGlyphs = missingGlyphs;
      job.fraction = 1;
      job.done = true;
    }, (e: unknown) => {
      job.done = true;
      job.error = { code: e instanceof GmpError ? e.code : 'internal', message: { zh: describeError(e, 'zh'), en: describeError(e, 'en') } };
    });
    return { jobId: job.id, outDir: dir };
  }

  exportStatus(jobId: string) {
    const job = this.jobs.get(jobId);
    if (!job) throw new GmpError('api.bad_args', { detail: `job ${jobId}` });
    return job;
  }

  /** A sketch map of the open plan as SVG (drawn from its corner coordinates as they are now). */
  renderMap(type: MapType, lang: Lang) {
    return renderMap(loadPlanData(this.open.db), type, lang);
  }

  // --- adopting a previous plan ------------------------------------------------------------------
  /**
   * Starts reading a previous plan (.docx, .pdf, .txt) into a new project built whole at a pending
   * path; the job's report says what was found before anything is kept (adopt.commit keeps it).
   */
  startAdopt(file: string, period: string | undefined, lang: Lang) {
    const source = this.userPath(file);
    const job: AdoptJob = { id: crypto.randomUUID(), stage: 'queued', fraction: 0, done: false, files: [], lang };
    this.adoptions.set(job.id, job);
    const dir = path.join(this.workspace, '.adopting');
    fs.mkdirSync(dir, { recursive: true });
    const pending = path.join(dir, `${job.id}.gmplan`);
    void (async () => {
      // the PDF reader's worker starts loading pdfjs on the other core while the adoption's own modules load
      if (/\.pdf$/i.test(source)) (await import('../adopt/read-pdf.ts')).warmPdfReader();
      const { adoptPlan } = await import('../adopt/adopt.ts');
      const { adoptSummary } = await import('../adopt/summary.ts');
      const report = await adoptPlan(source, pending, {
        period, lang,
        onProgress: (stage, f) => {
          job.stage = stage;
          job.fraction = Math.max(job.fraction, f);
        },
      });
      job.report = report;
      job.summary = adoptSummary(report, lang);
      job.pending = pending;
      job.suggested = path.basename(this.freeName(report.cover.jurisdiction || path.basename(source, path.extname(source))));
      job.fraction = 1;
      job.done = true;
    })().catch((e: unknown) => {
      removePending(pending);
      job.done = true;
      job.error = { code: e instanceof GmpError ? e.code : 'internal', message: { zh: describeError(e, 'zh'), en: describeError(e, 'en') } };
    });
    return { jobId: job.id };
  }

  adoptStatus(jobId: string) {
    const job = this.adoptions.get(jobId);
    if (!job) throw new GmpError('api.bad_args', { detail: `job ${jobId}` });
    const { pending: _pending, ...shown } = job;
    return shown;
  }

  /** Keeps the previewed project at `file` (or a free name in the workspace) and opens it; the report as a .docx too when asked. */
  async commitAdopt(jobId: string, file?: string, overwrite = false, report?: string) {
    const job = this.adoptions.get(jobId);
    if (!job?.done || !job.pending || !fs.existsSync(job.pending)) throw new GmpError('api.bad_args', { detail: `job ${jobId}` });
    // a bare name is a plan in the workspace; a path is taken as typed (confined to the workspace when served)
    const target = !file ? path.join(this.workspace, job.suggested!) : path.basename(file) === file ? this.userPath(path.join(this.workspace, file)) : this.userPath(file);
    if (!overwrite && fs.existsSync(target)) throw new GmpError('project.exists', { path: file ?? target });
    const pending = job.pending;
    const reportFile = report ? this.userPath(report) : null;
    await buildFileAtomic(target, (tmp) => { fs.copyFileSync(pending, tmp); });
    if (reportFile) await (await import('../adopt/report-docx.ts')).writeAdoptReportDocx(job.report!, reportFile, job.lang);
    this.dropPending(jobId);
    return this.openFile(target);
  }

  /** Forgets an adoption and removes its pending project. */
  private dropPending(jobId: string) {
    const pending = this.adoptions.get(jobId)?.pending;
    this.adoptions.delete(jobId);
    if (pending) removePending(pending);
  }

  /** Drops a previewed adoption: nothing of it stays. */
  discardAdopt(jobId: string) {
    this.dropPending(jobId);
    return null;
  }

  // --- checks and import --------------------------------------------------------------------
  checks() {
    return runChecks(loadPlanData(this.open.db));
  }

  /**
   * Imports a spreadsheet into the open plan, as one undoable step (the doors reach it only as the
   * job below: import.start, import.status). While it runs (its rows are
   * written in batches, between which other requests are answered) every other call on the plan is
   * refused with a clear message, so nothing else lands inside the import's transaction.
   */
  async importData(file: string, opts: ImportArgs, lang: Lang, onProgress?: (stage: 'read' | 'rows', fraction: number) => void) {
    const p = this.open;
    const source = this.userPath(file);
    this.importing = true;
    try {
      // an import is one undoable step: the ids of the rows it added and the prior state of those it changed
      const journal = opts.dryRun ? undefined : new ImportJournal();
      const r = await importFile(p, source, { ...opts, journal, onProgress });
      if (r.written && journal && !journal.empty) {
        const table: TableName = r.kind === 'points' ? 'blocks' : r.kind === 'licences' ? 'licences' : 'mines';
        const first = journal.tables[table].ids[0];
        this.undo.push({
          kind: 'rows', what: 'import',
          tables: JOURNAL_TABLES.map((t) => ({ table: t, ids: journal.tables[t].ids, kept: journal.tables[t].before })),
          at: { view: 'data', table, rowId: first },
        });
      }
      const described = (e: (typeof r.errors)[number]) => ({ ...e, message: describeImportIssue(e, lang) });
      return { ...r, errors: r.errors.map(described), notices: r.notices.map(described), summary: describeImportSummary(r, lang), changes: r.changes.map((c) => ({ ...c, text: describeChange(c, lang) })) };
    } finally {
      this.importing = false;
    }
  }

  /** The import as a job, the one door every client uses: started here, followed with `importStatus` (stage, fraction done), its result at the end. */
  startImport(file: string, opts: ImportArgs, lang: Lang) {
    void this.open; // a plan must be open, and no other import running
    this.userPath(file); // a path that leads out is refused here, not later in the job
    const job: ImportJob = { id: crypto.randomUUID(), stage: 'queued', fraction: 0, done: false };
    this.importJobs.set(job.id, job);
    void this.importData(file, opts, lang, (stage, f) => {
      job.stage = stage;
      job.fraction = stage === 'read' ? READ_SHARE * f : READ_SHARE + (1 - READ_SHARE) * 0.98 * f;
    }).then((result) => {
      job.result = result;
      job.stage = 'done';
      job.fraction = 1;
      job.done = true;
    }, (e: unknown) => {
      job.done = true;
      job.error = { code: e instanceof GmpError ? e.code : 'internal', message: { zh: describeError(e, 'zh'), en: describeError(e, 'en') } };
    });
    return { jobId: job.id };
  }

  importStatus(jobId: string) {
    const job = this.importJobs.get(jobId);
    if (!job) throw new GmpError('api.bad_args', { detail: `job ${jobId}` });
    // a finished job is handed over once, then forgotten (its result can be large)
    if (job.done) this.importJobs.delete(jobId);
    return job;
  }

  /** One appendix or in-text table of the plan as an .xlsx file (it imports back). */
  async exportTable(key: string, lang: Lang, file: string) {
    const target = this.userPath(file);
    await exportTableXlsx(loadPlanData(this.open.db), key, lang, target);
    return { file: target };
  }

  /** The findings of the checks as a Word report, in the user's language. */
  async exportChecks(file: string, lang: Lang) {
    const target = this.userPath(file);
    const data = loadPlanData(this.open.db);
    const findings = runChecks(data);
    const buf = await renderFindingsDocx(data, findings, lang);
    await buildFileAtomic(target, (tmp) => fs.writeFileSync(tmp, buf));
    return { file: target, findings };
  }

  /** The inferred cells of a table (grids show them marked). */
  marks(table: TableName) {
    return listMarks(this.open.db, table);
  }

  /** The user confirms an inferred value: its mark is cleared, the value stays. */
  confirmMark(table: TableName, id: number, column: string) {
    const p = this.open;
    return p.tx(() => {
      const before = getRowRaw(p.db, table, id);
      const cleared = clearMarks(p.db, table, id, [column]) > 0;
      // a confirmation is a step like any other: undo brings the mark back
      if (cleared && before) this.undo.push({ kind: 'row', table, before, after: getRowRaw(p.db, table, id), at: { view: 'data', table, rowId: id, column } });
      return cleared;
    });
  }

  /** The catalogue (names, groups, English) and the plan's own minerals with their groups. */
  minerals() {
    return { catalogue: catalogueMinerals(), local: listLocalMinerals(this.open.db) };
  }

  /** Gives a plan-local mineral its group and English name: one undoable step. */
  setMineralGroup(name: string, group: LocalMineralGroup, nameEn?: string) {
    const p = this.open;
    const english = nameEn?.trim();
    // the English edition prints the name as written: no Chinese characters or full-width forms
    if (english && /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/.test(english)) throw new GmpError('value.not_english', { value: english }, { column: 'name_en' });
    const { before, after } = p.tx(() => {
      const b = getLocalMineral(p.db, name);
      ensureLocalMineral(p.db, name, group, english);
      return { before: b, after: getLocalMineral(p.db, name) };
    });
    if (after && JSON.stringify(before) !== JSON.stringify(after)) this.undo.push({ kind: 'mineral', name, before, after });
    return listLocalMinerals(p.db);
  }

  // --- revisions ------------------------------------------------------------------------------
  revisions() {
    return listRevisions(this.open);
  }

  saveRevision(name: string, note: string) {
    return saveRevision(this.open, name, note, os.userInfo().username);
  }

  restoreRevision(ref: string | number) {
    const r = restoreRevision(this.open, ref, os.userInfo().username);
    this.undo.clear();
    return r;
  }

  private side(ref: string | number) {
    const r = revisionData(this.open, ref);
    return { label: r.info?.name ?? 'current', data: r.data };
  }

  /** `lang`: the documents compared; `uiLang`: the words of the change list (the user's language). */
  compareRevisions(a: string | number, b: string | number, lang: Lang, uiLang: Lang = lang) {
    const x = this.side(a);
    const y = this.side(b);
    return {
      diff: diffJson(x, y),
      lines: diffLines(comparePlans(x.data, y.data), uiLang, lang),
      redline: redlineView(buildDocument(x.data, lang), buildDocument(y.data, lang)),
    };
  }

  async exportRedline(a: string | number, b: string | number, lang: Lang, outDir?: string) {
    const x = this.side(a);
    const y = this.side(b);
    const dir = exportFolder(this.workspace, outDir?.trim() || undefined, this.confined, this.open.file);
    const base = `${x.label}-${y.label}`.replace(/[\\/:*?"<>|\s]/g, '_');
    const files = await writeRedline(x, y, path.join(dir, `${base}-redline-${lang}.docx`), lang, os.userInfo().username);
    files.push(await writeSideBySidePdf(x, y, path.join(dir, `${base}-${lang}.pdf`), lang));
    for (const f of files) this.exported.add(path.resolve(f));
    return files;
  }

  /**
   * Two revisions of the open plan ("current" for the plan as it is), or two plan files, compared:
   * the change list, and when asked for, a redline .docx and a side-by-side .pdf at the paths given.
   */
  async diff(a: string | number, b: string | number, lang: Lang, out: { docx?: string; pdf?: string }) {
    return this.diffSides(this.side(a), this.side(b), lang, out);
  }

  async diffFiles(a: string, b: string, lang: Lang, out: { docx?: string; pdf?: string }) {
    const read = (f: string) => {
      const p = Project.open(this.userPath(f), { readonly: true });
      try {
        return { label: path.basename(f), data: loadPlanData(p.db) };
      } finally {
        p.close();
      }
    };
    return this.diffSides(read(a), read(b), lang, out);
  }

  private async diffSides(x: { label: string; data: PlanData }, y: { label: string; data: PlanData }, lang: Lang, out: { docx?: string; pdf?: string }) {
    const files: string[] = [];
    if (out.docx) files.push(...await writeRedline(x, y, this.userPath(out.docx), lang, os.userInfo().username));
    if (out.pdf) files.push(await writeSideBySidePdf(x, y, this.userPath(out.pdf), lang));
    for (const f of files) this.exported.add(path.resolve(f));
    return { diff: diffJson(x, y), files };
  }

  /** The open plan's chapters as one Markdown file per chapter and language, in `dir`. */
  exportChapterFiles(dir: string) {
    return exportChapters(this.open, this.userPath(dir));
  }

  /** Chapter files edited outside the studio, read back: the chapters they change, as one undoable step. */
  importChapterFiles(dir: string) {
    const p = this.open;
    const text = () => new Map(listChapters(p.db).map((c) => [`${c.key}/${c.lang}`, { title: c.title, body: c.body }]));
    const before = text();
    const r = importChapters(p, this.userPath(dir));
    const after = text();
    const edits: Edit[] = r.filter((c) => c.changed && before.has(`${c.key}/${c.lang}`))
      .map((c) => ({ kind: 'chapter', key: c.key, lang: c.lang, before: before.get(`${c.key}/${c.lang}`)!, after: after.get(`${c.key}/${c.lang}`)! }));
    if (edits.length) this.undo.push({ kind: 'group', what: 'import', edits });
    return r;
  }

  /** The open plan's chapters saved as a new template of the user's. */
  saveTemplate(id: string, name?: string) {
    return { dir: saveAsTemplate(this.open, id, name) };
  }

  undoLast() {
    const e = this.undo.undo(this.open.db);
    return { edit: e ? describeEdit(e) : null, canUndo: this.undo.canUndo, canRedo: this.undo.canRedo, rows: e ? this.changedRows(e) : [] };
  }

  redoLast() {
    const e = this.undo.redo(this.open.db);
    return { edit: e ? describeEdit(e) : null, canUndo: this.undo.canUndo, canRedo: this.undo.canRedo, rows: e ? this.changedRows(e) : [] };
  }

  /**
   * The rows an undone or redone step changed, as they are now (the UI patches them in place instead
   * of reading whole tables again): per table, the rows written and the ids removed. A table with
   * more changed rows than PATCH_LIMIT is named with `reload` instead (read it again).
   */
  private changedRows(e: Edit): ChangedRows[] {
    const out: ChangedRows[] = [];
    for (const [table, ids] of rowsOf(e)) {
      if (ids.size > PATCH_LIMIT) { out.push({ table, reload: true, rows: [], removed: [] }); continue; }
      const rows: ChangedRows['rows'] = [];
      const removed: number[] = [];
      for (const id of ids) {
        const row = getRow(this.open.db, table, id);
        if (row) rows.push(row);
        else removed.push(id);
      }
      out.push({ table, reload: false, rows, removed });
    }
    return out;
  }
}

/** Above this many rows of one table, an undo's answer asks the UI to read the table again. */
const PATCH_LIMIT = 2000;

/** The rows of one table an undo or redo changed: written (as `rows.list` gives them) or removed. */
export interface ChangedRows { table: TableName; reload: boolean; rows: NonNullable<ReturnType<typeof getRow>>[]; removed: number[] }

/** What an undone or redone step was, and where: the UI goes back there. */
function describeEdit(e: Edit): { kind: string; what?: string; table?: string; key?: string; at: Place | null } {
  const at = placeOf(e);
  if (e.kind === 'row') return { kind: 'row', table: e.table, at };
  if (e.kind === 'chapter') return { kind: 'chapter', key: e.key, at };
  if (e.kind === 'plan') return { kind: 'plan', at };
  if (e.kind === 'mineral') return { kind: 'mineral', at };
  // an import's rows are one step, as a group of row edits was
  return { kind: 'group', what: e.what, table: at?.table, at };
}
