// The loopback host as a door: it never dies of a request (the reported ones, then ≥ 10,000 generated
// URLs, headers and bodies), and it never hands its secret to an unauthenticated request: the browser
// signs in once with the one-time code printed to the terminal and keeps an HttpOnly cookie.
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { METHODS } from '../../main/api/contract.ts';
import { startHost, type Host } from '../../main/host/server.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-host-');
const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });
const staticDir = tmpDir('gmp-host-static-');
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>studio</title><script src="./assets/app.js"></script>');
fs.mkdirSync(path.join(staticDir, 'assets'));
fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');

let host: Host;
beforeAll(async () => { host = await startHost({ service, staticDir }); });
afterAll(async () => { await host.close(); service.close(); });

interface Answer { status: number; head: string; body: string }

/** One raw request over its own connection: bytes exactly as given, no client-side checks. */
function raw(request: string | Buffer, timeoutMs = 5000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => { sock.destroy(); reject(new Error(`no answer in ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 200))}`)); }, timeoutMs);
    sock.on('connect', () => sock.end(request));
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', () => {});
    sock.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head, body: split < 0 ? '' : text.slice(split + 4) });
    });
  });
}

function request(method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  const h = { Host: `127.0.0.1:${host.port}`, Connection: 'close', ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}), ...headers };
  return raw(`${method} ${target} HTTP/1.1\r\n${Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}

async function stillAnswers(): Promise<void> {
  const r = await request('POST', '/api', { 'x-gmp-token': host.token, 'Content-Type': 'application/json' }, JSON.stringify({ method: 'app.info', args: {} }));
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { version: expect.any(String) } });
}

describe('the reported requests', () => {
  it.each(['/..%c0%af', '/%', '/assets/%ff', '/%c0', '/a%00b', '/%E4%B8%AD%'])('GET %s is refused, and the host answers after it', async (p) => {
    const r = await request('GET', p);
    expect(r.status).toBe(404);
    await stillAnswers();
  });

  it('a raw GET // is answered (no page without a session), and the host answers after it', async () => {
    const r = await raw(`GET // HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
    expect(r.status).toBe(401);
    expect(r.body).not.toContain(host.token);
    await stillAnswers();
  });

  it.each(['null', '[]', '"text"', '42', 'true', '{"method":null}', '{', '\u0000'])('an authenticated POST with body %j is a 400 or a refused call', async (body) => {
    const r = await request('POST', '/api', { 'x-gmp-token': host.token, 'Content-Type': 'application/json' }, body);
    expect(r.status === 400 || (r.status === 200 && JSON.parse(r.body).ok === false)).toBe(true);
    await stillAnswers();
  });

  it('a body over the limit is refused with 413', async () => {
    const big = 'x'.repeat(17 * 1024 * 1024);
    const r = await request('POST', '/api', { 'x-gmp-token': host.token }, big);
    expect([413, 0]).toContain(r.status);
    await stillAnswers();
  });
});

describe('the token is not served', () => {
  it('GET / without credentials carries no token and sets no cookie', async () => {
    for (const p of ['/', '/index.html', '//', '/?code=', '/?code=wrong', `/?token=${host.token.slice(0, 4)}`]) {
      const r = await request('GET', p);
      expect(r.status, p).toBe(401);
      expect(r.head + r.body).not.toContain(host.token);
      expect(r.head.toLowerCase()).not.toContain('set-cookie');
    }
    // the app's scripts hold no secret and load before signing in
    const js = await request('GET', '/assets/app.js');
    expect(js.status).toBe(200);
  });

  it('the one-time code becomes an HttpOnly, SameSite=Strict cookie, once; the page works after a reload', async () => {
    const code = new URL(host.loginUrl).searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(code).not.toBe(host.token);
    const first = await request('GET', `/?code=${code}`);
    expect(first.status).toBe(303);
    const cookieLine = first.head.split('\r\n').find((l) => /^set-cookie:/i.test(l))!;
    expect(cookieLine).toMatch(/HttpOnly/);
    expect(cookieLine).toMatch(/SameSite=Strict/);
    expect(first.body).not.toContain(host.token);
    const cookie = cookieLine.replace(/^set-cookie:\s*/i, '').split(';')[0];
    // used once: the same address signs nobody else in
    const again = await request('GET', `/?code=${code}`);
    expect(again.status).toBe(401);
    expect(again.head.toLowerCase()).not.toContain('set-cookie');
    // a reload with the cookie gets the page, and the page's calls go through with it
    const page = await request('GET', '/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>studio</title>');
    expect(page.body).not.toContain(host.token);
    const api = await request('POST', '/api', { Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` }, JSON.stringify({ method: 'app.info', args: {} }));
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
    // another origin (another port on this machine) may not call with it
    const foreign = await request('POST', '/api', { Cookie: cookie, Origin: 'http://127.0.0.1:1' }, JSON.stringify({ method: 'app.info', args: {} }));
    expect(foreign.status).toBe(403);
    // nor a wrong cookie
    const wrong = await request('POST', '/api', { Cookie: cookie.replace(/=.*/, '=00') }, JSON.stringify({ method: 'app.info', args: {} }));
    expect(wrong.status).toBe(401);
  });
});

describe('fuzz: generated requests never take the host down', () => {
  const char = fc.constantFrom('%', '/', '.', '?', '#', '&', '=', 'a', 'f', 'F', 'c', '0', '2', 'e', '5', 'c', '\\', ':', '@', ';', ' ', '\t', '\u0000', '\u00ff', '中', '\r', '\n', '"', "'", '+', '~');
  const target = fc.oneof(
    fc.constantFrom('/', '//', '/api', '/index.html', '/assets/app.js', '/%', '/%ff', '/..%c0%af', '/..%2f..%2fetc%2fpasswd', '/?code=', '*', 'http://evil/', '/api?x=%', '/%2e%2e/'),
    fc.string({ unit: char, maxLength: 40 }).map((s) => `/${s}`),
    fc.webPath(),
    fc.webUrl(),
  );
  const methodName = fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'get', 'CONNECT'), fc.string({ unit: char, minLength: 1, maxLength: 8 }));
  const apiMethods = Object.keys(METHODS).filter((m) => m !== 'export.start' && m !== 'revisions.exportRedline' && m !== 'plan.openSample');
  const body = fc.oneof(
    fc.constantFrom('', 'null', '[]', '{}', '"x"', '1', '{"method":"app.info"}', '{"method":"__proto__","args":{}}', '{"method":"app.info","args":null,"lang":{}}'),
    fc.record({ method: fc.oneof(fc.constantFrom(...apiMethods), fc.string()), args: fc.anything(), lang: fc.anything() }).map((o) => JSON.stringify(o) ?? ''),
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a).toString('latin1')),
  );
  const headerValue = fc.string({ unit: char, maxLength: 30 });
  const req = fc.record({
    method: methodName,
    target,
    host: fc.oneof(fc.constant('good'), fc.constant('localhost'), fc.constant(''), headerValue),
    auth: fc.constantFrom('none', 'token', 'badToken', 'cookie', 'badCookie'),
    origin: fc.option(fc.oneof(fc.constant('self'), headerValue), { nil: undefined }),
    extra: fc.option(fc.tuple(fc.string({ unit: char, minLength: 1, maxLength: 12 }), headerValue), { nil: undefined }),
    body,
  });

  it('answers 10,000 generated requests with a status below 500, in bounded time, and still answers', async () => {
    const statuses = new Map<number, number>();
    const started = Date.now();
    let n = 0;
    await fc.assert(fc.asyncProperty(req, async (r) => {
      n++;
      const hostHeader = r.host === 'good' ? `127.0.0.1:${host.port}` : r.host === 'localhost' ? `localhost:${host.port}` : r.host;
      const lines = [`${r.method} ${r.target} HTTP/1.1`, `Host: ${hostHeader}`, 'Connection: close'];
      if (r.auth === 'token') lines.push(`x-gmp-token: ${host.token}`);
      if (r.auth === 'badToken') lines.push(`x-gmp-token: ${host.token.slice(1)}x`);
      if (r.auth === 'cookie') lines.push(`Cookie: gmp_session_${host.port}=${host.token}`);
      if (r.auth === 'badCookie') lines.push(`Cookie: gmp_session_${host.port}=%; a=b=c;;`);
      if (r.origin !== undefined) lines.push(`Origin: ${r.origin === 'self' ? `http://127.0.0.1:${host.port}` : r.origin}`);
      if (r.extra) lines.push(`${r.extra[0]}: ${r.extra[1]}`);
      const bytes = Buffer.from(r.body, 'utf8');
      if (bytes.length) lines.push(`Content-Length: ${bytes.length}`);
      const answer = await raw(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), bytes]));
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      // an answer is a 2xx-4xx; a request line so broken that the parser gives up may get the socket closed
      expect(answer.status === 0 || (answer.status >= 200 && answer.status < 500), `${answer.status} for ${JSON.stringify(r).slice(0, 300)}`).toBe(true);
      if (answer.status === 200 && r.target === '/' ) expect(answer.body).not.toContain(host.token);
    }), { numRuns: 10_000, seed: 1313, endOnFailure: true });
    const seconds = (Date.now() - started) / 1000;
    expect(n).toBeGreaterThanOrEqual(10_000);
    expect(seconds).toBeLessThan(120);
    // most requests were answered (not just dropped), and the host still works afterwards
    const answered = [...statuses].filter(([s]) => s !== 0).reduce((a, [, c]) => a + c, 0);
    expect(answered).toBeGreaterThan(9_000);
    await stillAnswers();
  }, 180_000);
});
