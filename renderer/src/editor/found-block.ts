// The block a finding, an undo or a redo took the writer to, marked (data-found) until the next
// change of the text or the next visit: a decoration, so the chapter's text is untouched.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const foundBlockKey = new PluginKey<number | null>('foundBlock');

export const FoundBlock = Extension.create({
  name: 'foundBlock',
  addProseMirrorPlugins() {
    return [
      new Plugin<number | null>({
        key: foundBlockKey,
        state: {
          init: () => null,
          // a new place replaces the old; any change of the text clears it
          apply: (tr, old) => {
            const meta = tr.getMeta(foundBlockKey) as number | null | undefined;
            if (meta !== undefined) return meta;
            return tr.docChanged ? null : old;
          },
        },
        props: {
          decorations(state) {
            const pos = foundBlockKey.getState(state);
            if (pos == null) return null;
            const node = state.doc.nodeAt(pos);
            if (!node) return null;
            return DecorationSet.create(state.doc, [Decoration.node(pos, pos + node.nodeSize, { 'data-found': 'true', class: 'found' })]);
          },
        },
      }),
    ];
  },
});
