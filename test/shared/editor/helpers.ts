import * as Y from 'yjs';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { DEFAULT_FRAGMENT } from '../../../shared/editor/constants.js';
import { jsonToUpdate } from '../../../shared/editor/convert.js';
import { editorSchema } from '../../../shared/editor/extensions.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import type { JSONContent } from '@tiptap/core';

/** A fresh Y.Doc seeded with `json` (the fixture by default), the way the server seeds new documents. */
export function seededDoc(json: JSONContent = EDITOR_FIXTURE, options: { gc?: boolean } = {}): Y.Doc {
  const doc = new Y.Doc(options);
  Y.applyUpdate(doc, jsonToUpdate(json));
  return doc;
}

/** Exchanges the missing updates both ways, like two providers syncing. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A second replica of `doc`, as another browser would hold it. */
export function replica(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

/**
 * Runs an editor command the way a TipTap editor bound with Collaboration does, without a DOM:
 * the ProseMirror state is built from the fragment (`initProseMirrorDoc`, as ySyncPlugin does), the command
 * builds a transaction, and the new document is written back with y-tiptap's `updateYFragment` — exactly what
 * the binding's `_prosemirrorChanged` runs after each local transaction.
 */
export function editorEdit(doc: Y.Doc, command: (tr: Transaction, state: EditorState) => void): void {
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, editorSchema);
  const state = EditorState.create({ schema: editorSchema, doc: pmDoc });
  const tr = state.tr;
  command(tr, state);
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta), 'editor');
}

/** PM position of the `occurrence`-th occurrence of `text` inside a single text node. */
export function positionOf(doc: Y.Doc, text: string, occurrence = 0): number {
  const { doc: pmDoc } = initProseMirrorDoc(doc.getXmlFragment(DEFAULT_FRAGMENT), editorSchema);
  let found = -1;
  let seen = 0;
  pmDoc.descendants((node, pos) => {
    if (found !== -1 || !node.isText) return found === -1;
    let index = node.text!.indexOf(text);
    while (index !== -1) {
      if (seen++ === occurrence) {
        found = pos + index;
        return false;
      }
      index = node.text!.indexOf(text, index + 1);
    }
    return false;
  });
  if (found === -1) throw new Error(`"${text}" not found`);
  return found;
}

/** Places a text selection (for commands that act on the selection, like splitBlock). */
export function select(tr: Transaction, from: number, to = from): Transaction {
  return tr.setSelection(TextSelection.create(tr.doc, from, to));
}

export const fragmentOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(DEFAULT_FRAGMENT);
