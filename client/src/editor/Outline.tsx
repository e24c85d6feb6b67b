import type { ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { em } from './messages';

/** A heading of the editor's top level, with its ProseMirror position (for navigation) and its block index. */
export type OutlineItem = { pos: number; level: number; title: string; index: number };

/** The top-level headings of the editor, in order (same rule as the shared `listSections`). */
export function outlineOf(editor: Editor): OutlineItem[] {
  const items: OutlineItem[] = [];
  editor.state.doc.forEach((node, offset, index) => {
    if (node.type.name === 'heading') items.push({ pos: offset, level: Number(node.attrs.level ?? 1), title: node.textContent, index });
  });
  return items;
}

/**
 * The document outline: a navigation list of the sections; choosing one moves the caret there and scrolls to it.
 * `badge` adds something after a section's link (the comments feature shows its open threads).
 */
export function Outline({ editor, badge }: { editor: Editor; badge?: (item: OutlineItem) => ReactNode }) {
  const items = useEditorState({ editor, selector: ({ editor: e }) => outlineOf(e), equalityFn: sameOutline });
  const go = (pos: number) => {
    editor.chain().focus().setTextSelection(pos + 1).run();
    const dom = editor.view.nodeDOM(pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  return (
    <nav aria-label={em.outline} className="doc-outline">
      <h2 className="doc-side-title">{em.outline}</h2>
      {items.length === 0 ? (
        <p className="muted">{em.outlineEmpty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.pos}`} className={`doc-outline-l${item.level}`}>
              <button type="button" className="doc-outline-link" onClick={() => go(item.pos)}>
                {item.title.trim() || em.untitled}
              </button>
              {badge?.(item)}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

function sameOutline(a: OutlineItem[] | null, b: OutlineItem[] | null): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((x, i) => x.pos === b[i]!.pos && x.level === b[i]!.level && x.title === b[i]!.title);
}
