// Runs one export in a worker thread: the app stays responsive while a large plan is typeset,
// and the worker's heap is bounded.
import { parentPort, workerData } from 'node:worker_threads';
import { GmpError } from '../domain/errors.ts';
import type { PlanData } from '../domain/model.ts';
import { exportPlanWithReport, type ExportRequest } from './export-plan.ts';

const { data, req } = workerData as { data: PlanData; req: Omit<ExportRequest, 'onProgress'> };
exportPlanWithReport(data, { ...req, onProgress: (stage, fraction) => parentPort!.postMessage({ type: 'progress', stage, fraction }) })
  .then((result) => parentPort!.postMessage({ type: 'done', result }))
  .catch((e: unknown) => parentPort!.postMessage({
    type: 'error',
    error: e instanceof GmpError ? { code: e.code, params: e.params, location: e.location } : { message: String((e as Error)?.message ?? e), code: (e as { code?: string })?.code },
  }));
