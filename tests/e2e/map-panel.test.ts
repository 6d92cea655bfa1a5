// End-to-end: the sketch map beside the zone and block tables. Editing a corner point in the grid
// redraws the map with the block moved (and an undo moves it back); pointing at a block shows its
// name and area; clicking it selects its row; the map type switch; Chinese and English; nothing
// the map brings may run (no script, no CSP refusal).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot, type Harness } from './harness.ts';

let h: Harness;

const drawn = () => h.page.locator('[data-testid=map-svg]').getAttribute('data-drawn').then(Number);
const waitDrawnAfter = (n: number) => h.page.waitForFunction((k) => Number(document.querySelector('[data-testid=map-svg]')?.getAttribute('data-drawn')) > k, n);
const polygonPoints = (blockId: number) => h.page.locator(`[data-testid=map-svg] polygon[data-block="${blockId}"]`).getAttribute('points');
const currentRowId = async () => Number(await h.page.locator('[data-testid=grid-row] [data-current=true]').locator('xpath=..').getAttribute('data-row-id'));

/** A block polygon that is the topmost element at its bounding box's centre (so a real pointer reaches it). */
async function reachableBlock(kind: 'mine' | 'zone'): Promise<{ id: number; table: string; rowId: number; name: string; area: string; x: number; y: number }> {
  const found = await h.page.evaluate((k) => {
    for (const el of document.querySelectorAll(`[data-testid=map-svg] polygon.map-block.map-${k}`)) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (r.width > 2 && r.height > 2 && document.elementFromPoint(x, y) === el) {
        return { id: Number(el.getAttribute('data-block')), table: el.getAttribute('data-table')!, rowId: Number(el.getAttribute('data-id')), name: el.getAttribute('data-name')!, area: el.getAttribute('data-area')!, x, y };
      }
    }
    return null;
  }, kind);
  assert.ok(found, `a ${kind} block reachable by the pointer`);
  return found;
}

describe('the sketch map beside the zone and block tables', () => {
  const errors: string[] = [];
  before(async () => {
    h = await launch();
    h.page.on('pageerror', (e) => errors.push(e.message));
    h.page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
  });
  after(async () => { await h.close(); });

  it('is drawn beside the blocks, follows an edit of a corner point and its undo', async () => {
    const p = h.page;
    await p.click('[data-testid=open-sample]');
    await p.click('[data-testid=nav-data]');
    await p.click('[data-testid=table-blocks]');
    await p.waitForSelector('[data-testid=grid-blocks]');
    await waitDrawnAfter(0);
    // no map beside the mines
    await p.click('[data-testid=table-mines]');
    await p.waitForSelector('[data-testid=grid-mines]');
    assert.equal(await p.locator('[data-testid=map-panel]').count(), 0);
    await p.click('[data-testid=table-blocks]');
    await p.waitForSelector('[data-testid=map-svg] svg');
    // the map the API draws, made safe: no script, no handler, no <title>, one polygon per drawn block
    const svg = p.locator('[data-testid=map-svg] svg');
    assert.equal(await svg.getAttribute('data-map-type'), 'distribution');
    assert.equal(await p.locator('[data-testid=map-svg] script, [data-testid=map-svg] title, [data-testid=map-svg] foreignObject').count(), 0);
    const api = h.service.renderMap('distribution', 'zh');
    assert.ok(api.stats.polygons > 20);
    assert.equal(await p.locator('[data-testid=map-svg] polygon.map-block').count(), api.stats.polygons);
    await shot(p, 'map-panel-blocks-zh');

    // edit the first corner point of a mine's block: 3 km further north
    const block = await reachableBlock('mine');
    const before = await polygonPoints(block.id);
    const cell = p.locator(`[data-testid=grid-row][data-row-id="${block.id}"] [data-col=points]`);
    await p.locator('[data-testid=grid-filter]').fill('');
    await cell.scrollIntoViewIfNeeded();
    await cell.dblclick();
    const editor = p.locator('[data-testid=cell-editor]');
    const typed = await editor.inputValue();
    const points = typed.split(';').map((s) => s.split(',').map((x) => x.trim()));
    points[0][1] = (Number(points[0][1]) + 3000).toFixed(2);
    const n = await drawn();
    await editor.fill(points.map((q) => q.join(', ')).join('; '));
    await editor.press('Enter');
    await waitDrawnAfter(n);
    const moved = await polygonPoints(block.id);
    const first = (s: string | null) => s!.split(' ')[0].split(',').map(Number);
    assert.ok(first(moved)[1] < first(before)[1] - 1, `the moved corner is higher on the map (${first(before)} → ${first(moved)})`);
    assert.deepEqual(moved!.split(' ').slice(1), before!.split(' ').slice(1));
    await shot(p, 'map-panel-edited-zh');

    // undo: the map is drawn from the restored corner points
    const m = await drawn();
    await p.click('[data-testid=undo]');
    await waitDrawnAfter(m);
    await p.waitForFunction(([id, pts]) => document.querySelector(`[data-testid=map-svg] polygon[data-block="${id}"]`)?.getAttribute('points') === pts, [block.id, before] as const);
  });

  it('names a block and its area under the pointer, and a click selects its row', async () => {
    const p = h.page;
    await p.waitForSelector('[data-testid=map-svg] svg');
    const block = await reachableBlock('mine');
    await p.mouse.move(block.x, block.y);
    const tip = p.locator('[data-testid=map-tip]');
    await tip.waitFor();
    const text = await tip.innerText();
    assert.ok(text.includes(block.name), `tooltip "${text}" names ${block.name}`);
    assert.ok(text.includes(`面积 ${block.area} km²`), `tooltip "${text}" gives the area`);
    await shot(p, 'map-panel-hover-zh');
    // click: the block's row becomes the grid's current row (on the blocks tab)
    await p.mouse.click(block.x, block.y);
    await p.waitForFunction((id) => document.querySelector('[data-testid=grid-row] [data-current=true]')?.parentElement?.getAttribute('data-row-id') === String(id), block.id);
    assert.equal(await currentRowId(), block.id);
    assert.equal(await p.locator(`[data-testid=map-svg] polygon[data-block="${block.id}"].selected`).count(), 1);

    // on the zones tab a zone's polygon selects the zone's row
    await p.click('[data-testid=table-zones]');
    await p.waitForSelector('[data-testid=grid-zones]');
    const zone = await reachableBlock('zone');
    assert.equal(zone.table, 'zones');
    await p.mouse.click(zone.x, zone.y);
    await p.waitForFunction((id) => document.querySelector('[data-testid=grid-row] [data-current=true]')?.parentElement?.getAttribute('data-row-id') === String(id), zone.rowId);
    assert.equal(await currentRowId(), zone.rowId);

    // zoomed in, the map scrolls within the panel; "fit" brings it back to the panel's width
    const width = () => p.locator('[data-testid=map-svg] svg').evaluate((el) => el.getBoundingClientRect().width);
    const fit = await width();
    await p.click('[data-testid=map-zoom-in]');
    await p.click('[data-testid=map-zoom-in]');
    assert.ok(await width() > fit * 2, 'zoomed to 225 %');
    await shot(p, 'map-panel-zoom-zh');
    await p.locator('.map-canvas').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await shot(p, 'map-panel-zoom-legend-zh');
    await p.locator('.map-canvas').evaluate((el) => { el.scrollLeft = 0; });
    await p.click('[data-testid=map-zoom-fit]');
    assert.ok(Math.abs(await width() - fit) < 1);
  });

  it('switches map type, and speaks English', async () => {
    const p = h.page;
    let n = await drawn();
    await p.click('[data-testid=map-type-plan]');
    await waitDrawnAfter(n);
    assert.equal(await p.locator('[data-testid=map-svg] svg').getAttribute('data-map-type'), 'plan');
    assert.match(await p.locator('[data-testid=map-svg] svg').textContent() ?? '', /图\s*例/);
    n = await drawn();
    await p.selectOption('[data-testid=ui-lang]', 'en');
    await waitDrawnAfter(n);
    assert.match(await p.locator('[data-testid=map-svg] svg').textContent() ?? '', /Legend/);
    assert.equal(await p.locator('[data-testid=map-type-plan]').innerText(), 'Green-mine plan');
    await p.click('[data-testid=table-blocks]');
    await p.waitForSelector('[data-testid=grid-blocks]');
    const block = await reachableBlock('mine');
    await p.mouse.move(block.x, block.y);
    await p.locator('[data-testid=map-tip]').waitFor();
    assert.ok((await p.locator('[data-testid=map-tip]').innerText()).includes(`area ${block.area} km²`));
    await shot(p, 'map-panel-plan-en');
    n = await drawn();
    await p.click('[data-testid=map-type-status]');
    await waitDrawnAfter(n);
    assert.equal(await p.locator('[data-testid=map-svg] svg').getAttribute('data-map-type'), 'status');
    await p.selectOption('[data-testid=ui-lang]', 'zh');
    assert.deepEqual(errors, []);
  });
});
