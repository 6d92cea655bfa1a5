// Heading numbers as the printed document gives them (第一节, 一、, 1.1 …), drawn beside the editor's
// headings as decoration. They come from the document model (numbering belongs to the IR builder) and
// are never part of the chapter's text.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const headingNumbersKey = new PluginKey('headingNumbers');

export const HeadingNumbers = Extension.create<Record<string, never>, { numbers: string[] }>({
  name: 'headingNumbers',
  addStorage: () => ({ numbers: [] }),
  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin({
        key: headingNumbersKey,
        props: {
          decorations(state) {
            const decos: Decoration[] = [];
            let i = 0;
            state.doc.forEach((node, offset) => {
              if (node.type.name !== 'heading') return;
              const n = storage.numbers[i++];
              if (!n) return;
              decos.push(Decoration.widget(offset + 1, () => {
                const s = document.createElement('span');
                s.className = 'heading-number';
                s.contentEditable = 'false';
                s.textContent = n;
                return s;
              }, { side: -1, key: `h${i}-${n}`, ignoreSelection: true }));
            });
            return DecorationSet.create(state.doc, decos);
          },
        },
      }),
    ];
  },
});
