// The one typed API of the studio: every method's argument schema (zod). The Electron preload and
// the loopback host both call `dispatch` with a method name and its arguments; nothing else crosses.
import { z } from 'zod';
import { LANGS } from '../domain/vocabulary.ts';
import { TABLE_NAMES } from '../store/tables.ts';
import { MAP_TYPES } from '../maps/types.ts';
import { LOCAL_MINERAL_GROUPS } from '../domain/minerals.ts';
import { settingsPatchSchema } from '../domain/plan-fields.ts';

/** What a native file dialog is asked to choose. */
export const DIALOG_KINDS = ['openPlan', 'importFile', 'savePlan', 'exportFolder'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

const lang = z.enum(LANGS);
const table = z.enum(TABLE_NAMES);
const cell = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);
const values = z.record(z.string().max(64), cell);
const id = z.int().positive();
const importArgs = z.object({ file: z.string().min(1).max(4096).regex(/\.(xlsx|csv|txt)$/i, 'an .xlsx or .csv file'), table: z.enum(['mines', 'licences', 'points']).optional(), sheet: z.string().min(1).max(200).optional(), dryRun: z.boolean().optional(), skipErrors: z.boolean().optional(), mapping: z.record(z.string().max(40), z.string().max(200)).optional(), mineralGroups: z.record(z.string().max(100), z.enum(LOCAL_MINERAL_GROUPS)).optional() }).strict();
const planFile = z.string().min(1).max(4096).regex(/\.gmplan$/i, 'a .gmplan file');

export const METHODS = {
  'app.info': z.object({}).strict(),
  'plan.templates': z.object({}).strict(),
  'plan.create': z.object({ templateId: z.string().regex(/^[a-z0-9_-]+$/).max(64), name: z.string().trim().min(1).max(64), file: planFile.optional() }).strict(),
  'plan.open': z.object({ file: planFile, readonly: z.boolean().optional() }).strict(),
  'plan.openSample': z.object({ file: planFile.optional(), overwrite: z.boolean().optional() }).strict(),
  'plan.saveAs': z.object({ file: planFile, overwrite: z.boolean().optional() }).strict(),
  'plan.recent': z.object({}).strict(),
  'plan.close': z.object({}).strict(),
  'plan.get': z.object({}).strict(),
  // every field checked against its type and range, and the years given together against each other
  'plan.update': z.object({ patch: settingsPatchSchema }).strict(),
  'plan.settings': z.object({}).strict(),
  'plan.figures': z.object({}).strict(),
  'tables.specs': z.object({}).strict(),
  'rows.list': z.object({ table }).strict(),
  'rows.table': z.object({ table }).strict(),
  'rows.insert': z.object({ table, values }).strict(),
  'rows.update': z.object({ table, id, patch: values }).strict(),
  'rows.delete': z.object({ table, id }).strict(),
  'rows.paste': z.object({ table, rows: z.array(z.object({ id: id.nullable(), values: z.record(z.string().max(64), z.string().max(100_000)) }).strict()).min(1).max(10_000) }).strict(),
  'chapters.list': z.object({ lang }).strict(),
  'chapters.update': z.object({ key: z.string().max(64), lang, title: z.string().max(200).optional(), body: z.string().max(1_000_000).optional() }).strict(),
  'chapters.check': z.object({ lang, body: z.string().max(1_000_000), title: z.string().max(200).optional() }).strict(),
  'facts.catalog': z.object({}).strict(),
  'facts.catalogMarkdown': z.object({ lang }).strict(),
  'preview.document': z.object({ lang }).strict(),
  'export.start': z.object({ lang, formats: z.array(z.enum(['docx', 'pdf'])).min(1).max(2), outDir: z.string().max(4096).optional() }).strict(),
  'export.status': z.object({ jobId: z.string().max(64) }).strict(),
  'checks.run': z.object({}).strict(),
  'checks.exportDocx': z.object({ file: z.string().min(1).max(4096).regex(/\.docx$/i, 'a .docx file'), lang }).strict(),
  'tables.exportXlsx': z.object({ table: z.string().regex(/^[a-z_]+$/).max(64), lang, file: z.string().min(1).max(4096).regex(/\.xlsx$/i, 'an .xlsx file') }).strict(),
  'chapters.exportFiles': z.object({ dir: z.string().min(1).max(4096) }).strict(),
  'chapters.importFiles': z.object({ dir: z.string().min(1).max(4096) }).strict(),
  'templates.saveFromPlan': z.object({ id: z.string().regex(/^[a-z0-9_-]{2,40}$/), name: z.string().trim().min(1).max(64).optional() }).strict(),
  // an import runs as a job (the one import door, for every client): start, then poll its stage and
  // fraction done; the result comes with the last status
  'import.start': importArgs,
  'import.status': z.object({ jobId: z.string().max(64) }).strict(),
  'adopt.start': z.object({ file: z.string().min(1).max(4096).regex(/\.(docx|pdf|txt)$/i, 'a .docx, .pdf or .txt plan document'), period: z.string().max(20).regex(/^\s*\d{4}\s*[-–—~至]\s*\d{4}\s*$/, 'a period such as 2026-2030').optional() }).strict(),
  'adopt.status': z.object({ jobId: z.string().max(64) }).strict(),
  'adopt.commit': z.object({ jobId: z.string().max(64), file: planFile.optional(), overwrite: z.boolean().optional(), report: z.string().min(1).max(4096).regex(/\.docx$/i, 'a .docx file').optional() }).strict(),
  'adopt.discard': z.object({ jobId: z.string().max(64) }).strict(),
  'marks.list': z.object({ table }).strict(),
  'marks.confirm': z.object({ table, id, column: z.string().max(64) }).strict(),
  'minerals.list': z.object({}).strict(),
  'minerals.setGroup': z.object({ name: z.string().trim().min(1).max(100), group: z.enum(LOCAL_MINERAL_GROUPS), nameEn: z.string().max(200).optional() }).strict(),
  'revisions.list': z.object({}).strict(),
  'revisions.save': z.object({ name: z.string().trim().min(1).max(120), note: z.string().max(2000).optional() }).strict(),
  'revisions.preview': z.object({ ref: z.union([z.int().positive(), z.string().max(120)]), lang }).strict(),
  'revisions.restore': z.object({ ref: z.union([z.int().positive(), z.string().max(120)]) }).strict(),
  'revisions.compare': z.object({ a: z.union([z.int().positive(), z.literal('current'), z.string().max(120)]), b: z.union([z.int().positive(), z.literal('current'), z.string().max(120)]), lang }).strict(),
  'revisions.diff': z.object({ a: z.union([z.int().positive(), z.string().max(120)]), b: z.union([z.int().positive(), z.string().max(120)]), lang, docx: z.string().min(1).max(4096).regex(/\.docx$/i).optional(), pdf: z.string().min(1).max(4096).regex(/\.pdf$/i).optional() }).strict(),
  'plan.diffFiles': z.object({ a: planFile, b: planFile, lang, docx: z.string().min(1).max(4096).regex(/\.docx$/i).optional(), pdf: z.string().min(1).max(4096).regex(/\.pdf$/i).optional() }).strict(),
  'revisions.exportRedline': z.object({ a: z.union([z.int().positive(), z.string().max(120)]), b: z.union([z.int().positive(), z.string().max(120)]), lang, outDir: z.string().max(4096).optional() }).strict(),
  'maps.render': z.object({ type: z.enum(MAP_TYPES), lang }).strict(),
  'files.upload': z.object({ name: z.string().min(1).max(255).regex(/\.(xlsx|csv|txt|gmplan|docx|pdf)$/i, 'an .xlsx, .csv, .txt, .docx, .pdf or .gmplan file'), data: z.string().max(15_000_000).regex(/^[A-Za-z0-9+/=]*$/, 'base64') }).strict(),
  'files.download': z.object({ file: z.string().min(1).max(4096) }).strict(),
  'shell.openFolder': z.object({ path: z.string().min(1).max(4096) }).strict(),
  // the desktop app's native file dialogs (the served UI uploads and downloads instead)
  'dialog.choose': z.object({ kind: z.enum(DIALOG_KINDS), defaultName: z.string().max(255).optional() }).strict(),
  'edit.undo': z.object({}).strict(),
  'edit.redo': z.object({}).strict(),
} as const;

export type Method = keyof typeof METHODS;
export type Args<M extends Method> = z.infer<(typeof METHODS)[M]>;

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.prototype.hasOwnProperty.call(METHODS, m);
}

/** The reply of every call: a result, or a located error already in the caller's language. */
export type Reply<T = unknown> =
  | { ok: true; result: T }
  | { ok: false; error: { code: string; message: string; location?: { table?: string; row?: number; column?: string; file?: string; field?: string } } };
