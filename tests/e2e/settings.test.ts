// End-to-end: the plan settings form. A new banner plan previews with placeholders; a bad value
// is refused at its field with the reason and never looks saved; a good one reaches the preview.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot, type Harness } from './harness.ts';

let h: Harness;

describe('plan settings form', () => {
  before(async () => { h = await launch(); });
  after(async () => { await h.close(); });

  it('creates a banner plan whose preview shows placeholders, not an error', async () => {
    const p = h.page;
    await p.waitForSelector('[data-testid=start-screen]');
    await p.check('[data-testid=template-banner]');
    await p.fill('[data-testid=new-name]', '某某旗');
    await p.click('[data-testid=create]');
    await p.waitForSelector('[data-testid=settings-form]');
    await p.click('[data-testid=nav-chapters]');
    const preview = p.locator('[data-testid=preview]');
    await preview.waitFor();
    await p.waitForFunction(() => document.querySelector('[data-testid=preview]')?.textContent?.includes('【待填'));
    assert.match(await preview.innerText(), /【待填：所属市（盟）】/);
  });

  it('refuses 远景年 20351 at the field, with the reason, and keeps the stored year', async () => {
    const p = h.page;
    await p.click('[data-testid=nav-overview]');
    const far = p.locator('[data-testid=setting-far_year]');
    const stored = String(h.service.settings().values.far_year);
    await far.fill('20351');
    await far.press('Enter');
    const err = p.locator('[data-testid=setting-far_year-error]');
    await err.waitFor();
    assert.match(await err.innerText(), /远景年：20351 超出允许范围（1900～2100）/);
    assert.match(await err.innerText(), /未保存/);
    assert.equal(await far.getAttribute('aria-invalid'), 'true');
    assert.equal(String(h.service.settings().values.far_year), stored);
    await shot(p, 'zh-settings-error');
    // revert shows the stored value again
    await p.click('[data-testid=setting-far_year-error] button');
    assert.equal(await far.inputValue(), stored);
    assert.equal(await err.count(), 0);
  });

  it('saves a profile value and the preview binds it', async () => {
    const p = h.page;
    const parent = p.locator('[data-testid=setting-parent_zh]');
    await parent.fill('鄂尔多斯市');
    await parent.press('Enter');
    await p.waitForFunction(() => true);
    await p.click('[data-testid=nav-chapters]');
    await p.waitForFunction(() => document.querySelector('[data-testid=preview]')?.textContent?.includes('鄂尔多斯市'));
    assert.equal(h.service.settings().values.parent_zh, '鄂尔多斯市');
  });

  it('shows a stored number without float noise, leaves it unchanged on blur, and names the area\'s unit', async () => {
    const p = h.page;
    h.service.updatePlan({ bbox_west: 108 + 58 / 60 }); // 108°58′ as worked out from degrees and minutes
    await p.click('[data-testid=nav-chapters]');
    await p.click('[data-testid=nav-overview]');
    const west = p.locator('[data-testid=setting-bbox_west]');
    await west.waitFor();
    assert.equal(await west.inputValue(), '108.966667');
    await west.focus();
    await west.press('Tab');
    await p.waitForTimeout(300);
    assert.equal(h.service.settings().values.bbox_west, 108 + 58 / 60); // nothing rewritten
    const area = p.locator('label', { has: p.locator('[data-testid=setting-area_km2]') }).locator('.field-label');
    assert.match(await area.innerText(), /行政区面积（km²）/);
  });
});
