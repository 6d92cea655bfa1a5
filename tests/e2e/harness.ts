// Starts the studio's loopback host on a temporary workspace and Debian's Chromium under
// playwright-core, and records every request the page makes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { StudioService } from '../../main/api/service.ts';
import { startHost, type Host } from '../../main/host/server.ts';

export interface Harness {
  page: Page;
  host: Host;
  service: StudioService;
  workspace: string;
  requests: string[];
  close(): Promise<void>;
}

// Screenshots of a test run go to an ignored folder; the committed ones in tests/e2e/screens are
// replaced only on purpose (`npm run screens:update`), so a test run leaves the tree clean.
const HERE = path.dirname(new URL(import.meta.url).pathname);
export const SCREENS = process.env.GMP_UPDATE_SCREENS === '1' ? path.join(HERE, 'screens') : path.join(HERE, 'artifacts', 'screens');

export async function launch(): Promise<Harness> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-e2e-'));
  // the served mode: every path the page names must lie in the workspace
  const service = new StudioService({ workspace, configDir: path.join(workspace, 'config'), confined: true });
  const host = await startHost({ service });
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => void d.accept());
  // the one-time address, as printed to the terminal: the page signs in with an HttpOnly cookie
  await page.goto(host.loginUrl);
  return {
    page, host, service, workspace, requests,
    close: async () => {
      await browser.close();
      await host.close();
      service.close();
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}
