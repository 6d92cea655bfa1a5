// The renderer's one door to the studio: window.gmp.invoke in Electron (preload), else the
// loopback host, where the browser's HttpOnly session cookie authenticates each call (the page never
// sees the secret). Both carry the same methods and replies.
import type { Reply } from '../../main/api/contract.ts';
import { begin, QUIET } from './busy.ts';

declare global {
  interface Window {
    gmp?: { invoke(method: string, args: unknown, lang: string): Promise<Reply>; onMenu?(cb: (action: string, payload: unknown) => void): void };
  }
}

export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly location?: { table?: string; row?: number; column?: string }) {
    super(message);
  }
}

let uiLang = 'zh';
export function setApiLang(lang: string) {
  uiLang = lang;
}

export async function call<T = unknown>(method: string, args: Record<string, unknown> = {}): Promise<T> {
  let reply: Reply;
  const end = QUIET.has(method) ? () => {} : begin(method);
  try {
    if (window.gmp) {
      reply = await window.gmp.invoke(method, args, uiLang);
    } else {
      const res = await fetch('./api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method, args, lang: uiLang }),
      });
      reply = (await res.json()) as Reply;
    }
  } finally {
    end();
  }
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.location);
  return reply.result as T;
}
