// End-to-end: import an office's tables through the UI, see the findings beside the data, click one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, shot, type Harness } from './harness.ts';

const FX = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures');
let h: Harness;

describe('import and checks in the UI', () => {
  before(async () => {
    h = await launch();
    // the browser's studio reads only inside its workspace: the office's files are put there
    for (const f of ['bad-missing-comma.csv', 'district-plan.xlsx', 'district-licences-gbk.csv']) fs.copyFileSync(path.join(FX, f), path.join(h.workspace, f));
  });
  after(async () => { await h.close(); });

  it('imports the plan table and the GBK licence table into a new district plan', async () => {
    const p = h.page;
    await p.waitForSelector('[data-testid=start-screen]');
    await p.check('[data-testid=template-district]');
    await p.fill('[data-testid=new-name]', '某某区');
    await p.click('[data-testid=create]');
    // a new plan's chapters bind the region and parent city: until they are set, the checks list placeholders
    await p.click('[data-testid=nav-data]');
    await p.waitForFunction(() => [...document.querySelectorAll('[data-testid=finding]')].some((f) => f.textContent?.includes('【待填：所属市（盟）】')));
    h.service.updatePlan({ region_zh: '河北省', parent_zh: '石家庄市' });
    await p.click('[data-testid=nav-overview]');
    await p.click('[data-testid=nav-data]');
    // what remains are the mine and licence tables, not entered yet: the text says so (no count of 0)
    await p.waitForFunction(() => {
      const found = [...document.querySelectorAll('[data-testid=finding]')];
      const text = found.map((f) => f.textContent ?? '').join('\n');
      return found.length > 0 && found.every((f) => f.textContent?.includes('相应的数据表尚未录入'))
        && text.includes('【待填：矿山现状（矿山表）】') && text.includes('【待填：采矿权现状（采矿权表）】');
    });
    await p.click('[data-testid=import-open]');
    // no typed path anywhere: files are chosen (or dropped), sent to the studio and previewed at once
    assert.equal(await p.locator('[data-testid=import-panel] input:not([type=file]):not([type=checkbox]):not([data-testid=import-mapping])').count(), 0);
    // a malformed file first: located error, nothing written
    await p.setInputFiles('[data-testid=import-file]', path.join(h.workspace, 'bad-missing-comma.csv'));
    await p.waitForSelector('[data-testid=import-result] [role=alert]');
    assert.match(await p.locator('[data-testid=import-result]').innerText(), /第 2 行.*拐点坐标.*少了分隔的逗号/s);
    assert.equal(h.service.rows('mines').length, 0);
    for (const fx of ['district-plan.xlsx', 'district-licences-gbk.csv']) {
      // a written import closes its panel: it is opened again for the next file
      if (!(await p.locator('[data-testid=import-panel]').count())) await p.click('[data-testid=import-open]');
      await p.setInputFiles('[data-testid=import-file]', path.join(h.workspace, fx));
      // previewed first: the file received and its rows listed
      await p.waitForFunction((name) => document.querySelector('[data-testid=import-uploaded]')?.textContent?.includes(name) && !!document.querySelector('[data-testid=import-summary]'), fx);
      await p.click('[data-testid=import-apply]');
      await p.waitForFunction(() => document.querySelector('[data-testid=import-done]')?.textContent?.includes('已写入') && !document.querySelector('[data-testid=import-panel]'));
    }
    assert.equal(h.service.rows('mines').length, 4);
    assert.equal(h.service.rows('licences').length, 4);
  });

  it('shows the findings beside the data and a click lands on the row', async () => {
    const p = h.page;
    // the findings of the imported rows (not the six "table not entered" ones listed before the import)
    await p.waitForFunction(() => {
      const found = [...document.querySelectorAll('[data-testid=finding]')];
      return found.length === 6 && found.some((f) => f.textContent?.includes('边界自相交'));
    });
    const texts = await p.locator('[data-testid=finding]').allInnerTexts();
    assert.ok(texts.some((t) => t.includes('有效期至 2025-12-20，早于其绿色矿山建设目标年份 2028 年')));
    assert.ok(texts.some((t) => t.includes('边界自相交')));
    await shot(p, 'zh-checks-panel');
    await p.locator('[data-testid=finding]', { hasText: '早于其绿色矿山建设目标年份' }).locator('button').click();
    await p.waitForSelector('[data-testid=grid-licences]');
    const selected = p.locator('[data-testid=grid-row].selected');
    await selected.waitFor();
    assert.match(await selected.innerText(), /C1301002012037120079999/);
    // fixing the licence's validity clears that finding
    const cell = selected.locator('[data-col=valid_to]');
    await cell.dblclick();
    await p.fill('[data-testid=cell-editor]', '2030-12-20');
    await p.press('[data-testid=cell-editor]', 'Enter');
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=finding]').length === 4);
  });

  it('shows the findings in English', async () => {
    const p = h.page;
    await p.selectOption('[data-testid=ui-lang]', 'en');
    await p.waitForFunction(() => [...document.querySelectorAll('[data-testid=finding]')].some((e) => e.textContent?.includes('crosses or touches itself')));
    await shot(p, 'en-checks-panel');
  });
});
