// One dispatch table: method name → validated arguments → service call → Reply.
// Unknown methods and malformed arguments are refused before anything runs.
import { GmpError, isGmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { describeError } from '../i18n/index.ts';
import { METHODS, isMethod, type Args, type Method, type Reply } from './contract.ts';
import type { StudioService } from './service.ts';
import { issueError, type FieldIssue } from '../domain/plan-fields.ts';

type Handlers = { [M in Method]: (s: StudioService, a: Args<M>, lang: Lang) => unknown };

const HANDLERS: Handlers = {
  'app.info': (s) => s.info(),
  'plan.templates': (s) => s.templates(),
  'plan.create': (s, a) => s.create(a.templateId, a.name, a.file),
  'plan.open': (s, a) => s.openFile(a.file, a.readonly),
  'plan.openSample': (s, a) => s.openSample(a.file, a.overwrite ?? false),
  'plan.saveAs': (s, a) => s.saveAs(a.file, a.overwrite ?? false),
  'plan.recent': (s) => s.recent(),
  'plan.close': (s) => s.close(),
  'plan.get': (s) => s.summary(),
  'plan.update': (s, a) => s.updatePlan(a.patch),
  'plan.settings': (s) => s.settings(),
  'plan.figures': (s) => s.figures(),
  'plan.diffFiles': (s, a) => s.diffFiles(a.a, a.b, a.lang, { docx: a.docx, pdf: a.pdf }),
  'tables.specs': (s) => s.specs(),
  'rows.list': (s, a) => s.rows(a.table),
  'rows.table': (s, a) => s.rowsCompact(a.table),
  'rows.insert': (s, a) => s.insert(a.table, a.values),
  'rows.update': (s, a) => s.update(a.table, a.id, a.patch),
  'rows.delete': (s, a) => s.remove(a.table, a.id),
  'rows.paste': (s, a, lang) => s.paste(a.table, a.rows, lang),
  'chapters.list': (s, a) => s.chapters(a.lang),
  'chapters.update': (s, a) => s.updateChapter(a.key, a.lang, a.title, a.body),
  'chapters.check': (s, a) => s.checkChapter(a.lang, a.body, a.title),
  'facts.catalog': (s) => s.factCatalog(),
  'facts.catalogMarkdown': (s, a) => s.factCatalogMarkdown(a.lang),
  'preview.document': (s, a) => s.preview(a.lang),
  'export.start': (s, a) => s.startExport(a.lang, a.formats, a.outDir),
  'export.status': (s, a) => s.exportStatus(a.jobId),
  'checks.run': (s) => s.checks(),
  'checks.exportDocx': (s, a) => s.exportChecks(a.file, a.lang),
  'tables.exportXlsx': (s, a) => s.exportTable(a.table, a.lang, a.file),
  'chapters.exportFiles': (s, a) => s.exportChapterFiles(a.dir),
  'chapters.importFiles': (s, a) => s.importChapterFiles(a.dir),
  'templates.saveFromPlan': (s, a) => s.saveTemplate(a.id, a.name),
  'adopt.start': (s, a, lang) => s.startAdopt(a.file, a.period, lang),
  'adopt.status': (s, a) => s.adoptStatus(a.jobId),
  'adopt.commit': (s, a) => s.commitAdopt(a.jobId, a.file, a.overwrite ?? false, a.report),
  'adopt.discard': (s, a) => s.discardAdopt(a.jobId),
  'import.start': (s, a, lang) => s.startImport(a.file, a, lang),
  'import.status': (s, a) => s.importStatus(a.jobId),
  'marks.list': (s, a) => s.marks(a.table),
  'marks.confirm': (s, a) => s.confirmMark(a.table, a.id, a.column),
  'minerals.list': (s) => s.minerals(),
  'minerals.setGroup': (s, a) => s.setMineralGroup(a.name, a.group, a.nameEn),
  'revisions.list': (s) => s.revisions(),
  'revisions.save': (s, a) => s.saveRevision(a.name, a.note ?? ''),
  'revisions.preview': (s, a) => s.previewRevision(a.ref, a.lang),
  'revisions.restore': (s, a) => s.restoreRevision(a.ref),
  'revisions.compare': (s, a, uiLang) => s.compareRevisions(a.a, a.b, a.lang, uiLang),
  'revisions.diff': (s, a) => s.diff(a.a, a.b, a.lang, { docx: a.docx, pdf: a.pdf }),
  'revisions.exportRedline': (s, a) => s.exportRedline(a.a, a.b, a.lang, a.outDir),
  'maps.render': (s, a) => s.renderMap(a.type, a.lang),
  'files.upload': (s, a) => s.upload(a.name, a.data),
  'files.download': (s, a) => s.download(a.file),
  'shell.openFolder': (s, a) => s.openFolder(a.path),
  'dialog.choose': (s, a, lang) => s.choose(a.kind, a.defaultName, lang),
  'edit.undo': (s) => s.undoLast(),
  'edit.redo': (s) => s.redoLast(),
};

export async function dispatch(service: StudioService, method: unknown, args: unknown, lang: Lang = 'zh'): Promise<Reply> {
  try {
    if (!isMethod(method)) throw new GmpError('api.unknown_method', { method: String(method).slice(0, 80) });
    const parsed = METHODS[method].safeParse(args ?? {});
    if (!parsed.success) {
      // a settings field refused: the message names the field and the reason, located at the field
      const setting = parsed.error.issues.find((i) => i.code === 'custom' && (i as { params?: { settings?: FieldIssue } }).params?.settings);
      if (setting) throw issueError((setting as unknown as { params: { settings: FieldIssue } }).params.settings);
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
      throw new GmpError('api.bad_args', { detail });
    }
    const handler = HANDLERS[method] as (s: StudioService, a: unknown, lang: Lang) => unknown;
    const result = await handler(service, parsed.data, lang);
    return { ok: true, result: result ?? null };
  } catch (e) {
    const location = isGmpError(e) ? e.location : undefined;
    return { ok: false, error: { code: isGmpError(e) ? e.code : 'internal', message: describeError(e, lang), location } };
  }
}
