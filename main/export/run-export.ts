// Exports in a worker thread with a bounded heap, relaying progress; errors come back as the
// same located GmpError the export raised.
import { Worker } from 'node:worker_threads';
import { GmpError } from '../domain/errors.ts';
import type { PlanData } from '../domain/model.ts';
import type { ExportRequest, ExportResult } from './export-plan.ts';

/** Heap for one export (the 5,000-mine PDF, drawn page by page, peaks near 400 MB RSS for the whole process). */
const HEAP_MB = 384;

export function runExport(data: PlanData, req: ExportRequest): Promise<ExportResult> {
  const { onProgress, ...plain } = req;
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './export-worker-boot.mjs' : './export-worker.mjs', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: { data, req: plain },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    let settled = false;
    worker.on('message', (m: { type: string; stage?: string; fraction?: number; result?: ExportResult; error?: { code?: string; params?: Record<string, string | number>; location?: GmpError['location']; message?: string } }) => {
      if (m.type === 'progress') onProgress?.(m.stage!, m.fraction!);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result!);
        void worker.terminate();
      } else if (m.type === 'error') {
        settled = true;
        const e = m.error!;
        if (e.params) reject(new GmpError(e.code!, e.params, e.location));
        else reject(Object.assign(new Error(e.message), { code: e.code }));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => { if (!settled) { settled = true; reject(e); } });
    worker.on('exit', (code) => { if (!settled) { settled = true; reject(new Error(`export worker stopped (${code})`)); } });
  });
}
