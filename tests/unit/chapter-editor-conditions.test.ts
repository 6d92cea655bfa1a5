// Conditional text in the rich editor: the branch the plan's data selects is shown as plain text, the
// other folded; the conditions are evaluated by the chapter check on the real data; the document (and
// so the stored source) is untouched by the decorations.
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { chapterExtensions } from '../../renderer/src/editor/schema.ts';
import { parseSource, serializeDoc, type JsonNode } from '../../renderer/src/editor/source-doc.ts';
import { conditionDecorations, conditionGroups } from '../../renderer/src/editor/conditions.ts';
import { checkChapter } from '../../main/compose/bindings.ts';
import { samplePlan } from './helpers.ts';

const schema = getSchema(chapterExtensions());
const SRC = '前文{% if f.mines.total > 0 %}共有矿山 {{ f.mines.total }} 个{% if f.mines.scaleUnknown > 0 %}，另有未知{% endif %}。{% else %}尚未录入：{{ "mine_table" | todo }}。{% endif %}后文\n';
const IF = '{% if f.mines.total > 0 %}';
const INNER = '{% if f.mines.scaleUnknown > 0 %}';

function doc(src: string): PMNode {
  return PMNode.fromJSON(schema, parseSource(src));
}

function textIn(d: PMNode, from: number, to: number): string {
  return d.textBetween(from, to, '', (n) => String(n.attrs.src ?? ''));
}

describe('conditional text in the rich editor', () => {
  it('shows the branch the data selects and folds the other', () => {
    const d = doc(SRC);
    const holds = new Map([[IF, true], [INNER, false]]);
    const groups = conditionGroups(d, holds);
    expect(groups).toHaveLength(2);
    const outer = groups.find((g) => g.branches[0].tagSrc === IF)!;
    expect(outer.active).toBe(0);
    expect(textIn(d, outer.branches[1].from, outer.branches[1].to)).toBe('尚未录入：{{ "mine_table" | todo }}。');
    const inner = groups.find((g) => g.branches[0].tagSrc === INNER)!;
    expect(inner.active).toBe(-1);
    // with no mines the else branch prints
    expect(conditionGroups(d, new Map([[IF, false]])).find((g) => g.branches[0].tagSrc === IF)!.active).toBe(1);
    // a condition not checked yet: everything is shown as written
    expect(conditionGroups(d, new Map()).every((g) => g.active === null)).toBe(true);
  });

  it('marks the folded text and hides the tags of the printed branch, leaving the source unchanged', () => {
    const d = doc(SRC);
    const set = conditionDecorations(d, new Map([[IF, true], [INNER, false]]), new Set());
    const all = set.find();
    const folded = all.filter((x) => (x as unknown as { type: { attrs?: { class?: string } } }).type.attrs?.class === 'cond-off');
    expect(folded.map((x) => textIn(d, x.from, x.to)).sort()).toEqual(['，另有未知', '尚未录入：{{ "mine_table" | todo }}。'].sort());
    const specs = all.map((x) => x.spec as { condHidden?: boolean; condToggle?: { kind: string } });
    expect(specs.filter((s) => s.condHidden)).toHaveLength(3); // the outer if, and both endifs
    expect(specs.filter((s) => s.condToggle).map((s) => s.condToggle!.kind).sort()).toEqual(['else', 'if']);
    expect(serializeDoc(d.toJSON() as JsonNode)).toBe(SRC);
  });

  it('the chapter check evaluates each condition on the plan data', async () => {
    const { data } = await samplePlan();
    const c = checkChapter(data, 'zh', SRC, 't');
    const outer = c.conditions?.find((x) => x.src === IF);
    expect(data.mines.length).toBeGreaterThan(0);
    expect(outer?.holds).toBe(true);
    const empty = checkChapter({ ...data, mines: [] }, 'zh', SRC, 't');
    expect(empty.conditions?.find((x) => x.src === IF)?.holds).toBe(false);
  });
});
