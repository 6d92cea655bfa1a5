// Adopting a previous plan through the API: a job with rising progress, a report before anything is
// kept (the project exists only at a pending path), then commit under a chosen name (or discard).
// Arguments go through the one contract: a wrong file kind or a malformed period is refused there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import type { AdoptReport } from '../../main/adopt/adopt.ts';
import { tmpDir } from './helpers.ts';

/** The adoptions pending in a workspace (their folder goes once none is left). */
const pendingIn = (dir: string) => (fs.existsSync(path.join(dir, '.adopting')) ? fs.readdirSync(path.join(dir, '.adopting')) : []);

const FX = path.resolve(__dirname, '../fixtures/adopt');

interface Status { done: boolean; stage: string; fraction: number; report?: AdoptReport; summary?: string[]; suggested?: string; error?: { code: string; message: { zh: string; en: string } } }

async function until(service: StudioService, jobId: string, seen: number[]): Promise<Status> {
  for (let i = 0; i < 1200; i++) {
    const r = await dispatch(service, 'adopt.status', { jobId });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.result as Status;
    seen.push(s.fraction);
    if (s.done) return s;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('adoption never ended');
}

describe('adopt through the API', () => {
  it('previews, then commits under the chosen name and opens the new project', async () => {
    const dir = tmpDir('gmp-adopt-api-');
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg'), confined: true });
    const src = path.join(dir, 'old.txt');
    fs.copyFileSync(path.join(FX, 'banner-seed.txt'), src);
    const started = await dispatch(service, 'adopt.start', { file: 'old.txt' }, 'en');
    expect(started.ok).toBe(true);
    const seen: number[] = [];
    const s = await until(service, (started as { result: { jobId: string } }).result.jobId, seen);
    expect(s.error).toBeUndefined();
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    expect(s.report!.chapters.length).toBe(7);
    expect(s.summary![0]).toMatch(/^old\.txt: 7 chapters; 4 tables as rows/); // in the caller's language
    expect('pending' in s).toBe(false); // the pending path is not shown
    // nothing kept yet
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.gmplan'))).toEqual([]);
    // a name outside the workspace is refused in the served mode
    const outside = await dispatch(service, 'adopt.commit', { jobId: (started as { result: { jobId: string } }).result.jobId, file: '../elsewhere.gmplan' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'io.outside_workspace' } });
    const done = await dispatch(service, 'adopt.commit', { jobId: (started as { result: { jobId: string } }).result.jobId, file: 'new-plan.gmplan' });
    expect(done.ok).toBe(true);
    expect(service.rows('mines').length).toBe(48);
    expect(service.info().file).toBe(fs.realpathSync(path.join(dir, 'new-plan.gmplan')));
    expect(pendingIn(dir)).toEqual([]);
    // the job is gone once committed
    const again = await dispatch(service, 'adopt.commit', { jobId: (started as { result: { jobId: string } }).result.jobId, file: 'other.gmplan' });
    expect(again.ok).toBe(false);
    service.close();
  });

  it('refuses a wrong kind of file and a malformed period at the contract; a discarded adoption leaves nothing', async () => {
    const dir = tmpDir('gmp-adopt-api-');
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg'), confined: true });
    expect(await dispatch(service, 'adopt.start', { file: 'old.xlsx' })).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    expect(await dispatch(service, 'adopt.start', { file: 'old.txt', period: '2026' })).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    fs.copyFileSync(path.join(FX, 'district-plan.txt'), path.join(dir, 'd.txt'));
    const started = await dispatch(service, 'adopt.start', { file: 'd.txt', period: '2026-2030' });
    const jobId = (started as { result: { jobId: string } }).result.jobId;
    const s = await until(service, jobId, []);
    expect(s.report!.period).toMatchObject({ start: 2026, end: 2030 });
    expect(pendingIn(dir).length).toBe(1);
    expect((await dispatch(service, 'adopt.discard', { jobId })).ok).toBe(true);
    expect(pendingIn(dir)).toEqual([]);
    // a file that is not a plan: the job fails with a message in both languages, nothing left
    fs.writeFileSync(path.join(dir, 'n.txt'), '会议纪要\n');
    const bad = await dispatch(service, 'adopt.start', { file: 'n.txt' });
    const b = await until(service, (bad as { result: { jobId: string } }).result.jobId, []);
    expect(b.error).toMatchObject({ code: 'adopt.no_chapters' });
    expect(b.error!.message.en).toMatch(/No chapters/);
    expect(b.error!.message.zh).toMatch(/没有找到章节/);
    expect(pendingIn(dir)).toEqual([]);
    service.close();
  });
});
