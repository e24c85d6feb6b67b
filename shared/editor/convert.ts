import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { DEFAULT_FRAGMENT } from './constants.js';
import { editorSchema } from './extensions.js';
import { readFragment, textBetween } from './pm-view.js';

/**
 * ProseMirror JSON of a fragment, in the canonical form `Node.toJSON()` produces (every attribute present,
 * defaults filled in), so it can be compared with `editorSchema.nodeFromJSON(x).toJSON()`. Never writes to the doc.
 */
export function fragmentToJSON(fragment: Y.XmlFragment): JSONContent {
  return readFragment(fragment).doc.toJSON() as JSONContent;
}

/** Plain text of a fragment: text blocks separated by "\n" (hard breaks read as "\n" too). */
export function fragmentToText(fragment: Y.XmlFragment): string {
  const { doc } = readFragment(fragment);
  return textBetween(doc, 0, doc.content.size);
}

/**
 * Parses ProseMirror JSON against the editor schema and checks its content model, so that invalid content is
 * refused with an error here instead of being silently dropped by every editor that later opens the document.
 */
export function parseEditorJSON(json: JSONContent): PMNode {
  const node = editorSchema.nodeFromJSON(json);
  node.check();
  return node;
}

/**
 * A Yjs update that creates `json` in the `default` fragment of a fresh Y.Doc — for seeding a NEW document only
 * (applied to a document that already has content it would add a second copy, since Yjs merges, not replaces).
 */
export function jsonToUpdate(json: JSONContent): Uint8Array {
  const node = parseEditorJSON(json);
  if (node.type !== editorSchema.topNodeType) throw new TypeError(`Expected a "doc" node, got "${node.type.name}"`);
  const doc = new Y.Doc();
  doc.transact(() => prosemirrorToYXmlFragment(node, doc.getXmlFragment(DEFAULT_FRAGMENT)));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Builds a detached Y.XmlElement for a ProseMirror node exactly as y-tiptap would write it (attributes, marks as
 * formatting attributes, overlapping-mark hashes): y-tiptap converts it inside a scratch doc and we clone the
 * result, which is then ready to be inserted into any fragment.
 */
export function nodeToYElement(node: PMNode): Y.XmlElement {
  const scratch = new Y.Doc();
  const fragment = scratch.getXmlFragment('scratch');
  prosemirrorToYXmlFragment(editorSchema.topNodeType.create(null, node), fragment);
  const element = (fragment.get(0) as Y.XmlElement).clone();
  scratch.destroy();
  return element;
}
