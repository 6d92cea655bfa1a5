// Chapter Markdown → IR blocks. Headings ## … ###### are levels 2-6 inside a chapter; a paragraph
// that is exactly "::table KEY" places a table there; a pipe table (GFM) is a table of its own text.
// Inline emphasis becomes run formatting.
import { marked, Tokenizer, type Token, type Tokens } from 'marked';
import type { Run } from './ir.ts';

export type ParsedBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'directive'; name: string; arg: string; line: number }
  | { kind: 'table'; header: string[]; rows: string[][]; align: ('left' | 'center' | 'right' | null)[] };

function inlineRuns(tokens: Token[] | undefined, style: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const out: Run[] = [];
  for (const tok of tokens ?? []) {
    switch (tok.type) {
      case 'strong':
        out.push(...inlineRuns((tok as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...inlineRuns((tok as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case 'br':
        out.push({ text: '\n', ...style });
        break;
      case 'text':
      case 'escape':
      case 'codespan': {
        const t = tok as Tokens.Text;
        if (t.tokens && t.tokens.length) out.push(...inlineRuns(t.tokens, style));
        else out.push({ text: decodeEntities(t.text), ...style });
        break;
      }
      default:
        out.push({ text: decodeEntities((tok as { raw: string }).raw), ...style });
    }
  }
  // merge neighbours with the same style
  const merged: Run[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
    else merged.push({ ...r });
  }
  return merged;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const DIRECTIVE = /^::([a-z-]+)\s+([A-Za-z0-9_-]+)\s*$/;

/**
 * marked's tokenizer, asking its block rules only where they can match. V8 compiles a regular
 * expression when it first runs; marked's rules for block quotes, HTML blocks, link definitions,
 * pipe tables and underlined headings are each hundreds of characters, and compiling them cost a
 * fresh export about 25 ms although a chapter rarely holds any of them. Each test below is a
 * necessary condition of its rule (the rule's own anchored start), so every token is as marked
 * makes it; where the test passes, marked's rule decides.
 */
class ChapterTokenizer extends Tokenizer {
  override blockquote(src: string) {
    return /^ {0,3}>/.test(src) ? super.blockquote(src) : undefined;
  }

  override html(src: string) {
    return /^ {0,3}</.test(src) ? super.html(src) : undefined;
  }

  override def(src: string) {
    return /^ {0,3}\[/.test(src) ? super.def(src) : undefined;
  }

  override table(src: string) {
    // a header line, then a delimiter row
    return /^ *[^\n ].*\n {0,3}(?:\| *)?:?-/.test(src) ? super.table(src) : undefined;
  }

  override lheading(src: string) {
    // the underline (=== or ---) ends the heading's text, which never crosses a blank line
    const blank = src.search(/\n\s*?\n/);
    const head = blank < 0 ? src : src.slice(0, blank + 1);
    return /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/.test(head) ? super.lheading(src) : undefined;
  }
}

/** marked's tokens of a chapter (GFM), the same as marked.lexer(md, { gfm: true }) gives. */
export function chapterTokens(md: string): Token[] {
  return marked.lexer(md, { gfm: true, tokenizer: new ChapterTokenizer() });
}

export function parseChapterMarkdown(md: string): ParsedBlock[] {
  const tokens = chapterTokens(md);
  const blocks: ParsedBlock[] = [];
  let line = 1;
  for (const tok of tokens) {
    const startLine = line;
    line += (tok.raw.match(/\n/g) ?? []).length;
    if (tok.type === 'heading') {
      const h = tok as Tokens.Heading;
      blocks.push({ kind: 'heading', level: Math.max(2, h.depth), text: inlineRuns(h.tokens).map((r) => r.text).join('').trim() });
    } else if (tok.type === 'paragraph') {
      const p = tok as Tokens.Paragraph;
      const m = DIRECTIVE.exec(p.text.trim());
      if (m) {
        blocks.push({ kind: 'directive', name: m[1], arg: m[2], line: startLine });
        continue;
      }
      // A paragraph's soft line breaks join Chinese text without spaces.
      const runs = inlineRuns(p.tokens).map((r) => ({ ...r, text: r.text.replace(/\n(?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff\uff00-\uffef])\n/g, '').replace(/\n/g, ' ') }));
      blocks.push({ kind: 'paragraph', runs });
    } else if (tok.type === 'list') {
      for (const item of (tok as Tokens.List).items) {
        blocks.push({ kind: 'paragraph', runs: inlineRuns(item.tokens.flatMap((t) => (t as Tokens.Text).tokens ?? [t])) });
      }
    } else if (tok.type === 'table') {
      const tb = tok as Tokens.Table;
      const text = (cell: Tokens.TableCell) => inlineRuns(cell.tokens).map((r) => r.text).join('').trim();
      blocks.push({ kind: 'table', header: tb.header.map(text), rows: tb.rows.map((r) => r.map(text)), align: tb.align });
    } else if (tok.type === 'space' || tok.type === 'hr') {
      continue;
    } else {
      blocks.push({ kind: 'paragraph', runs: [{ text: decodeEntities(tok.raw.trim()) }] });
    }
  }
  return blocks;
}
