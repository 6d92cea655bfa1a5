// A comparison shows a changed chapter block as the reader sees it: its figures and names rendered
// with each side's own data, never the template code the writer never sees.
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../../main/review/compare.ts';
import { samplePlan } from './helpers.ts';

describe('comparison of chapter text', () => {
  it('renders the bindings of a changed block on both sides', async () => {
    const { data } = await samplePlan();
    const edited = structuredClone(data);
    const ch = edited.chapters.find((c) => c.key === 'safeguards' && c.lang === 'zh')!;
    expect(ch.body).toContain('成立由{{ plan.kind }}政府主要负责同志任组长');
    ch.body = ch.body.replace('主要负责同志任组长', '主要领导任组长');
    const changes = comparePlans(data, edited).chapters.filter((c) => c.lang === 'zh');
    expect(changes).toHaveLength(1);
    const [c] = changes;
    expect(c.before).toContain('成立由旗政府主要负责同志任组长');
    expect(c.after).toContain('成立由旗政府主要领导任组长');
    expect(`${c.before}${c.after}${c.parts!.map((p) => p.value).join('')}`).not.toContain('{{');
    expect(c.parts!.filter((p) => p.added).map((p) => p.value).join('')).toBe('领导');
  });
});
