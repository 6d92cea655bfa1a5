// The rich chapter editor's schema (TipTap): paragraphs, headings, lists, bold/italic, and the chapter's
// own pieces — a figure chip per binding ({{ … }}), a code chip per template tag ({% … %}), a table
// placed from the data (::table KEY) and a protected block of raw source. No DOM here: node views
// (React) are handed in by the editor, so the same schema is tested in Node.
import { Extension, Node, mergeAttributes, nodeInputRule, type AnyExtension, type NodeViewRenderer } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export interface NodeViews {
  figure?: NodeViewRenderer;
  liquidTag?: NodeViewRenderer;
  tableRef?: NodeViewRenderer;
}

const srcAttr = {
  src: {
    default: '',
    parseHTML: (el: HTMLElement) => el.getAttribute('data-src') ?? '',
    renderHTML: (attrs: { src?: string }) => ({ 'data-src': attrs.src }),
  },
};

export const Figure = Node.create({
  name: 'figure',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => srcAttr,
  parseHTML: () => [{ tag: 'span[data-figure]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { 'data-figure': '' }), String(HTMLAttributes['data-src'] ?? '')],
  renderText: ({ node }) => String(node.attrs.src),
  // typing a whole {{ … }} makes it a chip at once, checked like any other
  addInputRules() {
    return [nodeInputRule({ find: /\{\{[^{}]*\}\}$/, type: this.type, getAttributes: (m) => ({ src: m[0] }) })];
  },
});

export const LiquidTag = Node.create({
  name: 'liquidTag',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => srcAttr,
  parseHTML: () => [{ tag: 'span[data-liquid-tag]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { 'data-liquid-tag': '' }), String(HTMLAttributes['data-src'] ?? '')],
  renderText: ({ node }) => String(node.attrs.src),
  addInputRules() {
    return [nodeInputRule({ find: /\{%[^{}%]*%\}$/, type: this.type, getAttributes: (m) => ({ src: m[0] }) })];
  },
});

/** A new line inside a paragraph: printed as nothing between Chinese characters, else as a space. */
export const SoftBreak = Node.create({
  name: 'softBreak',
  group: 'inline',
  inline: true,
  selectable: false,
  parseHTML: () => [{ tag: 'span[data-soft-break]' }],
  renderHTML: () => ['span', { 'data-soft-break': '', class: 'soft-break', contenteditable: 'false' }, '↵'],
  renderText: () => '\n',
  addKeyboardShortcuts() {
    return { 'Shift-Enter': () => this.editor.commands.insertContent({ type: this.name }) };
  },
});

export const TableRef = Node.create({
  name: 'tableRef',
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes: () => srcAttr,
  parseHTML: () => [{ tag: 'div[data-table-ref]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-table-ref': '' }), String(HTMLAttributes['data-src'] ?? '')],
});

/** Source this editor cannot show as print without changing a character: kept, editable, as code. */
export const RawBlock = Node.create({
  name: 'rawBlock',
  group: 'block',
  content: 'text*',
  marks: '',
  code: true,
  defining: true,
  parseHTML: () => [{ tag: 'pre[data-raw]', preserveWhitespace: 'full' }],
  renderHTML: ({ HTMLAttributes }) => ['pre', mergeAttributes(HTMLAttributes, { 'data-raw': '', class: 'raw-block' }), ['code', 0]],
});

/** The exact source around blocks and the marker of each list item, so nothing is re-spelt. */
export const SourceLayout = Extension.create({
  name: 'sourceLayout',
  addGlobalAttributes() {
    return [
      {
        types: ['heading', 'paragraph', 'bulletList', 'orderedList', 'tableRef', 'rawBlock'],
        attributes: { lead: { default: null, keepOnSplit: false, rendered: false } },
      },
      { types: ['listItem'], attributes: { marker: { default: null, keepOnSplit: true, rendered: false } } },
      { types: ['doc'], attributes: { trail: { default: '\n', rendered: false } } },
    ];
  },
});

export function chapterExtensions(views: NodeViews = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      blockquote: false, code: false, codeBlock: false, hardBreak: false, horizontalRule: false, strike: false,
      link: false, underline: false, trailingNode: false, heading: { levels: [1, 2, 3, 4, 5, 6] },
      // undo is the studio's one history (every saved chapter edit is a step in it), not the editor's own
      undoRedo: false,
    }),
    views.figure ? Figure.extend({ addNodeView: () => views.figure! }) : Figure,
    views.liquidTag ? LiquidTag.extend({ addNodeView: () => views.liquidTag! }) : LiquidTag,
    views.tableRef ? TableRef.extend({ addNodeView: () => views.tableRef! }) : TableRef,
    SoftBreak,
    RawBlock,
    SourceLayout,
  ];
}
