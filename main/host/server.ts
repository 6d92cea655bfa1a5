// The same API over HTTP, bound to 127.0.0.1 only, for the browser (tests, machines without Electron).
// The page is served to nobody without a session: the terminal that started the host prints a
// one-time address (…/?code=…) that sets an HttpOnly, SameSite=Strict session cookie; no response
// carries the session secret. API calls carry that cookie (the browser) or the secret in a header
// (tests, scripts started by the same process); the Host header must be the loopback address (no DNS
// rebinding), a cross-origin POST is refused, and every request is answered inside one error boundary:
// a malformed URL, header or body is a 4xx, never an exception out of the handler.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../api/dispatch.ts';
import type { StudioService } from '../api/service.ts';
import { staticFilePath } from './static-path.ts';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

export function rendererDir(): string {
  return process.env.GMP_RENDERER_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');
}

export interface HostOptions {
  service: StudioService;
  port?: number;
  /** the session secret (random per run when not given) */
  token?: string;
  staticDir?: string;
}

export interface Host {
  /** the host's origin with a trailing slash: http://127.0.0.1:PORT/ */
  url: string;
  /** the one-time address to open in a browser (print it to the terminal only) */
  loginUrl: string;
  port: number;
  /** the session secret: API calls may carry it as `x-gmp-token` */
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

const SECURITY = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

const SIGN_IN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>绿色矿山规划编制器</title></head><body>
<p>请打开启动本服务的终端中显示的地址（含一次性代码）。</p>
<p>Open the address printed in the terminal that started the studio (it carries a one-time code).</p></body></html>`;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string {
  if (typeof header !== 'string') return '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return '';
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string> = {}, body: string | Buffer = ''): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...SECURITY, 'Content-Length': String(Buffer.byteLength(body)), ...headers }).end(body);
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  let code: string | null = crypto.randomBytes(16).toString('hex');
  const staticDir = path.resolve(opts.staticDir ?? rendererDir());
  let port = 0;
  const cookieName = () => `gmp_session_${port}`;

  const authenticated = (req: http.IncomingMessage): boolean => {
    const header = req.headers['x-gmp-token'];
    if (typeof header === 'string' && same(header, token)) return true;
    return same(cookieValue(req.headers.cookie, cookieName()), token);
  };

  const handleApi = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405);
    // a page of another origin (even another port of this machine) may not call
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return send(res, 403);
    if (!authenticated(req)) {
      return send(res, 401, { 'Content-Type': 'application/json' }, JSON.stringify({ ok: false, error: { code: 'api.unauthorized', message: 'unauthorised' } }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > MAX_BODY) {
        refused = true;
        send(res, 413, { Connection: 'close' });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (refused) return;
      void (async () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(res, 400);
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) return send(res, 400);
        const { method, args, lang } = body as { method?: unknown; args?: unknown; lang?: unknown };
        const reply = await dispatch(opts.service, method, args, lang === 'en' ? 'en' : 'zh');
        send(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(reply));
      })().catch(() => send(res, 500));
    });
  };

  const handleStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, query: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405);
    const file = staticFilePath(staticDir, pathname);
    if (!file) return send(res, 404, {}, 'not found');
    if (file === path.join(staticDir, 'index.html')) {
      // the one-time code from the terminal becomes the session cookie, once
      const given = new URLSearchParams(query).get('code');
      if (given !== null && code !== null && same(given, code)) {
        code = null;
        return send(res, 303, {
          Location: '/',
          'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (!authenticated(req)) return send(res, 401, { 'Content-Type': 'text/html; charset=utf-8' }, SIGN_IN_PAGE);
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return send(res, 404, {}, 'not found');
    }
    if (!stat.isFile()) return send(res, 404, {}, 'not found');
    send(res, 200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }, req.method === 'HEAD' ? '' : fs.readFileSync(file));
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.on('error', () => {});
    res.on('error', () => {});
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, {}, 'misdirected');
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return send(res, 400);
    const q = target.indexOf('?');
    const pathname = q < 0 ? target : target.slice(0, q);
    const query = q < 0 ? '' : target.slice(q + 1);
    if (pathname === '/api') return handleApi(req, res);
    return handleStatic(req, res, pathname, query);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      send(res, 500);
    }
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    loginUrl: `${url}?code=${code}`,
    port,
    token,
    server,
    close: () => new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}
