// End-to-end: "从上一轮规划开始 / Start from a previous plan" on the start screen. The seed plan's
// text and a .docx of it are uploaded (no path typed), the report is read before anything is kept,
// the new project is saved under a chosen name and opened; both forms give the same project.
// A file that is no plan gets a clear message in the user's language and leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SCREENS, type Harness } from './harness.ts';

const FX = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/adopt');
let h: Harness;

const plansIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.gmplan'));

describe('start from a previous plan', () => {
  before(async () => { h = await launch(); });
  after(async () => { await h.close(); });

  let fromText: { chapters: string[]; mines: number; reserves: number; indicators: number; blocks: number };

  it('adopts the seed text: report first, then the project saved where chosen and opened', async () => {
    const p = h.page;
    await p.waitForSelector('[data-testid=adopt-panel]');
    assert.match(await p.locator('[data-testid=adopt-panel] h2').innerText(), /从上一轮规划开始/);
    await p.setInputFiles('[data-testid=adopt-file]', path.join(FX, 'banner-seed.txt'));
    await p.waitForSelector('[data-testid=adopt-report]', { timeout: 60_000 });
    assert.ok(fs.existsSync(path.join(h.workspace, 'uploads', 'banner-seed.txt')));
    // nothing is kept yet: no plan in the workspace
    assert.deepEqual(plansIn(h.workspace), []);
    const chapters = await p.locator('[data-testid=adopt-chapters] tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(chapters.length, 7);
    assert.equal(chapters[0], '总则');
    const tables = await p.locator('[data-testid=adopt-tables]').innerText();
    assert.match(tables, /48 行数据 → 矿山/); // the green-mine list across its 续 pages
    assert.match(tables, /8 行数据 → 规划指标/);
    assert.match(tables, /3 行数据 → 资源储量/);
    assert.match(tables, /未识别为数据表/);
    assert.match(await p.locator('[data-testid=adopt-summary]').innerText(), /7 章/);
    assert.match(await p.locator('[data-testid=adopt-unrecognised]').innerText(), /附图目录列出 3 幅图/);
    await p.screenshot({ path: path.join(SCREENS, 'adopt-report-zh.png'), fullPage: true });
    await p.fill('[data-testid=adopt-target]', '伊金霍洛旗-新一轮');
    await p.click('[data-testid=adopt-commit]');
    await p.waitForSelector('[data-testid=plan-title]');
    assert.match(await p.locator('[data-testid=plan-title]').innerText(), /伊金霍洛旗绿色矿山建设规划/);
    const file = path.join(h.workspace, '伊金霍洛旗-新一轮.gmplan');
    assert.ok(fs.existsSync(file));
    assert.ok(!fs.existsSync(path.join(h.workspace, '.adopting')) || fs.readdirSync(path.join(h.workspace, '.adopting')).length === 0); // the pending copy is gone
    fromText = {
      chapters: h.service.chapters('zh').map((c) => c.title),
      mines: h.service.rows('mines').length, reserves: h.service.rows('reserves').length,
      indicators: h.service.rows('indicators').length, blocks: h.service.rows('blocks').length,
    };
    assert.equal(fromText.mines, 48);
    // the chapter view shows the adopted text, its bound figures as chips
    await p.click('[data-testid=nav-chapters]');
    await p.waitForFunction(() => document.querySelector('[data-testid=preview]')?.textContent?.includes('全面落实鄂尔多斯市建设绿色矿山'), undefined, { timeout: 60_000 });
    assert.ok(await p.locator('[data-testid=figure-chip]').count() >= 1);
    await p.click('[data-testid=nav-close]');
    await p.waitForSelector('[data-testid=adopt-panel]');
  });

  it('adopts the same plan as .docx with the English screen: same project, report in English', async () => {
    const p = h.page;
    await p.selectOption('[data-testid=ui-lang]', 'en');
    await p.waitForFunction(() => document.querySelector('[data-testid=adopt-panel] h2')?.textContent === 'Start from a previous plan');
    await p.setInputFiles('[data-testid=adopt-file]', path.join(FX, 'banner-seed.docx'));
    await p.waitForSelector('[data-testid=adopt-report]', { timeout: 60_000 });
    const tables = await p.locator('[data-testid=adopt-tables]').innerText();
    assert.match(tables, /48 rows → Mines/);
    assert.match(tables, /Not recognised as data/);
    assert.match(await p.locator('[data-testid=adopt-summary]').innerText(), /7 chapters/);
    await p.screenshot({ path: path.join(SCREENS, 'adopt-report-en.png'), fullPage: true });
    // the name taken: refused with a message, nothing replaced; replaced only when asked
    await p.fill('[data-testid=adopt-target]', '伊金霍洛旗-新一轮');
    await p.click('[data-testid=adopt-commit]');
    await p.waitForSelector('[data-testid=adopt-error]');
    assert.match(await p.locator('[data-testid=adopt-error]').innerText(), /already exists/i);
    await p.fill('[data-testid=adopt-target]', 'from-docx');
    await p.click('[data-testid=adopt-commit]');
    await p.waitForSelector('[data-testid=plan-title]');
    assert.deepEqual(h.service.chapters('zh').map((c) => c.title), fromText.chapters);
    assert.equal(h.service.rows('mines').length, fromText.mines);
    assert.equal(h.service.rows('reserves').length, fromText.reserves);
    assert.equal(h.service.rows('indicators').length, fromText.indicators);
    assert.equal(h.service.rows('blocks').length, fromText.blocks);
    await p.click('[data-testid=nav-close]');
    await p.waitForSelector('[data-testid=adopt-panel]');
  });

  it('a file that is no plan: a clear message in the user language, nothing left behind', async () => {
    const p = h.page;
    const bad = path.join(h.workspace, 'notes.txt');
    fs.writeFileSync(bad, '会议纪要\n\n今天讨论了午餐。\n');
    const before = plansIn(h.workspace).length;
    await p.setInputFiles('[data-testid=adopt-file]', bad);
    await p.waitForSelector('[data-testid=adopt-error]', { timeout: 60_000 });
    assert.match(await p.locator('[data-testid=adopt-error]').innerText(), /No chapters .* were found in “notes(-\d+)?\.txt”/);
    assert.equal(plansIn(h.workspace).length, before);
    assert.ok(!fs.existsSync(path.join(h.workspace, '.adopting')) || fs.readdirSync(path.join(h.workspace, '.adopting')).length === 0);
    await p.selectOption('[data-testid=ui-lang]', 'zh');
  });
});
