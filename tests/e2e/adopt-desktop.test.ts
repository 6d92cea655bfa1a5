// End-to-end: in the desktop app the adopted project's place is chosen with the system's save dialog
// (dialog.choose 'savePlan', answered by the Electron door), not typed. The desktop door is stood in
// for by a window.gmp that passes every call to the studio as the preload would, and answers the
// dialog with the path a user picked; the served UI keeps its name field (tests/e2e/adopt.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, type Harness } from './harness.ts';

const FX = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/adopt');
let h: Harness;

describe('start from a previous plan, in the desktop app', () => {
  before(async () => { h = await launch(); });
  after(async () => { await h.close(); });

  it('asks where to save with the native dialog, proposing the suggested name, and opens the project saved there', async () => {
    const chosen = path.join(h.workspace, '选定位置.gmplan');
    const p = await h.page.context().newPage();
    // a string, not a function: the test's own code is transpiled with helpers the page does not have
    await p.addInitScript(`
      window.dialogsAsked = [];
      window.gmp = {
        invoke: async (method, args, lang) => {
          if (method === 'dialog.choose') {
            window.dialogsAsked.push(args);
            return { ok: true, result: ${JSON.stringify(chosen)} };
          }
          const res = await fetch('./api', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify({ method, args, lang }) });
          return res.json();
        },
      };
    `);
    await p.goto(h.page.url());
    await p.waitForSelector('[data-testid=adopt-panel]');
    await p.setInputFiles('[data-testid=adopt-file]', path.join(FX, 'banner-seed.txt'));
    await p.waitForSelector('[data-testid=adopt-report]', { timeout: 60_000 });
    // no name field in the desktop app
    assert.equal(await p.locator('[data-testid=adopt-target]').count(), 0);
    await p.click('[data-testid=adopt-commit]');
    await p.waitForSelector('[data-testid=plan-title]', { timeout: 60_000 });
    const asked = await p.evaluate(() => (window as unknown as { dialogsAsked: { kind: string; defaultName?: string }[] }).dialogsAsked);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].kind, 'savePlan');
    assert.match(asked[0].defaultName ?? '', /^伊金霍洛旗.*\.gmplan$/);
    assert.ok(fs.existsSync(chosen));
    assert.equal(h.service.info().file, fs.realpathSync(chosen));
    assert.equal(h.service.rows('mines').length, 48);
    await p.close();
  });
});
