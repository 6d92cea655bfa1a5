// Chapter Markdown is read with marked's tokenizer asking its larger block rules only where they can
// match (document/markdown.ts): the tokens must be exactly marked's own, for the templates' chapters
// and for text holding each construct those rules read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { chapterTokens } from '../../main/document/markdown.ts';

const templates = path.resolve(__dirname, '../../templates');
const chapterFiles = fs.readdirSync(templates).flatMap((t) => ['zh', 'en'].flatMap((lang) => {
  const dir = path.join(templates, t, lang);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f)) : [];
}));

const constructs = [
  '> 引用一段\n> 第二行\n\n正文。',
  '正文\n> 不是引用的开头\n\n下一段',
  '<div>块</div>\n\n正文 <b>行内</b>。',
  '  <!-- 注释 -->\n正文',
  '[ref]: https://example.org "标题"\n\n见[ref]。',
  '| 列 | 值 |\n| --- | ---: |\n| a | 1 |\n\n正文',
  '表 1 说明\n|:-|-|\n|x|y|',
  '一 | 二\n--- | ---\n甲 | 乙',
  '标题一\n===\n\n标题二\n---\n\n正文',
  '第一行\n第二行\n  ---  \n\n正文',
  '正文\n\n---\n\n分隔之后',
  '段落\n\u3000\n---',
  '- 列表一\n- 列表二\n\n1. 编号\n2. 编号',
  '## 标题\n\n::table mines\n\n**粗体**与*斜体*，`代码`。',
  '    缩进代码\n\n```\n围栏\n```',
  '文字\n=\n',
  '',
];

describe('chapter Markdown tokens', () => {
  it('are marked’s own, for every template chapter and each block construct', () => {
    expect(chapterFiles.length).toBeGreaterThan(10);
    const texts = [...chapterFiles.map((f) => fs.readFileSync(f, 'utf8')), ...constructs];
    for (const md of texts) expect(chapterTokens(md), md.slice(0, 40)).toEqual(marked.lexer(md, { gfm: true }));
    // the constructs are read as what they are (the guards let each rule run)
    const types = constructs.flatMap((md) => chapterTokens(md).map((t) => t.type));
    for (const type of ['blockquote', 'html', 'def', 'table', 'heading', 'hr', 'list', 'code']) expect(types).toContain(type);
  });
});
