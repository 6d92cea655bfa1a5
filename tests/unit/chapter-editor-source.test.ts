// The rich chapter editor keeps the stored Markdown + Liquid to the character: every bundled chapter and
// every chapter of the sample goes source → editor document (through the real TipTap schema) → source.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { chapterExtensions } from '../../renderer/src/editor/schema.ts';
import { blockAtLine, parseInline, parseSource, serializeDoc, serializeInline, type JsonNode } from '../../renderer/src/editor/source-doc.ts';
import { splitChapterFile, templatesDir } from '../../main/compose/templates.ts';
import { samplePlan } from './helpers.ts';

const schema = getSchema(chapterExtensions());

/** source → JSON → ProseMirror node (validated by the schema) → JSON → source */
function roundTrip(src: string): { out: string; doc: JsonNode } {
  const json = parseSource(src);
  const node = PMNode.fromJSON(schema, json);
  node.check();
  const back = node.toJSON() as JsonNode;
  return { out: serializeDoc(back), doc: back };
}

function count(doc: JsonNode, type: string): number {
  return (doc.type === type ? 1 : 0) + (doc.content ?? []).reduce((a, c) => a + count(c, type), 0);
}

function bundledChapterFiles(): string[] {
  const root = templatesDir();
  const out: string[] = [];
  for (const id of fs.readdirSync(root)) {
    for (const lang of ['zh', 'en']) {
      const dir = path.join(root, id, lang);
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir)) if (f.endsWith('.md')) out.push(path.join(dir, f));
    }
  }
  return out.sort();
}

describe('chapter source ⇄ rich editor document', () => {
  const files = bundledChapterFiles();

  it('finds the bundled chapters', () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
  });

  it('round-trips every bundled chapter file and body without changing a character', () => {
    let figures = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const src of [text, splitChapterFile(text).body]) {
        const { out, doc } = roundTrip(src);
        expect(out, f).toBe(src);
        figures += count(doc, 'figure');
        // shown as print, not as code: the bundled chapters need no protected raw block
        expect(count(doc, 'rawBlock'), f).toBe(0);
      }
    }
    expect(figures).toBeGreaterThan(100);
  });

  it('round-trips every chapter of the sample plan, in both languages', async () => {
    const { data } = await samplePlan();
    expect(data.chapters.length).toBeGreaterThanOrEqual(14);
    for (const c of data.chapters) {
      expect(roundTrip(c.body).out, `${c.key}.${c.lang}`).toBe(c.body);
      expect(roundTrip(c.title).out).toBe(c.title);
    }
  });

  it('shows headings, lists, emphasis, figures and tags as their own nodes', () => {
    const src = '## 现状\n\n共有矿山 {{ f.mines.total }} 个，**其中** *大型* {{ f.mines.byScale.large.count | num }} 个。\n\n- 第一项\n- 第二项 {{ plan.name }}\n\n1. one\n2. two\n\n{% for z in zones %}{{ z.name }}{% endfor %}\n\n::table mines_status\n';
    const { out, doc } = roundTrip(src);
    expect(out).toBe(src);
    expect(doc.content!.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'paragraph', 'tableRef']);
    expect(doc.content![0].attrs!.level).toBe(2);
    const para = doc.content![1].content!;
    expect(para.filter((n) => n.type === 'figure').map((n) => n.attrs!.src)).toEqual(['{{ f.mines.total }}', '{{ f.mines.byScale.large.count | num }}']);
    expect(para.find((n) => n.text === '其中')!.marks).toEqual([{ type: 'bold' }]);
    expect(para.find((n) => n.text === '大型')!.marks).toEqual([{ type: 'italic' }]);
    expect(count(doc.content![4], 'liquidTag')).toBe(2);
  });

  it('keeps what it cannot show as print as protected source, exactly', () => {
    const odd = [
      '> quoted\n\n```\ncode {{ x }}\n```\n',
      '|a|b|\n|-|-|\n|1|2|\n',
      '##  two spaces\n',
      '   \n\n\ntext  \nwith hard break\n\n\n\n',
      '{% comment %}\n\nnot a block\n\n{% endcomment %}\nafter\n',
      '{% if f.mines.total > 0 %}\n\nsome\n\n{% endif %}',
      '***\n\n* a\n  continued\n',
      'a * b ** c __d__ _e_ \\*f\\*\n',
      '',
      '\n\n',
      '**{{ f.mines.total }}** 个*斜*',
    ];
    for (const src of odd) expect(roundTrip(src).out).toBe(src);
    expect(count(roundTrip(odd[0]).doc, 'rawBlock')).toBeGreaterThan(0);
  });

  it('writes text typed in the editor as plain source, and new blocks one blank line apart', () => {
    const doc = parseSource('第一段。\n');
    doc.content!.push({ type: 'paragraph', content: [{ type: 'text', text: '新段落，' }, { type: 'figure', attrs: { src: '{{ f.green.built }}' } }, { type: 'text', text: ' 个。' }] });
    doc.content!.push({ type: 'paragraph' }); // an empty paragraph leaves no trace
    expect(serializeDoc(doc)).toBe('第一段。\n\n新段落，{{ f.green.built }} 个。\n');
    expect(serializeInline(parseInline('a **b {{ x }}** c'))).toBe('a **b {{ x }}** c');
  });
});

describe('a line of the source in the editor', () => {
  it('finds the block that holds a line (a finding or an undo goes there)', () => {
    const src = '## 一、概况\n\n第一段第一行\n第一段第二行\n\n\n- 甲\n- 乙\n\n{{ f.mines.total }} 个矿山。\n';
    const doc = roundTrip(src).doc;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10].map((l) => blockAtLine(doc, l))).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 3]);
    expect(blockAtLine(doc, 99)).toBe(3);
  });
});
