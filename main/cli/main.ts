// gmp: the command line of the studio. Every failure is one line in the user's language and exit ≠ 0.
import path from 'node:path';
import { describeError, tFor } from '../i18n/index.ts';
import { GmpError } from '../domain/errors.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { Project } from '../store/project.ts';
import { loadPlanData } from '../store/snapshot.ts';
import { createPlanFile, defaultPlan } from '../store/create-plan.ts';
import { writeBannerSample } from '../sample/build-sample.ts';
import { computeFacts } from '../facts/plan-facts.ts';
import { parseFormats, parseLang } from '../export/export-options.ts';
import { runExport } from '../export/run-export.ts';
import { listTemplateIds, loadTemplate } from '../compose/templates.ts';
import { parseArgs } from './args.ts';
import fs from 'node:fs';
import { importFile, type ImportResult } from '../import/import-plan.ts';
import type { ImportKind } from '../import/headers.ts';
import { describeChange, describeImportIssue, describeImportSummary } from '../import/describe.ts';
import { runChecks, checkSummary, formatFinding } from '../checks/run-checks.ts';
import { buildFileAtomic } from '../store/atomic.ts';
import os from 'node:os';
import { listRevisions, restoreRevision, revisionData, saveRevision } from '../review/revisions.ts';
import type { Side } from '../review/diff-outputs.ts';
import { exportChapters, importChapters } from '../review/chapter-files.ts';
import { saveAsTemplate } from '../review/save-template.ts';
import { ApiRefusal, withPlanApi } from './api-client.ts';
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

function importSummary(r: ImportResult, lang: Lang): string {
  return describeImportSummary(r, lang);
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

/** Opens a plan, runs `fn` on it and closes it, whatever happens. */
async function withProject<T>(file: string, readonly: boolean, fn: (p: Project) => T | Promise<T>): Promise<T> {
  const project = Project.open(file, { readonly });
  try {
    return await fn(project);
  } finally {
    project.close();
  }
}

/** A consistent read of a plan file, which is not written to. */
function readPlan(file: string) {
  return withProject(file, true, (p) => loadPlanData(p.db));
}

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

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(`${s}\n`);
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
      await writeBannerSample(file, a.flags.force === true);
      out(path.resolve(file));
      return 0;
    }
    case 'new': {
      const a = parseArgs(rest);
      const file = need(a.positional[0], 'gmp new FILE --template banner|district --name NAME');
      const template = need(a.flags.template as string, '--template banner|district');
      const name = need(a.flags.name as string, '--name NAME');
      loadTemplate(template);
      await createPlanFile(file, defaultPlan(template, name));
      out(path.resolve(file));
      return 0;
    }
    case 'adopt': {
      const a = parseArgs(rest, ['json', 'force']);
      const src = need(a.positional[0], 'gmp adopt OLD.docx|OLD.pdf|OLD.txt NEW.gmplan');
      const file = need(a.positional[1], 'gmp adopt OLD.docx|OLD.pdf|OLD.txt NEW.gmplan');
      const { adoptPlan } = await import('../adopt/adopt.ts');
      const report = await adoptPlan(src, file, { period: a.flags.period as string | undefined, overwrite: a.flags.force === true, lang: uiLang() });
      if (typeof a.flags.report === 'string') {
        const { writeAdoptReportDocx } = await import('../adopt/report-docx.ts');
        await writeAdoptReportDocx(report, a.flags.report, uiLang());
      }
      if (a.flags.json === true) out(JSON.stringify(report, null, 2));
      else {
        const { adoptSummary } = await import('../adopt/summary.ts');
        for (const l of adoptSummary(report, uiLang())) out(l);
        out(path.resolve(file));
      }
      return 0;
    }
    case 'templates': {
      for (const id of listTemplateIds()) {
        const t = loadTemplate(id);
        out(`${id}\t${t.name[uiLang()]}`);
      }
      return 0;
    }
    case 'info': {
      const a = parseArgs(rest, ['json']);
      const file = need(a.positional[0], 'gmp info FILE');
      await withProject(file, true, async (project) => {
        const data = loadPlanData(project.db);
        const f = computeFacts(data);
        const info = {
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
        if (a.flags.json) out(JSON.stringify(info, null, 2));
        else for (const [k, v] of Object.entries(info)) out(`${k}\t${typeof v === 'object' ? JSON.stringify(v) : v}`);
      });
      return 0;
    }
    case 'export': {
      const a = parseArgs(rest);
      const file = need(a.positional[0], 'gmp export FILE --lang zh|en --format docx,pdf --out DIR');
      const lang = parseLang((a.flags.lang as string) ?? 'zh');
      const formats = parseFormats((a.flags.format as string) ?? 'docx,pdf');
      const outDir = need(a.flags.out as string, '--out DIR');
      const data = await readPlan(file);
      const { files, missingGlyphs } = await runExport(data, {
        lang, formats, outDir,
        onProgress: process.stderr.isTTY ? (stage, f) => process.stderr.write(`\r${stage} ${Math.round(f * 100)}%   `) : undefined,
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      for (const f of files) out(path.resolve(f));
      if (missingGlyphs.length) process.stderr.write(`gmp: ${describeError(new GmpError('export.missing_glyphs', { chars: missingGlyphs.join(' ') }), uiLang())}\n`);
      return 0;
    }
    case 'import': {
      const a = parseArgs(rest, ['dry-run', 'skip-errors', 'json']);
      const file = need(a.positional[0], 'gmp import FILE DATA.xlsx|csv');
      const dataFile = need(a.positional[1], 'gmp import FILE DATA.xlsx|csv');
      const table = a.flags.table as string | undefined;
      if (table && !['mines', 'licences', 'points'].includes(table)) throw new GmpError('cli.usage', { detail: '--table mines|licences|points' });
      return withProject(file, false, async (project) => {
        const r = await importFile(project, dataFile, {
          table: table as ImportKind | undefined, sheet: a.flags.sheet as string | undefined,
          dryRun: a.flags['dry-run'] === true, skipErrors: a.flags['skip-errors'] === true,
          mapping: a.flags.map ? parseMapping(String(a.flags.map)) : undefined,
          onProgress: lateProgress(),
        });
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        const lang = uiLang();
        if (a.flags.json) {
          out(JSON.stringify({ ...r, errors: r.errors.map((e) => ({ ...e, message: describeImportIssue(e, lang) })), notices: r.notices.map((e) => ({ ...e, message: describeImportIssue(e, lang) })) }, null, 2));
        } else {
          out(importSummary(r, lang));
          for (const e of r.errors) out(`  ${describeImportIssue(e, lang)}`);
          for (const n of r.notices) out(`  ${lang === 'zh' ? '提示' : 'note'}：${describeImportIssue(n, lang)}`.replace('：', lang === 'zh' ? '：' : ': '));
          for (const c of r.changes) out(`  ${describeChange(c, lang)}`);
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
      const lang = parseLang((a.flags.lang as string) ?? 'zh');
      const { mapViaApi } = await import('./map-command.ts');
      out(path.resolve(await mapViaApi(file, type, lang, target, uiLang())));
      return 0;
    }
    case 'export-table': {
      const a = parseArgs(rest);
      const [file, key, target] = a.positional;
      need(target, 'gmp export-table FILE TABLE OUT.xlsx');
      const data = await readPlan(file);
      const { exportTableXlsx } = await import('../export/table-xlsx.ts');
      await exportTableXlsx(data, key, parseLang((a.flags.lang as string) ?? 'zh'), target);
      out(path.resolve(target));
      return 0;
    }
    case 'check': {
      const a = parseArgs(rest, ['json']);
      const file = need(a.positional[0], 'gmp check FILE [--json]');
      const data = await readPlan(file);
      const findings = runChecks(data);
      if (a.flags.json) out(JSON.stringify(findings, null, 2));
      else {
        for (const f of findings) out(formatFinding(f, uiLang()));
        out(checkSummary(findings, uiLang()));
      }
      if (a.flags.docx) {
        const target = String(a.flags.docx);
        const { renderFindingsDocx } = await import('../checks/findings-docx.ts');
        await buildFileAtomic(target, async (tmp) => fs.writeFileSync(tmp, await renderFindingsDocx(data, findings, uiLang())));
        if (!a.flags.json) out(path.resolve(target));
      }
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'revision': {
      const a = parseArgs(rest);
      const [file, action, name] = a.positional;
      need(action, 'gmp revision FILE save NAME | list | restore NAME');
      await withProject(file, action === 'list', async (project) => {
        if (action === 'save') {
          const r = saveRevision(project, need(name, 'gmp revision FILE save NAME'), String(a.flags.note ?? ''), os.userInfo().username);
          out(`${r.id}\t${r.name}\t${r.created_at}`);
        } else if (action === 'list') {
          for (const r of listRevisions(project)) out(`${r.id}\t${r.name}\t${r.created_at}\t${r.note}`);
        } else if (action === 'restore') {
          const r = restoreRevision(project, need(name, 'gmp revision FILE restore NAME'), os.userInfo().username);
          out(`${r.id}\t${r.name}`);
        } else throw new GmpError('cli.usage', { detail: 'save | list | restore' });
      });
      return 0;
    }
    case 'diff': {
      const a = parseArgs(rest, ['json']);
      const [x, y, z] = a.positional;
      need(y, 'gmp diff FILE REV_A REV_B | gmp diff OLD.gmplan NEW.gmplan');
      const sides: Side[] = [];
      if (/\.gmplan$/i.test(y) && !z) {
        for (const f of [x, y]) sides.push({ label: path.basename(f), data: await readPlan(f) });
      } else {
        need(z, 'gmp diff FILE REV_A REV_B');
        await withProject(x, true, (p) => {
          for (const ref of [y, z]) {
            const r = revisionData(p, ref);
            sides.push({ label: r.info?.name ?? 'current', data: r.data });
          }
        });
      }
      const lang = parseLang((a.flags.lang as string) ?? uiLang());
      const { diffJson, writeRedline, writeSideBySidePdf } = await import('../review/diff-outputs.ts');
      const json = diffJson(sides[0], sides[1]);
      if (a.flags.json) out(JSON.stringify(json, null, 2));
      else {
        const c = json.counts;
        out(lang === 'zh'
          ? `${json.from} → ${json.to}：章节文字 ${json.chapters.length} 处，数据行 ${json.rows.length} 处，随数据变化的数字 ${json.derived.length} 个。`
          : `${json.from} → ${json.to}: ${json.chapters.length} text change(s), ${json.rows.length} row change(s), ${json.derived.length} derived figure(s).`);
        for (const [k, n] of Object.entries(c.chapters)) out(`  ${k}\t${n}`);
        for (const [k, v] of Object.entries(c.tables)) out(`  ${k}\t+${v.added} -${v.removed} ~${v.changed}`);
      }
      if (a.flags.docx) for (const f of await writeRedline(sides[0], sides[1], String(a.flags.docx), lang, os.userInfo().username)) if (!a.flags.json) out(f);
      if (a.flags.pdf) {
        const f = await writeSideBySidePdf(sides[0], sides[1], String(a.flags.pdf), lang);
        if (!a.flags.json) out(f);
      }
      return 0;
    }
    case 'template': {
      const a = parseArgs(rest);
      const [action, file, id] = a.positional;
      if (action !== 'save') throw new GmpError('cli.usage', { detail: 'gmp template save FILE ID [--name NAME]' });
      await withProject(need(file, 'gmp template save FILE ID'), true, async (project) => {
        out(saveAsTemplate(project, need(id, 'gmp template save FILE ID'), a.flags.name as string | undefined));
      });
      return 0;
    }
    case 'plan': {
      const a = parseArgs(rest, ['json']);
      const [action, file, ...words] = a.positional;
      const lang = uiLang();
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
      await withProject(file, action === 'export', async (project) => {
        if (action === 'export') for (const f of exportChapters(project, dir)) out(f);
        else if (action === 'import') {
          const r = importChapters(project, dir);
          out(uiLang() === 'zh' ? `已读取 ${r.length} 个章节文件，更新 ${r.filter((c) => c.changed).length} 个。` : `${r.length} chapter file(s) read, ${r.filter((c) => c.changed).length} updated.`);
        } else throw new GmpError('cli.usage', { detail: 'gmp chapters export|import FILE DIR' });
      });
      return 0;
    }
    default:
      throw new GmpError('cli.unknown_command', { command });
  }
}

export async function main(argv: string[]): Promise<number> {
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
function lateProgress(): (stage: 'read' | 'rows', fraction: number) => void {
  const start = Date.now();
  let last = 0;
  const names = uiLang() === 'en' ? { read: 'reading', rows: 'rows' } : { read: '读取', rows: '导入行' };
  return (stage, fraction) => {
    const now = Date.now();
    if (now - start < 1000 || now - last < 250) return;
    last = now;
    process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${names[stage]} ${Math.round(fraction * 100)}%${process.stderr.isTTY ? '   ' : '\n'}`);
  };
}
