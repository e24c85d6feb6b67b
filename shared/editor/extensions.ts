import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';

/**
 * The TipTap extension list shared by the browser editor and the server toolkit.
 *
 * Server-safe: no Collaboration/CollaborationCaret (the client appends them, bound to its Y.Doc and provider),
 * no view-only plugins that need a DOM at schema time. Both sides MUST build their schema from this list,
 * otherwise a node or mark written by one side is silently dropped by the other.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo manager; the ProseMirror history would fight with it.
      undoRedo: false,
      // Clicking a link in an editable deliberation text should place the caret, not navigate away.
      link: { openOnClick: false, autolink: true },
    }),
    // Column resizing adds a view plugin and writes `colwidth` on drag; fixed layouts keep exports predictable.
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

/**
 * The ProseMirror schema of every real-time document, built once from {@link editorExtensions}.
 * `getSchema` only reads extension specs (no editor, no view), so this works in plain Node.
 */
export const editorSchema: Schema = getSchema(editorExtensions());
