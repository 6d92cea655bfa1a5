// An import through the API's one import door, as the clients run it: import.start, then
// import.status until the job is done. Gives the result, or throws the failure's message.
import type { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import type { Lang } from '../../main/domain/vocabulary.ts';

type Job = { done: boolean; result?: unknown; error?: { code: string; message: Record<Lang, string> } };

export async function runImportJob<T = Record<string, unknown>>(service: StudioService, args: Record<string, unknown>, lang: Lang = 'zh'): Promise<T> {
  const started = await dispatch(service, 'import.start', args, lang);
  if (!started.ok) throw new Error(started.error.message);
  const { jobId } = started.result as { jobId: string };
  for (;;) {
    const status = await dispatch(service, 'import.status', { jobId }, lang);
    if (!status.ok) throw new Error(status.error.message);
    const job = status.result as Job;
    if (job.done) {
      if (job.error) throw Object.assign(new Error(job.error.message[lang]), { code: job.error.code });
      return job.result as T;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
