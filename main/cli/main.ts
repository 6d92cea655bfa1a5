// gmp: the command line of the studio. Every failure is one line in the user's language and exit ≠ 0.
// Every verb is a client of the studio's one API (main/api: the zod contract and the service the
// Electron and loopback doors use), so a change from the command line is validated the same way.
import fs from 'node:fs';
import path from 'node:path';
import { describeError, tFor } from '../i18n/index.ts';
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import type { Finding } from '../checks/finding.ts';
import { checkSummary, formatFinding } from '../checks/format.ts';
import { parseFormats, parseLang } from '../export/export-options.ts';
import { parseArgs } from './args.ts';
import { ApiRefusal, apiClient, withPlanApi, type Call } from './api-client.ts';
import { parseAssignments } from './plan-values.ts';
import { formatFieldValue, type SettingField } from '../domain/plan-fields.ts';

/** "name_zh=单位名称, number=C" → { name_zh: '单位名称', number: 'C' } */
function parseMapping(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_0-9]+)\s*[=＝:：]\s*(.+)$/.exec(pair);
    if (!m) throw new GmpError('cli.usage', { detail: `--map ${pair}` });
    out[m[1]] = m[2].trim();
  }
  return out;
}

const USAGE = `gmp — 绿色矿山规划编制器 / Green Mine Plan Studio

  gmp sample FILE [--force]                       write the bundled banner sample plan
  gmp new FILE --template banner|district --name NAME
  gmp info FILE                                   counts and key figures
  gmp export FILE --lang zh|en --format docx,pdf --out DIR
  gmp templates                                   list templates
  gmp adopt OLD.docx|OLD.pdf|OLD.txt NEW.gmplan [--period 2026-2030] [--json] [--report REPORT.docx] [--force]
                                                  a previous plan as a new project (chapters, tables as rows, figures bound)
  gmp import FILE DATA.xlsx|csv [--table mines|licences|points] [--sheet NAME] [--dry-run] [--skip-errors]
                     [--map "field=表头,field=C,…"]   manual column mapping for unknown headers
  gmp export-table FILE TABLE OUT.xlsx [--lang zh|en]   (TABLE: mines_status, licences, licence_register, plan_table, …)
  gmp check FILE [--json] [--docx OUT.docx]        findings; exit 1 when there are errors
  gmp revision FILE save NAME [--note TEXT] | list | restore NAME
  gmp diff FILE REV_A REV_B [--json] [--docx OUT.docx] [--pdf OUT.pdf] [--lang zh|en]   (REV: a name, an id or "current")
  gmp diff OLD.gmplan NEW.gmplan [same options]
  gmp chapters export FILE DIR | gmp chapters import FILE DIR
  gmp template save FILE ID [--name NAME]          the plan's chapters as a new template
  gmp map FILE --type distribution|status|plan [--lang zh|en] --out MAP.svg|MAP.png   a sketch map (附图)
  gmp plan show FILE [--json]                      the plan's settings and jurisdiction profile
  gmp plan set FILE key=value …                    change settings (e.g. far_year=2035 area_km2=5600)

Messages are in Chinese; set GMP_LANG=en for English.`;

function fieldLabel(f: SettingField, lang: Lang): string {
  const t = tFor(lang);
  return `${t(`domain:field.${f.label}`)}${f.lang ? (lang === 'zh' ? `（${f.lang === 'zh' ? '中文' : '英文'}）` : ` (${f.lang === 'zh' ? 'Chinese' : 'English'})`) : ''}`;
}

function uiLang(): Lang {
  return process.env.GMP_LANG === 'en' ? 'en' : 'zh';
}

function need(v: string | undefined, what: string): string {
  if (!v) throw new GmpError('cli.usage', { detail: what });
  return v;
}

/** An output folder the user named: made when missing, as the command line always has. */
function outFolder(dir: string): string {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new GmpError('io.not_writable', { detail: dir });
  }
  return dir;
}

type ExportJob = { stage: string; fraction: number; done: boolean; files: string[]; missingGlyphs?: string[]; error?: { code: string; message: Record<Lang, string> } };

/** Runs an export through the API and waits for it, showing its progress on a terminal. */
async function exportViaApi(call: Call, lang: Lang, formats: string[], outDir: string): Promise<ExportJob> {
  const { jobId } = await call<{ jobId: string }>('export.start', { lang, formats, outDir });
  for (;;) {
    const job = await call<ExportJob>('export.status', { jobId });
    if (process.stderr.isTTY) process.stderr.write(`\r${job.stage} ${Math.round(job.fraction * 100)}%   `);
    if (job.done) {
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      if (job.error) throw new ApiRefusal(job.error.code, job.error.message[uiLang()]);
      return job;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

type AdoptJob = { stage: string; fraction: number; done: boolean; report?: Parameters<typeof import('../adopt/summary.ts').adoptSummary>[0]; error?: { code: string; message: Record<Lang, string> } };

/** Adopts a previous plan through the same job the studio's start screen runs: started, waited for (progress on a terminal), then kept at `file`. */
async function adoptViaApi(call: Call, source: string, file: string, opts: { period?: string; overwrite?: boolean; report?: string }): Promise<NonNullable<AdoptJob['report']>> {
  const { jobId } = await call<{ jobId: string }>('adopt.start', { file: source, ...(opts.period ? { period: opts.period } : {}) });
  let job: AdoptJob;
  for (;;) {
    job = await call<AdoptJob>('adopt.status', { jobId });
    if (process.stderr.isTTY) process.stderr.write(`\r${job.stage} ${Math.round(job.fraction * 100)}%   `);
    if (job.done) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  if (job.error) throw new ApiRefusal(job.error.code, job.error.message[uiLang()]);
  try {
    await call('adopt.commit', { jobId, file, ...(opts.overwrite ? { overwrite: true } : {}), ...(opts.report ? { report: opts.report } : {}) });
  } catch (e) {
    await call('adopt.discard', { jobId }).catch(() => null);
    throw e;
  }
  await call('plan.close');
  return job.report!;
}

type ImportJob<T> = { stage: string; fraction: number; done: boolean; result?: T; error?: { code: string; message: Record<Lang, string> } };

/** Runs an import through the API as a job (the one import door) and waits for it; after a second, its progress shows on stderr. */
async function importViaApi<T>(call: Call, args: Record<string, unknown>): Promise<T> {
  // the second counts from the command's start: starting the job reads the file's head
  const progress = lateProgress();
  const { jobId } = await call<{ jobId: string }>('import.start', args);
  for (;;) {
    const job = await call<ImportJob<T>>('import.status', { jobId });
    if (job.done) {
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      if (job.error) throw new ApiRefusal(job.error.code, job.error.message[uiLang()]);
      return job.result as T;
    }
    progress(job.stage, job.fraction);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const lang = uiLang();
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return 0;
    case 'sample': {
      const a = parseArgs(rest, ['force']);
      const file = need(a.positional[0], 'gmp sample FILE');
      const { call } = apiClient(lang, path.dirname(path.resolve(file)));
      await call('plan.openSample', { file, ...(a.flags.force === true ? { overwrite: true } : {}) });
      await call('plan.close');
      out(path.resolve(file));
      return 0;
    }
    case 'new': {
      const a = parseArgs(rest);
      const file = need(a.positional[0], 'gmp new FILE --template banner|district --name NAME');
      const templateId = need(a.flags.template as string, '--template banner|district');
      const name = need(a.flags.name as string, '--name NAME');
      const { call } = apiClient(lang, path.dirname(path.resolve(file)));
      await call('plan.create', { templateId, name, file });
      await call('plan.close');
      out(path.resolve(file));
      return 0;
    }
    case 'adopt': {
      const a = parseArgs(rest, ['json', 'force']);
      const source = need(a.positional[0], 'gmp adopt OLD.docx|OLD.pdf|OLD.txt NEW.gmplan');
      const file = need(a.positional[1], 'gmp adopt OLD.docx|OLD.pdf|OLD.txt NEW.gmplan');
      const { call } = apiClient(lang, path.dirname(path.resolve(file)));
      const report = await adoptViaApi(call, source, file, {
        ...(typeof a.flags.period === 'string' ? { period: a.flags.period } : {}),
        ...(a.flags.force === true ? { overwrite: true } : {}),
        ...(typeof a.flags.report === 'string' ? { report: a.flags.report } : {}),
      });
      if (a.flags.json === true) out(JSON.stringify(report, null, 2));
      else {
        const { adoptSummary } = await import('../adopt/summary.ts');
        for (const l of adoptSummary(report, lang)) out(l);
        out(path.resolve(file));
      }
      return 0;
    }
    case 'templates': {
      const { call } = apiClient(lang);
      for (const t of await call<{ id: string; name: Record<Lang, string> }[]>('plan.templates')) out(`${t.id}\t${t.name[lang]}`);
      return 0;
    }
    case 'info': {
      const a = parseArgs(rest, ['json']);
      const file = need(a.positional[0], 'gmp info FILE');
      return withPlanApi(file, lang, true, async (call) => {
        const info = await call<Record<string, unknown>>('plan.figures');
        if (a.flags.json) out(JSON.stringify(info, null, 2));
        else for (const [k, v] of Object.entries(info)) out(`${k}\t${typeof v === 'object' ? JSON.stringify(v) : v}`);
        return 0;
      });
    }
    case 'export': {
      const a = parseArgs(rest);
      const file = need(a.positional[0], 'gmp export FILE --lang zh|en --format docx,pdf --out DIR');
      const docLang = parseLang((a.flags.lang as string) ?? 'zh');
      const formats = parseFormats((a.flags.format as string) ?? 'docx,pdf');
      const outDir = need(a.flags.out as string, '--out DIR');
      return withPlanApi(file, lang, true, async (call) => {
        const job = await exportViaApi(call, docLang, formats, outFolder(outDir));
        for (const f of job.files) out(path.resolve(f));
        if (job.missingGlyphs?.length) process.stderr.write(`gmp: ${describeError(new GmpError('export.missing_glyphs', { chars: job.missingGlyphs.join(' ') }), lang)}\n`);
        return 0;
      });
    }
    case 'import': {
      const a = parseArgs(rest, ['dry-run', 'skip-errors', 'json']);
      const file = need(a.positional[0], 'gmp import FILE DATA.xlsx|csv');
      const dataFile = need(a.positional[1], 'gmp import FILE DATA.xlsx|csv');
      const table = a.flags.table as string | undefined;
      if (table && !['mines', 'licences', 'points'].includes(table)) throw new GmpError('cli.usage', { detail: '--table mines|licences|points' });
      type Issue = { message: string };
      type Imported = { written: boolean; errors: Issue[]; notices: Issue[]; summary: string; changes: { text: string }[] };
      return withPlanApi(file, lang, false, async (call) => {
        const r = await importViaApi<Imported>(call, {
          file: path.resolve(dataFile),
          ...(table ? { table } : {}), ...(typeof a.flags.sheet === 'string' ? { sheet: a.flags.sheet } : {}),
          ...(a.flags['dry-run'] === true ? { dryRun: true } : {}), ...(a.flags['skip-errors'] === true ? { skipErrors: true } : {}),
          ...(a.flags.map ? { mapping: parseMapping(String(a.flags.map)) } : {}),
        });
        if (a.flags.json) out(JSON.stringify(r, null, 2));
        else {
          out(r.summary);
          for (const e of r.errors) out(`  ${e.message}`);
          for (const n of r.notices) out(`  ${lang === 'zh' ? '提示：' : 'note: '}${n.message}`);
          for (const c of r.changes) out(`  ${c.text}`);
        }
        return r.errors.length && !r.written ? 1 : 0;
      });
    }
    case 'map': {
      const a = parseArgs(rest);
      const file = need(a.positional[0], 'gmp map FILE --type distribution|status|plan --out MAP.svg');
      const type = need(a.flags.type as string, '--type distribution|status|plan');
      const target = need(a.flags.out as string, '--out MAP.svg');
      if (!/\.(svg|png)$/i.test(target)) throw new GmpError('cli.usage', { detail: '--out MAP.svg|MAP.png' });
      const docLang = parseLang((a.flags.lang as string) ?? 'zh');
      const { mapViaApi } = await import('./map-command.ts');
      out(path.resolve(await mapViaApi(file, type, docLang, target, lang)));
      return 0;
    }
    case 'export-table': {
      const a = parseArgs(rest);
      const [file, table, target] = a.positional;
      need(target, 'gmp export-table FILE TABLE OUT.xlsx');
      return withPlanApi(file, lang, true, async (call) => {
        const r = await call<{ file: string }>('tables.exportXlsx', { table, lang: parseLang((a.flags.lang as string) ?? 'zh'), file: target });
        out(path.resolve(r.file));
        return 0;
      });
    }
    case 'check': {
      const a = parseArgs(rest, ['json']);
      const file = need(a.positional[0], 'gmp check FILE [--json]');
      return withPlanApi(file, lang, true, async (call) => {
        const findings = await call<Finding[]>('checks.run');
        if (a.flags.json) out(JSON.stringify(findings, null, 2));
        else {
          for (const f of findings) out(formatFinding(f, lang));
          out(checkSummary(findings, lang));
        }
        if (a.flags.docx) {
          const r = await call<{ file: string }>('checks.exportDocx', { file: String(a.flags.docx), lang });
          if (!a.flags.json) out(path.resolve(r.file));
        }
        return findings.some((f) => f.severity === 'error') ? 1 : 0;
      });
    }
    case 'revision': {
      const a = parseArgs(rest);
      const [file, action, name] = a.positional;
      need(action, 'gmp revision FILE save NAME | list | restore NAME');
      if (!['save', 'list', 'restore'].includes(action)) throw new GmpError('cli.usage', { detail: 'save | list | restore' });
      type Rev = { id: number; name: string; created_at: string; note: string };
      return withPlanApi(need(file, 'gmp revision FILE save NAME | list | restore NAME'), lang, action === 'list', async (call) => {
        if (action === 'save') {
          const r = await call<Rev>('revisions.save', { name: need(name, 'gmp revision FILE save NAME'), ...(a.flags.note !== undefined ? { note: String(a.flags.note) } : {}) });
          out(`${r.id}\t${r.name}\t${r.created_at}`);
        } else if (action === 'list') {
          for (const r of await call<Rev[]>('revisions.list')) out(`${r.id}\t${r.name}\t${r.created_at}\t${r.note}`);
        } else {
          const r = await call<Rev>('revisions.restore', { ref: need(name, 'gmp revision FILE restore NAME') });
          out(`${r.id}\t${r.name}`);
        }
        return 0;
      });
    }
    case 'diff': {
      const a = parseArgs(rest, ['json']);
      const [x, y, z] = a.positional;
      need(y, 'gmp diff FILE REV_A REV_B | gmp diff OLD.gmplan NEW.gmplan');
      const docLang = parseLang((a.flags.lang as string) ?? lang);
      const outputs = { ...(a.flags.docx ? { docx: String(a.flags.docx) } : {}), ...(a.flags.pdf ? { pdf: String(a.flags.pdf) } : {}) };
      type Diff = { diff: { from: string; to: string; chapters: unknown[]; rows: unknown[]; derived: unknown[]; counts: { chapters: Record<string, number>; tables: Record<string, { added: number; removed: number; changed: number }> } }; files: string[] };
      let r: Diff;
      if (/\.gmplan$/i.test(y) && !z) {
        r = await apiClient(lang).call<Diff>('plan.diffFiles', { a: path.resolve(x), b: path.resolve(y), lang: docLang, ...outputs });
      } else {
        need(z, 'gmp diff FILE REV_A REV_B');
        const ref = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
        r = await withPlanApi(x, lang, true, (call) => call<Diff>('revisions.diff', { a: ref(y), b: ref(z), lang: docLang, ...outputs }));
      }
      const json = r.diff;
      if (a.flags.json) out(JSON.stringify(json, null, 2));
      else {
        out(docLang === 'zh'
          ? `${json.from} → ${json.to}：章节文字 ${json.chapters.length} 处，数据行 ${json.rows.length} 处，随数据变化的数字 ${json.derived.length} 个。`
          : `${json.from} → ${json.to}: ${json.chapters.length} text change(s), ${json.rows.length} row change(s), ${json.derived.length} derived figure(s).`);
        for (const [k, n] of Object.entries(json.counts.chapters)) out(`  ${k}\t${n}`);
        for (const [k, v] of Object.entries(json.counts.tables)) out(`  ${k}\t+${v.added} -${v.removed} ~${v.changed}`);
        for (const f of r.files) out(f);
      }
      return 0;
    }
    case 'template': {
      const a = parseArgs(rest);
      const [action, file, id] = a.positional;
      if (action !== 'save') throw new GmpError('cli.usage', { detail: 'gmp template save FILE ID [--name NAME]' });
      return withPlanApi(need(file, 'gmp template save FILE ID'), lang, true, async (call) => {
        const r = await call<{ dir: string }>('templates.saveFromPlan', { id: need(id, 'gmp template save FILE ID'), ...(typeof a.flags.name === 'string' ? { name: a.flags.name } : {}) });
        out(r.dir);
        return 0;
      });
    }
    case 'plan': {
      const a = parseArgs(rest, ['json']);
      const [action, file, ...words] = a.positional;
      if (action === 'show') {
        return withPlanApi(need(file, 'gmp plan show FILE'), lang, true, async (call) => {
          const { fields, values } = await call<{ fields: SettingField[]; values: Record<string, unknown> }>('plan.settings');
          if (a.flags.json) out(JSON.stringify(values, null, 2));
          else for (const f of fields) out(`${f.key}\t${fieldLabel(f, lang)}\t${formatFieldValue(values[f.key])}`);
          return 0;
        });
      }
      if (action === 'set') {
        const patch = parseAssignments(words);
        return withPlanApi(need(file, 'gmp plan set FILE key=value …'), lang, false, async (call) => {
          const { values } = await call<{ values: Record<string, unknown> }>('plan.update', { patch });
          for (const k of Object.keys(patch)) out(`${k}\t${formatFieldValue(values[k])}`);
          return 0;
        });
      }
      throw new GmpError('cli.usage', { detail: 'gmp plan show FILE | gmp plan set FILE key=value …' });
    }
    case 'chapters': {
      const a = parseArgs(rest);
      const [action, file, dir] = a.positional;
      need(dir, 'gmp chapters export|import FILE DIR');
      if (action !== 'export' && action !== 'import') throw new GmpError('cli.usage', { detail: 'gmp chapters export|import FILE DIR' });
      return withPlanApi(file, lang, action === 'export', async (call) => {
        if (action === 'export') for (const f of await call<string[]>('chapters.exportFiles', { dir: path.resolve(dir) })) out(f);
        else {
          const r = await call<{ changed: boolean }[]>('chapters.importFiles', { dir: path.resolve(dir) });
          out(lang === 'zh' ? `已读取 ${r.length} 个章节文件，更新 ${r.filter((c) => c.changed).length} 个。` : `${r.length} chapter file(s) read, ${r.filter((c) => c.changed).length} updated.`);
        }
        return 0;
      });
    }
    default:
      throw new GmpError('cli.unknown_command', { command });
  }
}

/** Output piped into a reader that stops early (`gmp check … | head`): the rest is not wanted, exit quietly. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  try {
    return await run(argv);
  } catch (e) {
    const msg = e instanceof ApiRefusal ? e.message : describeError(e, uiLang());
    process.stderr.write(`gmp: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
    if (process.env.GMP_DEBUG) console.error(e);
    return e instanceof GmpError || e instanceof ApiRefusal ? 1 : 2;
  }
}

/** Progress of an import on stderr, once it has run for a second (short imports stay quiet). */
function lateProgress(): (stage: string, fraction: number) => void {
  const start = Date.now();
  let last = 0;
  const names: Record<string, string> = uiLang() === 'en' ? { queued: 'starting', read: 'reading', rows: 'rows' } : { queued: '开始', read: '读取', rows: '导入行' };
  return (stage, fraction) => {
    const now = Date.now();
    if (now - start < 1000 || now - last < 250) return;
    last = now;
    process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${names[stage] ?? stage} ${Math.round(fraction * 100)}%${process.stderr.isTTY ? '   ' : '\n'}`);
  };
}
