// End-to-end: save a revision, edit, save another, compare them and export the redline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { launch, shot, type Harness } from './harness.ts';

let h: Harness;

describe('revisions and review in the UI', () => {
  before(async () => { h = await launch(); });
  after(async () => { await h.close(); });

  it('saves v1, edits a sentence and a mine, saves v2, compares them and exports the redline', async () => {
    const p = h.page;
    await p.click('[data-testid=open-sample]');
    await p.click('[data-testid=nav-revisions]');
    await p.fill('[data-testid=rev-name]', 'v1');
    await p.fill('[data-testid=rev-note]', '征求意见稿');
    await p.click('[data-testid=rev-save]');
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=rev-row]').length === 1);
    // edit a sentence
    await p.click('[data-testid=nav-chapters]');
    await p.click('[data-testid=chapter-mode-source]');
    await p.selectOption('[data-testid=chapter-select]', '4');
    const body = p.locator('[data-testid=chapter-body]');
    await body.fill((await body.inputValue()).replace('最大限度减少勘查活动对生态环境的扰动。', '把勘查活动对生态环境的扰动降到最低。'));
    await p.waitForFunction(() => document.querySelector('[data-testid=preview]')?.textContent?.includes('降到最低'));
    // edit a mine's scale class
    await p.click('[data-testid=nav-data]');
    const cell = p.locator('[data-testid=grid-row] [data-col=scale_class]').first();
    await cell.dblclick();
    await p.selectOption('[data-testid=cell-editor]', 'large');
    await p.press('[data-testid=cell-editor]', 'Enter');
    await p.waitForFunction(() => document.querySelector('[data-testid=grid-row] [data-col=scale_class]')?.textContent === '大型');
    await p.click('[data-testid=nav-revisions]');
    await p.fill('[data-testid=rev-name]', 'v2');
    await p.click('[data-testid=rev-save]');
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=rev-row]').length === 2);
    // v1 opens read-only, with its old sentence
    await p.locator('[data-testid=rev-view]').first().click();
    await p.waitForFunction(() => document.querySelector('[data-testid=rev-preview]')?.textContent?.includes('最大限度减少勘查活动对生态环境的扰动'));
    assert.equal(await p.locator('[data-testid=rev-preview] textarea, [data-testid=rev-preview] input').count(), 0);
    await p.selectOption('[data-testid=rev-a]', { label: (await p.locator('[data-testid=rev-a] option').first().innerText()) });
    await p.selectOption('[data-testid=rev-b]', { index: 1 });
    await p.click('[data-testid=rev-compare]');
    await p.waitForSelector('[data-testid=change-list]');
    assert.equal(await p.locator('[data-testid=change-chapters]').count(), 1);
    assert.equal(await p.locator('[data-testid=change-rows]').count(), 1);
    const derived = await p.locator('[data-testid=change-derived]').allInnerTexts();
    assert.ok(derived.some((d) => d.includes('大型矿山占比（%）') && d.includes('37.80') && d.includes('39.02')));
    const ins = await p.locator('[data-testid=redline] ins').allInnerTexts();
    assert.ok(ins.includes('降到最低'), ins.join('|'));
    await shot(p, 'zh-revisions-compare');
    await p.click('[data-testid=rev-export]');
    await p.waitForSelector('[data-testid=rev-files]');
    const files = await p.locator('[data-testid=rev-files] .path').allInnerTexts();
    assert.equal(files.length, 3);
    const redline = files.find((f) => f.endsWith('-redline-zh.docx'))!;
    const xml = strFromU8(unzipSync(fs.readFileSync(redline))['word/document.xml']);
    assert.match(xml, /<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">最大限度减少<\/w:delText>/s);
    assert.match(xml, /<w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">降到最低<\/w:t>/s);
  });
});
