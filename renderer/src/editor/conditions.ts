// Conditional text in the rich editor: a paragraph's {% if %} … {% else %} … {% endif %} shown as it
// will print. The branch the plan's data selects is plain text (its tags hidden); every other branch
// is folded behind one small chip that unfolds it, muted, for editing. Only decorations: the document
// (and so the stored source) is never changed by this.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface Branch {
  /** the tag chip that opens the branch ({% if %}, {% elsif %}, {% else %}) */
  tagFrom: number;
  tagSrc: string;
  kind: 'if' | 'elsif' | 'else' | 'unless';
  from: number;
  to: number;
}

export interface CondGroup {
  branches: Branch[];
  /** the {% endif %} chip */
  endFrom: number;
  /** index of the branch that prints; -1: none; null: not known (a condition not checked yet) */
  active: number | null;
}

const WORD = /^\{%-?\s*(\w+)/;

function activeBranch(branches: Branch[], holds: ReadonlyMap<string, boolean>): number | null {
  for (const [i, b] of branches.entries()) {
    if (b.kind === 'else') return i;
    const h = holds.get(b.tagSrc);
    if (h === undefined) return null;
    if (b.kind === 'unless' ? !h : h) return i;
  }
  return -1;
}

/** Every closed if/unless group inside the document's text blocks, with the branch that prints. */
export function conditionGroups(doc: PmNode, holds: ReadonlyMap<string, boolean>): CondGroup[] {
  const out: CondGroup[] = [];
  doc.descendants((block, pos) => {
    if (!block.isTextblock) return true;
    const stack: Branch[][] = [];
    block.forEach((child, offset) => {
      if (child.type.name !== 'liquidTag') return;
      const at = pos + 1 + offset;
      const end = at + child.nodeSize;
      const src = String(child.attrs.src);
      const word = WORD.exec(src)?.[1] ?? '';
      if (word === 'if' || word === 'unless') {
        stack.push([{ tagFrom: at, tagSrc: src, kind: word, from: end, to: end }]);
      } else if ((word === 'elsif' || word === 'else') && stack.length) {
        const branches = stack[stack.length - 1];
        branches[branches.length - 1].to = at;
        branches.push({ tagFrom: at, tagSrc: src, kind: word, from: end, to: end });
      } else if ((word === 'endif' || word === 'endunless') && stack.length) {
        const branches = stack.pop()!;
        branches[branches.length - 1].to = at;
        out.push({ branches, endFrom: at, active: activeBranch(branches, holds) });
      }
    });
    return false;
  });
  return out;
}

export interface CondSpec {
  /** hide this tag chip: the branch it opens prints, or it closes a group */
  condHidden?: boolean;
  /** this tag chip folds/unfolds the text of a branch that does not print */
  condToggle?: { open: boolean; kind: Branch['kind']; src: string };
}

export function conditionDecorations(doc: PmNode, holds: ReadonlyMap<string, boolean>, open: ReadonlySet<number>): DecorationSet {
  const decos: Decoration[] = [];
  const tag = (from: number, spec: CondSpec, cls: string) => decos.push(Decoration.node(from, from + 1, { class: cls }, spec));
  for (const g of conditionGroups(doc, holds)) {
    if (g.active === null) continue;
    for (const [i, b] of g.branches.entries()) {
      if (i === g.active || b.from === b.to) {
        tag(b.tagFrom, { condHidden: true }, 'cond-tag-hidden');
        continue;
      }
      const isOpen = open.has(b.tagFrom);
      tag(b.tagFrom, { condToggle: { open: isOpen, kind: b.kind, src: b.tagSrc } }, 'cond-toggle-host');
      decos.push(Decoration.inline(b.from, b.to, { class: isOpen ? 'cond-off cond-open' : 'cond-off' }));
    }
    tag(g.endFrom, { condHidden: true }, 'cond-tag-hidden');
  }
  return DecorationSet.create(doc, decos);
}

interface CondState { open: Set<number>; decos: DecorationSet }

export const conditionKey = new PluginKey<CondState>('conditions');

/** Folds or unfolds the branch a tag chip opens. */
export function toggleBranch(tr: Transaction, tagFrom: number): Transaction {
  return tr.setMeta(conditionKey, { toggle: tagFrom });
}

/**
 * The editor extension. `holds` gives the conditions' values as last checked; `subscribe` tells when
 * they change (the decorations are worked out again then).
 */
export function conditionalText(holds: () => ReadonlyMap<string, boolean>, subscribe: (l: () => void) => () => void) {
  return Extension.create({
    name: 'conditionalText',
    addProseMirrorPlugins() {
      return [
        new Plugin<CondState>({
          key: conditionKey,
          state: {
            init: (_, state: EditorState) => ({ open: new Set(), decos: conditionDecorations(state.doc, holds(), new Set()) }),
            apply(tr, prev, _old, state) {
              const meta = tr.getMeta(conditionKey) as { toggle?: number; refresh?: boolean } | undefined;
              if (!tr.docChanged && !meta) return prev;
              const open = new Set([...prev.open].map((p) => tr.mapping.map(p)));
              if (meta?.toggle !== undefined) {
                if (open.has(meta.toggle)) open.delete(meta.toggle);
                else open.add(meta.toggle);
              }
              return { open, decos: conditionDecorations(state.doc, holds(), open) };
            },
          },
          props: { decorations: (state) => conditionKey.getState(state)?.decos },
          view: (view) => {
            let seen = holds();
            const off = subscribe(() => {
              if (holds() === seen) return;
              seen = holds();
              // not inside another dispatch (the store is also told while a change is being applied)
              queueMicrotask(() => {
                if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(conditionKey, { refresh: true }));
              });
            });
            return { destroy: off };
          },
        }),
      ];
    },
  });
}
