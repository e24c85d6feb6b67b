/**
 * Helpers for comment tests against the real server: the HTTP API with a Bearer token, and edits made the way
 * y-tiptap makes them on a stock client's replica (text inserted in a block's Y.XmlText, a block replaced by a new
 * element when its type changes).
 */
import * as Y from 'yjs';
import { DEFAULT_FRAGMENT, applyJSONMinimal, createAnchorFromQuote, fragmentToText, type Anchor } from '../../../shared/editor/index.js';
import type { Harness } from '../collab/harness.js';

export type Api = (method: string, path: string, token: string, body?: unknown) => Promise<{ status: number; json: any }>;

/** Calls `/api` on the harness with a Bearer token. */
export function apiOf(h: Harness): Api {
  return async (method, path, token, body) => {
    const res = await fetch(`${h.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
}

/** The plain text of a replica (blocks separated by line breaks). */
export const textOf = (doc: Y.Doc) => fragmentToText(doc.getXmlFragment(DEFAULT_FRAGMENT));

/** The Y.XmlText of the top-level block `index`. */
export function blockText(doc: Y.Doc, index: number): Y.XmlText {
  const element = doc.getXmlFragment(DEFAULT_FRAGMENT).get(index) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

/** Inserts `text` before the first occurrence of `before` in block `index`. */
export function insertBefore(doc: Y.Doc, index: number, before: string, text: string): void {
  const yText = blockText(doc, index);
  const at = yText.toString().indexOf(before);
  if (at < 0) throw new Error(`"${before}" not in block ${index}`);
  yText.insert(at, text);
}

/** Replaces the first occurrence of `from` by `to` in block `index`. */
export function replaceIn(doc: Y.Doc, index: number, from: string, to: string): void {
  const yText = blockText(doc, index);
  const at = yText.toString().indexOf(from);
  if (at < 0) throw new Error(`"${from}" not in block ${index}`);
  doc.transact(() => {
    yText.delete(at, from.length);
    yText.insert(at, to);
  });
}

/** Turns block `index` into a heading the way y-tiptap does: a new element replaces the old one. */
export function toHeading(doc: Y.Doc, index: number, level: number): void {
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  const text = (fragment.get(index) as Y.XmlElement).toArray().map((c) => (c as Y.XmlText).toString()).join('');
  doc.transact(() => {
    fragment.delete(index, 1);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', level as unknown as string);
    const yText = new Y.XmlText();
    yText.insert(0, text);
    heading.insert(0, [yText]);
    fragment.insert(index, [heading]);
  });
}

/** Creates a `note` in the demo project and writes `content` in it on the server; returns its id. */
export async function createNote(h: Harness, api: Api, vpToken: string, content: unknown, title = 'Convention jeunesse'): Promise<{ projectId: string; documentId: string }> {
  const projectId = (await api('GET', '/projects', vpToken)).json[0].id as string;
  const created = await api('POST', `/projects/${projectId}/documents`, vpToken, { kind: 'note', title });
  if (created.status !== 201) throw new Error(`create note: ${created.status}`);
  await h.collab.edit(created.json.id, (d) => void applyJSONMinimal(d, content as never));
  return { projectId, documentId: created.json.id as string };
}

/** An anchor on the first occurrence of `quote` in the server's replica. */
export function serverAnchor(h: Harness, documentId: string, quote: string): Promise<Anchor> {
  return h.collab.read(documentId, (d) => {
    const anchor = createAnchorFromQuote(d, quote);
    if (!anchor) throw new Error(`quote not found: ${quote}`);
    return anchor;
  });
}
