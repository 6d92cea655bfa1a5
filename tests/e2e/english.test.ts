// End-to-end: the English UI, screen by screen. Every visible string, placeholder, tooltip and list
// option outside the plan's own data must be English: no CJK character and no raw key or code
// (`green.remaining`, `scale_class`). What is the plan's own data is told apart two ways: elements that
// show data carry `data-plan-data` (grid cells, chapter text, the preview, file names) or say they are
// Chinese on purpose with `lang="zh-CN"` (the language's own name, 中文), and inside UI
// sentences (findings, change lists) every value the plan holds is taken out before the test looks.
// The language choice survives a reload.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot, type Harness } from './harness.ts';
import { TABLE_NAMES } from '../../main/store/tables.ts';

let h: Harness;

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
// a raw i18n key or code: dotted lower-case words (green.remaining, mines.byScale.unknown.count,
// mines.minerals[2]) or snake_case words (scale_class)
const RAW_KEY = /\b[a-z][a-zA-Z0-9]+(?:\[\d+\])?(?:\.[a-zA-Z][a-zA-Z0-9_]*(?:\[\d+\])?)+\b|\b[a-z]+_[a-z_]+\b/;

// a file's name is not a key
const FILE_NAME = /[^\s"'“”]+\.(?:xlsx|csv|txt|docx|pdf|gmplan)\b/gi;

interface Seen { where: string; text: string; code?: boolean }

/** Every string a user can see or hear on the page now, outside elements marked as plan data. */
// (a string, so that the page runs it as written, without the test runner's helpers)
const COLLECT = `(() => {
  const out = [];
  // plan data, or text marked as written in Chinese on purpose (a language's own name: 中文)
  const isData = (el) => !!(el && (el.closest('[data-plan-data]') || (el.closest('body [lang]') && /^zh/.test(el.closest('body [lang]').getAttribute('lang')))));
  const shown = (el) => {
    const s = getComputedStyle(el);
    return s.display !== 'none' && s.visibility !== 'hidden' && el.offsetParent !== null;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent || '').trim();
    if (!el || !text || isData(el) || el.closest('option')) continue;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || !shown(el)) continue;
    out.push({ where: name(el), text, code: !!el.closest('[data-template-code]') });
  }
  for (const el of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
    if (isData(el) || !shown(el)) continue;
    for (const a of ['placeholder', 'title', 'aria-label']) {
      const v = el.getAttribute(a);
      if (v) out.push({ where: name(el) + '@' + a, text: v });
    }
  }
  for (const o of document.querySelectorAll('select option')) {
    const sel = o.closest('select');
    if (isData(o) || !shown(sel)) continue;
    const text = (o.textContent || '').trim();
    if (text) out.push({ where: name(sel) + '>option', text });
  }
  return out;
})()`;

/** Every string a user can see or hear on the page now, outside elements marked as plan data. */
async function visibleStrings(): Promise<Seen[]> {
  return h.page.evaluate(COLLECT) as Promise<Seen[]>;
}

// every value the plan has held in this run (a revision's older values show in comparisons)
const vals = new Set<string>();

/** Every value the plan holds or held (rows, settings, chapters, revisions), longest first. */
function planValues(): string[] {
  const s = h.service;
  if (!s.info().file) return [];
  const add = (v: unknown) => {
    if (typeof v === 'string') {
      for (const part of [v, ...v.split(/[\n,，;；、]/)]) if (CJK.test(part)) vals.add(part.trim());
    } else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  for (const t of TABLE_NAMES) {
    try { for (const r of s.rows(t)) add(Object.values(r)); } catch { /* a table the plan does not have */ }
  }
  add(Object.values(s.settings().values));
  for (const l of ['zh', 'en'] as const) for (const c of s.chapters(l)) add([c.title]);
  for (const r of s.revisions()) add([r.name, r.note]);
  return [...vals].filter(Boolean).sort((a, b) => b.length - a.length);
}

async function scan(screen: string): Promise<void> {
  await h.page.waitForTimeout(150);
  await shot(h.page, `en-${screen}`);
  const values = planValues();
  const bad: string[] = [];
  for (const s of await visibleStrings()) {
    let rest = s.text;
    for (const v of values) if (rest.includes(v)) rest = rest.split(v).join(' ');
    // a gap quoted from a chapter (【待填：…】) is the document's own text, in the document's language
    rest = rest.replace(/【[^】]*】/g, ' ');
    if (CJK.test(rest)) bad.push(`${screen} ${s.where}: CJK in "${s.text}"`);
    // the list of figures shows each one's name in the template language, for template authors
    const key = s.code ? null : rest.replace(FILE_NAME, ' ').match(RAW_KEY);
    if (key) bad.push(`${screen} ${s.where}: raw key "${key[0]}" in "${s.text}"`);
  }
  assert.deepEqual(bad, [], `the English ${screen} screen shows text that is not English:\n${bad.join('\n')}`);
}

describe('the English UI', () => {
  before(async () => { h = await launch(); });
  after(async () => { await h.close(); });

  it('start screen in English, and the choice survives a reload', async () => {
    const p = h.page;
    await p.waitForSelector('[data-testid=start-screen]');
    await p.selectOption('[data-testid=ui-lang]', 'en');
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    await scan('start');
    await p.reload();
    await p.waitForSelector('[data-testid=start-screen]');
    assert.equal(await p.inputValue('[data-testid=ui-lang]'), 'en');
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
    await scan('start-reloaded');
  });

  it('overview and settings, with a refused value', async () => {
    const p = h.page;
    await p.click('[data-testid=open-sample]');
    await p.waitForSelector('[data-testid=settings-form]');
    await scan('overview');
    await p.fill('[data-testid=setting-far_year]', '20351');
    await p.press('[data-testid=setting-far_year]', 'Enter');
    await p.waitForSelector('[data-testid=setting-far_year-error]');
    await scan('settings-error');
    await p.press('[data-testid=setting-far_year]', 'Escape');
  });

  it('every data tab, the add-row form, the import panel and the grouped checks', async () => {
    const p = h.page;
    // a mine with a mineral the catalogue does not know and no status: findings to list
    h.service.insert('mines', { name_zh: '新矿山', mineral: '某某石' });
    await p.click('[data-testid=nav-data]');
    await p.waitForSelector('[data-testid=grid-row]');
    for (const t of ['mines', 'licences', 'exploration_rights', 'reserves', 'indicators', 'zones', 'blocks']) {
      await p.click(`[data-testid=table-${t}]`);
      await p.waitForSelector(`[data-testid=grid-${t}]`);
      await scan(`data-${t}`);
    }
    await p.click('[data-testid=table-mines]');
    await p.click('[data-testid=add-row]');
    await p.waitForSelector('[data-testid=add-form]');
    await scan('add-row');
    await p.keyboard.press('Escape');
    await p.click('[data-testid=import-open]');
    await p.waitForSelector('[data-testid=import-panel]');
    await scan('import');
    // the file is chosen with the studio's button, in English (the browser's own input is hidden)
    assert.equal(await p.locator('[data-testid=import-choose]').innerText(), 'Choose a file…');
    assert.equal(await p.locator('[data-testid=import-file]').isVisible(), false);
    // every group of findings open
    await p.waitForSelector('[data-testid=check-group]');
    for (const head of await p.locator('[data-testid=check-group] .group-head[aria-expanded=false]').all()) await head.click();
    // every group of findings is named (none falls back to "Other")
    assert.equal(await p.locator('[data-testid=check-group]', { hasText: /^\S+\s*Other\b/ }).count(), 0);
    await scan('checks');
    // counts are worded with English plurals, not "error(s)"
    assert.match(await p.locator('body').innerText(), /\b\d+ (?:error|warning)s?\b/);
    assert.doesNotMatch(await p.locator('body').innerText(), /\(s\)/);
  });

  it('the chapter editor (rich and source views) and the list of figures', async () => {
    const p = h.page;
    await p.click('[data-testid=nav-chapters]');
    await p.waitForSelector('[data-testid=chapter-rich]');
    await p.waitForSelector('[data-testid=preview]');
    await scan('chapters');
    await p.click('[data-testid=insert-figure]');
    await p.waitForSelector('[data-testid=fact-picker]');
    await scan('fact-picker');
    await p.click('[data-testid=insert-figure]');
    await p.click('[data-testid=chapter-mode-source]');
    await scan('chapters-source');
    await p.click('[data-testid=chapter-mode-rich]');
  });

  it('revisions, the change list and the redline', async () => {
    const p = h.page;
    await p.click('[data-testid=nav-revisions]');
    await p.fill('[data-testid=rev-name]', 'first');
    await p.click('[data-testid=rev-save]');
    await p.waitForSelector('[data-testid=rev-row]');
    planValues(); // the values before the changes below stay plan data
    // a change of every kind: a cell, a setting, a chapter
    const mine = h.service.rows('mines')[0];
    h.service.update('mines', Number(mine.id), { holder: 'Probe Holder Ltd', scale_class: mine.scale_class === 'large' ? 'small' : 'large', scale_value: Number(mine.scale_value ?? 0) + 1 });
    h.service.updatePlan({ far_year: 2034 });
    const ch = h.service.chapters('zh')[1];
    h.service.updateChapter(ch.key, 'zh', undefined, `${ch.body}\n\nNew paragraph.\n`);
    await p.click('[data-testid=nav-overview]');
    await p.click('[data-testid=nav-revisions]');
    await p.waitForSelector('[data-testid=rev-row]');
    await scan('revisions');
    await p.click('[data-testid=rev-compare]');
    await p.waitForSelector('[data-testid=change-list]');
    // the Chinese text compared is listed, though the list is worded in English
    assert.ok(await p.locator('[data-testid=change-chapters]').count() >= 1);
    await scan('compare');
    assert.match(await p.locator('body').innerText(), /\b1 text change\b|\b\d+ text changes\b/);
    assert.doesNotMatch(await p.locator('body').innerText(), /\(s\)/);
    await p.click('[data-testid=rev-view]');
    await p.waitForSelector('[data-testid=rev-preview]');
    await scan('revision-view');
  });

  it('the export dialog', async () => {
    const p = h.page;
    await p.click('[data-testid=nav-export]');
    await p.waitForSelector('[data-testid=export-dialog]');
    await scan('export');
  });
});
