// An export never prints a figure the data does not have: a chapter naming an unknown figure (a typo)
// is refused with the chapter's title and line in the user's language, and nothing is written. Two
// plans with the same title export into folders of their own, never over each other's documents.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-export-refusals-');
const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg'), confined: true });
const call = async <T>(method: string, args: object, lang: 'zh' | 'en' = 'zh'): Promise<T> => {
  const r = await dispatch(service, method, args, lang);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return (r as { ok: true; result: T }).result;
};
type Job = { done: boolean; files: string[]; error?: { code: string; message: { zh: string; en: string } } };
async function exportAndWait(lang: 'zh' | 'en'): Promise<{ job: Job; outDir: string }> {
  const { jobId, outDir } = await call<{ jobId: string; outDir: string }>('export.start', { lang, formats: ['docx'] });
  for (;;) {
    const job = await call<Job>('export.status', { jobId });
    if (job.done) return { job, outDir };
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('exports', () => {
  it('refuse a chapter that names a figure the data does not have, located by chapter and line, writing nothing', async () => {
    await call('plan.create', { templateId: 'district', name: '测试区', file: 'a.gmplan' });
    const chapters = await call<{ key: string; title: string; body: string }[]>('chapters.list', { lang: 'zh' });
    const last = chapters[chapters.length - 1];
    await call('chapters.update', { key: last.key, lang: 'zh', body: `${last.body}\n\n全区矿山共 {{ f.mines.totl }} 个。` });
    const line = `${last.body}\n\n`.split('\n').length;
    const { job, outDir } = await exportAndWait('zh');
    expect(job.error?.code).toBe('export.unknown_names');
    expect(job.error?.message.zh).toContain(`章节“${last.title}”第 ${line} 行引用了数据中没有的数据项“f.mines.totl”`);
    expect(job.error?.message.en).toContain(`line ${line}, names “f.mines.totl”`);
    expect(fs.readdirSync(outDir)).toEqual([]);
    // corrected, it exports
    await call('chapters.update', { key: last.key, lang: 'zh', body: `${last.body}\n\n全区矿山共 {{ f.mines.total }} 个。` });
    const ok = await exportAndWait('zh');
    expect(ok.job.error).toBeUndefined();
    expect(ok.job.files).toHaveLength(1);
  }, 120_000);

  it('of two plans with the same title go to folders of their own', async () => {
    const first = (await exportAndWait('zh'));
    await call('plan.saveAs', { file: 'b.gmplan' });
    const second = await exportAndWait('zh');
    expect(path.basename(first.outDir)).toBe('a');
    expect(path.basename(second.outDir)).toBe('b');
    expect(path.basename(first.job.files[0])).toBe(path.basename(second.job.files[0]));
    expect(first.job.files[0]).not.toBe(second.job.files[0]);
    expect(fs.existsSync(first.job.files[0]) && fs.existsSync(second.job.files[0])).toBe(true);
  }, 120_000);
});
