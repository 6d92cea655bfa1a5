// The same API over HTTP, bound to 127.0.0.1 only, for the browser (tests, machines without Electron).
// Every API call must carry the per-run token; the Host header must be the loopback address
// (no DNS rebinding); the built renderer is served with a strict Content-Security-Policy.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../api/dispatch.ts';
import type { StudioService } from '../api/service.ts';

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
  token?: string;
  staticDir?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const staticDir = path.resolve(opts.staticDir ?? rendererDir());
  let port = 0;
  const server = http.createServer((req, res) => {
    const security = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, security).end('misdirected');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api') {
      if (req.method !== 'POST') {
        res.writeHead(405, security).end();
        return;
      }
      const given = String(req.headers['x-gmp-token'] ?? '');
      const ok = given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
      if (!ok) {
        res.writeHead(401, { ...security, 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'api.unauthorized', message: 'unauthorised' } }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', async () => {
        let body: { method?: unknown; args?: unknown; lang?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          res.writeHead(400, security).end();
          return;
        }
        const reply = await dispatch(opts.service, body.method, body.args, body.lang === 'en' ? 'en' : 'zh');
        res.writeHead(200, { ...security, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, security).end();
      return;
    }
    // static files of the built renderer, never outside its folder
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(staticDir, rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, security).end('not found');
      return;
    }
    let data: Buffer | string = fs.readFileSync(file);
    if (rel === 'index.html') data = data.toString('utf8').replace('__GMP_TOKEN__', token);
    res.writeHead(200, { ...security, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
