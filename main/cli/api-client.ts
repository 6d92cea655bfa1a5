// The command line as a client of the studio's API: the same dispatch (zod contract → service)
// the Electron and loopback doors use, so every change from the command line is validated the
// same way. A refused call becomes one line in the user's language.
import path from 'node:path';
import os from 'node:os';
import { StudioService } from '../api/service.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Method } from '../api/contract.ts';
import type { Lang } from '../domain/vocabulary.ts';

/** A call the API refused: its message is already in the user's language. */
export class ApiRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export type Call = <T = unknown>(method: Method, args?: Record<string, unknown>) => Promise<T>;

export function apiClient(lang: Lang, workspace = process.cwd()): { service: StudioService; call: Call } {
  const service = new StudioService({ workspace, configDir: path.join(os.tmpdir(), 'gmp-cli-unused'), remember: false });
  const call: Call = async <T,>(method: Method, args: Record<string, unknown> = {}) => {
    const r = await dispatch(service, method, args, lang);
    if (!r.ok) throw new ApiRefusal(r.error.code, r.error.message);
    return r.result as T;
  };
  return { service, call };
}

/** Opens `file` through the API, runs `fn`, and closes it whatever happens. */
export async function withPlanApi<T>(file: string, lang: Lang, readonly: boolean, fn: (call: Call) => Promise<T>): Promise<T> {
  const { call } = apiClient(lang, path.dirname(path.resolve(file)));
  await call('plan.open', { file, ...(readonly ? { readonly: true } : {}) });
  try {
    return await fn(call);
  } finally {
    await call('plan.close').catch(() => null);
  }
}
