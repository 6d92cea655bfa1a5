// End-to-end: the rich chapter editor. A writer adds a paragraph with two figures from the list, changes a
// mine in the data grid and sees the chip and the preview follow; a broken binding is flagged at its chip,
// in the writer's language, before anything is exported.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot, type Harness } from './harness.ts';

let h: Harness;

const previewText = async () => (await h.page.locator('[data-testid=preview]').innerText()).replace(/\s+/g, ' ');
const storedBody = (key: string, lang: 'zh' | 'en' = 'zh') => h.service.chapters(lang).find((c) => c.key === key)!.body;

/** The caret at the very end of the chapter (checked, since the editor may redraw under a key press). */
async function caretToEnd() {
  const p = h.page;
  for (let i = 0; i < 5; i++) {
    await p.click('[data-testid=chapter-rich] > :last-child');
    await p.keyboard.press('Control+End');
    await p.waitForTimeout(150);
    const atEnd = await p.evaluate(() => {
      const s = getSelection();
      const last = document.querySelector('[data-testid=chapter-rich]')?.lastElementChild;
      if (!s || !s.focusNode || !last?.contains(s.focusNode)) return false;
      const n = s.focusNode;
      return s.isCollapsed && s.focusOffset === (n.nodeType === Node.TEXT_NODE ? (n.textContent ?? '').length : n.childNodes.length);
    });
    if (atEnd) return;
  }
  throw new Error('could not put the caret at the end of the chapter');
}

async function insertFigure(path: string, search: string) {
  const p = h.page;
  await p.click('[data-testid=insert-figure]');
  await p.fill('[data-testid=fact-search]', search);
  await p.click(`[data-testid=fact-entry][data-path="${path}"]`);
  await p.waitForSelector('[data-testid=fact-picker]', { state: 'detached' });
}

describe('the rich chapter editor', () => {
  before(async () => {
    h = await launch();
    await h.page.click('[data-testid=open-sample]');
    await h.page.waitForSelector('[data-testid=fig-mines]');
  });
  after(async () => { await h.close(); });

  it('writes a paragraph with two inserted figures; a change in the grid moves the chip and the preview', async () => {
    const p = h.page;
    await p.click('[data-testid=nav-chapters]');
    await p.click('[data-testid=chapter-mode-rich]');
    await p.selectOption('[data-testid=chapter-select]', '1');
    await p.waitForSelector('[data-testid=figure-chip][data-state=ok]');
    const before = storedBody('status');
    // the chapter shows as print: no template code in the rich view, and of each {% if %} … {% else %}
    // only the branch the data selects; the other is folded behind a chip that unfolds it for editing
    await p.waitForSelector('[data-testid=cond-toggle]');
    const richText = await p.locator('[data-testid=chapter-rich]').innerText();
    assert.doesNotMatch(richText, /\{\{|\}\}|f\.mines|否则/);
    const toggle = p.locator('[data-testid=cond-toggle]').first();
    await toggle.click();
    await p.waitForSelector('[data-testid=cond-toggle][data-open=true]');
    assert.match(await p.locator('.cond-off.cond-open').first().innerText(), /\S/);
    await shot(p, 'zh-chapter-cond-open');
    await p.locator('[data-testid=cond-toggle][data-open=true]').first().click();
    await p.waitForSelector('.cond-off.cond-open', { state: 'detached' });
    assert.equal(storedBody('status'), before);
    assert.ok(await p.locator('.heading-number', { hasText: '第一节' }).count() >= 1);

    await caretToEnd();
    await p.keyboard.press('Enter');
    await p.keyboard.type('本旗现有生产矿山 ');
    await insertFigure('f.mines.byStatus.producing.count', '生产矿山数');
    await p.keyboard.type(' 个，其中大型矿山 ');
    await insertFigure('f.mines.byScale.large.count', '大型矿山数');
    await p.keyboard.type(' 个。');

    const producing = String(h.service.summary().facts.producing.count);
    const large = (n: number) => `本旗现有生产矿山 ${producing} 个，其中大型矿山 ${n} 个。`;
    const large0 = Number(h.service.factCatalog().entries.find((e) => e.path === 'f.mines.byScale.large.count')!.value.zh);
    await p.waitForFunction((t) => document.querySelector('[data-testid=preview]')?.textContent?.includes(t), large(large0));
    // the stored text is Markdown + Liquid: the old text unchanged, the new paragraph one blank line after it
    assert.equal(storedBody('status'), `${before.replace(/\n$/, '')}\n\n本旗现有生产矿山 {{ f.mines.byStatus.producing.count }} 个，其中大型矿山 {{ f.mines.byScale.large.count }} 个。\n`);
    const chip = p.locator('[data-testid=figure-chip][data-src="{{ f.mines.byScale.large.count }}"]').last();
    assert.equal((await chip.innerText()).split('\n')[0].trim(), String(large0));
    assert.equal(await p.locator('[data-testid=status]').innerText(), '已保存');
    await shot(p, 'zh-chapter-rich');

    // change a row in the data grid: a medium mine becomes large
    await p.click('[data-testid=nav-data]');
    const cell = p.locator('[data-testid=grid-row] [data-col=scale_class]').first();
    assert.equal(await cell.innerText(), '中型');
    await cell.dblclick();
    await p.selectOption('[data-testid=cell-editor]', 'large');
    await p.press('[data-testid=cell-editor]', 'Enter');
    await p.waitForFunction(() => document.querySelector('[data-testid=grid-row] [data-col=scale_class]')?.textContent === '大型');

    await p.click('[data-testid=nav-chapters]');
    await p.selectOption('[data-testid=chapter-select]', '1');
    await p.waitForFunction((t) => document.querySelector('[data-testid=preview]')?.textContent?.includes(t), large(large0 + 1));
    await p.waitForFunction((n) => [...document.querySelectorAll('[data-testid=figure-chip][data-src="{{ f.mines.byScale.large.count }}"]')]
      .every((c) => c.firstChild?.textContent === String(n)), large0 + 1);
    assert.match(await previewText(), new RegExp(`其中大型矿山 ${large0 + 1} 个。`));
  });

  it('flags a broken expression at its chip, in the user\'s language, before it is saved or exported', async () => {
    const p = h.page;
    await caretToEnd();
    await p.keyboard.press('Enter');
    await p.keyboard.type('合计 {{ f.mine.total }} 个');
    const bad = p.locator('[data-testid=figure-chip][data-state=error]');
    await bad.waitFor();
    assert.equal(await bad.getAttribute('data-src'), '{{ f.mine.total }}');
    assert.match(String(await bad.getAttribute('data-error')), /没有名为“f\.mine”的数据项，是否应为矿山总数（f\.mines\.total）？/);
    const list = p.locator('[data-testid=binding-errors]');
    await list.waitFor();
    assert.match(await list.innerText(), /^章节“现状与形势”正文第 \d+ 行：没有名为“f\.mine”的数据项/);
    await bad.hover();
    await shot(p, 'zh-chapter-broken-binding');
    // never a plain "saved" while a binding is broken; the checks name it too
    await p.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.startsWith('已保存，但有 1 处数据绑定错误'));
    assert.ok(h.service.checks().some((f) => f.rule === 'chapter.binding_broken' && /f\.mine/.test(f.message.zh)));
    // fixed at the chip itself, with the suggestion it offers
    await bad.hover();
    await p.click('[data-testid=chip-fix]');
    const fixed = p.locator('[data-testid=figure-chip][data-src="{{ f.mines.total }}"]').last();
    await p.waitForFunction(() => !document.querySelector('[data-testid=binding-errors]'));
    assert.equal(await fixed.getAttribute('data-state'), 'ok');
    assert.equal(await p.locator('[data-testid=figure-chip][data-state=error]').count(), 0);
    await p.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent === '已保存');
    assert.ok(storedBody('status').includes('合计 {{ f.mines.total }} 个'));
  });

  it('shows the editor in English, with the figure list in both languages', async () => {
    const p = h.page;
    await p.selectOption('[data-testid=ui-lang]', 'en');
    await p.selectOption('[data-testid=chapter-lang]', 'en');
    await p.waitForFunction(() => document.querySelector('[data-testid=chapter-select]')?.textContent?.includes('Status and Situation'));
    await p.selectOption('[data-testid=chapter-select]', '1');
    await p.waitForSelector('[data-testid=figure-chip][data-state=ok]');
    await p.click('[data-testid=insert-figure]');
    await p.fill('[data-testid=fact-search]', 'large');
    const entry = p.locator('[data-testid=fact-entry][data-path="f.mines.byScale.large.percent"]');
    assert.match(await entry.innerText(), /Share of large mines/);
    await shot(p, 'en-chapter-rich');
    await p.keyboard.press('Escape');
    await p.selectOption('[data-testid=ui-lang]', 'zh');
  });

  it('a finding in a chapter opens the chapter editor at its line', async () => {
    const p = h.page;
    const ch = h.service.chapters('zh')[2];
    // a broken figure on the chapter's last line
    h.service.updateChapter(ch.key, 'zh', undefined, `${ch.body.replace(/\n$/, '')}\n\n目标矿山 {{ f.mines.totl }} 个。\n`);
    const line = `${ch.body.replace(/\n$/, '')}\n\n`.split('\n').length;
    await p.click('[data-testid=nav-data]');
    const finding = p.locator(`[data-testid=finding] button[data-chapter="${ch.key}"]`).first();
    await finding.waitFor();
    assert.match(await finding.innerText(), new RegExp(`第 ${line} 行`));
    await finding.click();
    await p.waitForSelector('[data-testid=chapter-rich] > [data-found]');
    assert.equal(await p.inputValue('[data-testid=chapter-select]'), '2');
    assert.match(await p.locator('[data-testid=chapter-rich] > [data-found]').innerText(), /目标矿山/);
    // the caret is in that paragraph
    assert.ok(await p.evaluate(() => !!document.querySelector('[data-testid=chapter-rich] > [data-found]')?.contains(getSelection()?.focusNode ?? null)));
    // the preview shows the same line: its block marked and scrolled into the preview's view
    await p.waitForSelector('[data-testid=preview] > [data-found]');
    assert.match(await p.locator('[data-testid=preview] > [data-found]').innerText(), /目标矿山/);
    assert.ok(await p.evaluate(() => {
      const pane = document.querySelector('.preview-pane')!.getBoundingClientRect();
      const found = document.querySelector('[data-testid=preview] > [data-found]')!.getBoundingClientRect();
      return found.top >= pane.top && found.bottom <= pane.bottom;
    }), 'the found block is inside the preview pane\'s view');
    await shot(p, 'zh-chapter-finding');
  });

  it('a chapter edit is one step of the studio\'s undo: Ctrl+Z in the editor and the undo button take it back, at its chapter and line', async () => {
    const p = h.page;
    const key = h.service.chapters('zh')[2].key;
    const before = storedBody(key);
    await caretToEnd();
    await p.keyboard.type('补充一句。');
    await p.waitForFunction((k) => document.querySelector('[data-testid=status]')?.textContent?.startsWith('已保存'), key);
    await p.waitForFunction(() => !document.querySelector('[data-testid=undo]')?.hasAttribute('disabled'));
    assert.ok(storedBody(key).endsWith('补充一句。\n'));
    // Ctrl+Z in the editor: the studio's history, not the editor's own
    await p.keyboard.press('Control+z');
    await p.waitForFunction(() => !document.querySelector('[data-testid=chapter-rich]')?.textContent?.includes('补充一句'));
    assert.equal(storedBody(key), before);
    assert.equal(await p.inputValue('[data-testid=chapter-select]'), '2');
    // redo from another view comes back to the chapter, at the changed paragraph
    await p.click('[data-testid=nav-overview]');
    await p.click('[data-testid=redo]');
    await p.waitForSelector('[data-testid=chapter-rich] > [data-found]');
    assert.equal(await p.inputValue('[data-testid=chapter-select]'), '2');
    assert.match(await p.locator('[data-testid=chapter-rich] > [data-found]').innerText(), /补充一句。/);
    assert.ok(storedBody(key).endsWith('补充一句。\n'));
    await p.click('[data-testid=undo]');
    await p.waitForFunction(() => !document.querySelector('[data-testid=chapter-rich]')?.textContent?.includes('补充一句'));
    assert.equal(storedBody(key), before);
  });
});
