// End-to-end: the plan's own minerals on the overview. A mineral the catalogue does not hold gets its
// group and English name at its row; a Chinese "English name" is refused at the field; one undo
// takes the change back and returns to the row.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot, type Harness } from './harness.ts';

let h: Harness;

/** Waits (up to 10 s) until the studio's state satisfies `ok`. */
async function settled(ok: () => boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!ok() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

describe('minerals of this plan', () => {
  before(async () => { h = await launch(); });
  after(async () => { await h.close(); });

  it('gives a plan-local mineral its group and English name, refuses Chinese, and undoes in one step', async () => {
    const p = h.page;
    await p.waitForSelector('[data-testid=start-screen]');
    await p.check('[data-testid=template-district]');
    await p.fill('[data-testid=new-name]', '某某区');
    await p.click('[data-testid=create]');
    await p.waitForSelector('[data-testid=settings-form]');
    h.service.insert('mines', { name_zh: '甲矿', mineral: '某地特有岩', status: 'producing', scale_class: 'small' });
    // the overview lists the plan's own minerals once it is shown again
    await p.click('[data-testid=nav-chapters]');
    await p.click('[data-testid=nav-overview]');
    const en = p.locator('[data-testid="mineral-en-某地特有岩"]');
    await en.waitFor();
    await en.fill('特有岩');
    await en.press('Enter');
    const err = p.locator('[data-testid="mineral-en-error-某地特有岩"]');
    await err.waitFor();
    assert.match(await err.innerText(), /不是英文名/);
    assert.equal(h.service.minerals().local[0].name_en, '');
    await p.locator('[data-testid=local-minerals]').scrollIntoViewIfNeeded();
    await shot(p, 'zh-local-minerals-error');

    await en.fill('local rock');
    await en.press('Enter');
    await p.selectOption('[data-testid="mineral-group-某地特有岩"]', 'nonmetallic');
    await p.waitForFunction(() => !document.querySelector('[data-testid="mineral-en-error-某地特有岩"]'));
    // both saves answered (the group is sent when the select changes)
    await settled(() => h.service.minerals().local[0].group === 'nonmetallic');
    assert.deepEqual(h.service.minerals().local, [{ name: '某地特有岩', group: 'nonmetallic', name_en: 'local rock' }]);
    await p.selectOption('[data-testid=ui-lang]', 'en');
    await p.locator('[data-testid=local-minerals]').scrollIntoViewIfNeeded();
    assert.match(await p.locator('[data-testid=local-minerals]').innerText(), /Minerals of this plan[\s\S]*non-metallic/);
    await shot(p, 'en-local-minerals');
    await p.selectOption('[data-testid=ui-lang]', 'zh');

    // one undo: the group change; the field is focused again
    await p.click('[data-testid=undo]');
    await p.waitForFunction(() => (document.querySelector('[data-testid="mineral-group-某地特有岩"]') as HTMLSelectElement | null)?.value === 'unknown');
    assert.deepEqual(h.service.minerals().local, [{ name: '某地特有岩', group: 'unknown', name_en: 'local rock' }]);
  });
});
