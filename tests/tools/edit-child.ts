// A studio process for the kill -9 test: opens a plan through the API and edits it without pause,
// printing "ack N" only after edit N was acknowledged (its reply came back ok). With an import file
// it first starts that import and acknowledges it when it has finished.
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { runImportJob } from './import-job.ts';

const [plan, workspace, start, importFile] = process.argv.slice(2);
const service = new StudioService({ workspace, configDir: `${workspace}/cfg`, remember: false });
const opened = await dispatch(service, 'plan.open', { file: plan });
if (!opened.ok) throw new Error(opened.error.message);
if (importFile) {
  process.stdout.write('ack importing\n');
  const r = await runImportJob<{ written: boolean }>(service, { file: importFile, table: 'licences' });
  if (!r.written) throw new Error('import not written');
  process.stdout.write('ack import\n');
}
for (let n = Number(start); ; n++) {
  const r = await dispatch(service, 'rows.insert', { table: 'mines', values: { name_zh: `编辑${n}`, mineral: '煤', status: 'producing' } });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`ack ${n}\n`);
}
