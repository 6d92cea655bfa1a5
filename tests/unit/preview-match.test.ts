// A chapter finding (or an undo) takes the writer to a line: the preview shows the block that line
// became. The source block is matched to the rendered block by its literal text in order, tables by
// their key; here over every chapter of the sample in both languages, and on made-up cases.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { parseSource, type JsonNode } from '../../renderer/src/editor/source-doc.ts';
import { blockTarget, matchPreviewBlock, type PreviewBlock } from '../../renderer/src/editor/preview-match.ts';
import type { Block } from '../../main/document/ir.ts';
import { samplePlan, tmpDir } from './helpers.ts';

function previewBlocks(body: Block[], chapter: number): PreviewBlock[] {
  const starts = body.map((b, i) => (b.kind === 'heading' && b.level === 1 ? i : -1)).filter((i) => i >= 0);
  return body.slice(starts[chapter] ?? 0, starts[chapter + 1] ?? body.length).map((b) => {
    if (b.kind === 'heading') return { text: `${b.number}${b.text}` };
    if (b.kind === 'paragraph') return { text: b.runs.map((r) => r.text).join('') };
    if (b.kind === 'table') return { text: b.rows.flat().map((c) => c.text).join(' '), tableKey: b.key };
    return { text: '' };
  });
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the preview block of a source line', () => {
  it('finds, for every block of every sample chapter, the rendered block holding its text', async () => {
    const dir = tmpDir('gmp-match-');
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });
    service.openFile((await samplePlan()).file);
    let texts = 0;
    for (const lang of ['zh', 'en'] as const) {
      const doc = service.preview(lang);
      service.chapters(lang).forEach((ch, ci) => {
        const blocks = previewBlocks(doc.body as Block[], ci);
        const source = parseSource(ch.body).content ?? [];
        source.forEach((node: JsonNode, i) => {
          const target = blockTarget(node);
          const expected = Math.round((i * (blocks.length - 1)) / Math.max(1, source.length - 1));
          const at = matchPreviewBlock(target, blocks, expected);
          if (target.tableKey) {
            if (!blocks.some((b) => b.tableKey === target.tableKey)) return;
            expect(blocks[at].tableKey, `${lang} ${ch.key} block ${i}`).toBe(target.tableKey);
            return;
          }
          // the block's longest literal run, where the rendering shows it (a condition may leave it out)
          const longest = target.segments.map(squeeze).sort((a, b) => b.length - a.length)[0];
          if (!longest || longest.length < 6 || !blocks.some((b) => !b.tableKey && squeeze(b.text).includes(longest))) return;
          expect(squeeze(blocks[at].text), `${lang} ${ch.key} block ${i}`).toContain(longest);
          texts++;
        });
      });
    }
    expect(texts).toBeGreaterThan(60);
    service.close();
  });

  it('reads past figures and prefers the block nearest the line\'s place when two say the same', () => {
    const src = '本规划共有 {{ f.mines.total }} 座矿山，其中生产矿山 {{ f.mines.producing }} 座。';
    const target = blockTarget(parseSource(src).content?.[0]);
    expect(target.segments).toEqual(['本规划共有 ', ' 座矿山，其中生产矿山 ', ' 座。']);
    const blocks: PreviewBlock[] = [
      { text: '第一章　总则' }, { text: '本规划共有 12 座矿山，其中生产矿山 9 座。' }, { text: '其他' },
      { text: '矿山一览', tableKey: 'mines' }, { text: '本规划共有 12 座矿山，其中生产矿山 9 座。' },
    ];
    expect(matchPreviewBlock(target, blocks, 1)).toBe(1);
    expect(matchPreviewBlock(target, blocks, 4)).toBe(4);
    // nothing recognisable: the block at the same place
    expect(matchPreviewBlock({ segments: ['完全不同的一句话'] }, blocks, 2)).toBe(2);
    expect(matchPreviewBlock({ segments: [], tableKey: 'mines' }, blocks, 0)).toBe(3);
    expect(matchPreviewBlock({ segments: [] }, [], 0)).toBe(-1);
  });
});
