/**
 * The real editing trace (../shared/data/editing-trace.json.gz; CC BY 4.0, Martin Kleppmann and Alastair R.
 * Beresford, from automerge-perf) and the Yjs documents built from it. The text lives in the first paragraph of the
 * `default` XmlFragment, where TipTap keeps a document's text, so a server that validates the schema accepts it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as Y from 'yjs';
import { ROOT } from './servers.js';

/** `[index, deleteCount, char?]` applied in order to a plain string. */
export type Edit = [number, number, string?];
/** The decompressed trace file (its `source` and `note` fields are not used). */
export type Trace = { edits: Edit[]; finalText: string };

let cached: Trace | null = null;

/** Loads (once) the trace from `../shared/data/editing-trace.json.gz` relative to the repository root. */
export function loadTrace(): Trace {
  cached ??= JSON.parse(gunzipSync(readFileSync(join(ROOT, '../shared/data/editing-trace.json.gz'))).toString()) as Trace;
  return cached;
}

/** Applies the first `n` edits of `edits` to a plain string (the expected text after a partial replay). */
export function textAfter(edits: Edit[], n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const [at, del, ch] = edits[i];
    s = s.slice(0, at) + (ch ?? '') + s.slice(at + del);
  }
  return s;
}

/** The paragraph text of a trace document (created on first use by `ensureTraceText`). */
export function traceText(doc: Y.Doc): Y.XmlText | null {
  const first = doc.getXmlFragment('default').get(0);
  return first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText ? (first.get(0) as Y.XmlText) : null;
}

/** Creates the paragraph holding the trace text (one transaction). */
export function ensureTraceText(doc: Y.Doc): Y.XmlText {
  const existing = traceText(doc);
  if (existing) return existing;
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText()]);
  doc.getXmlFragment('default').insert(0, [p]);
  return p.get(0) as Y.XmlText;
}

/** Plain text of an XmlText (its `toString()` would render marks as tags). */
export function plainText(t: Y.XmlText): string {
  return t
    .toDelta()
    .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('');
}

/** Applies one trace edit as one transaction. */
export function applyEdit(doc: Y.Doc, text: Y.XmlText, e: Edit): void {
  doc.transact(() => {
    if (e[1]) text.delete(e[0], e[1]);
    if (e[2] !== undefined) text.insert(e[0], e[2]);
  });
}

/** The first `n` updates of the trace as separate Yjs updates (update 0 creates the paragraph). */
export function traceUpdates(n: number): Uint8Array[] {
  const { edits } = loadTrace();
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const text = ensureTraceText(doc);
  for (let i = 0; out.length < n && i < edits.length; i++) applyEdit(doc, text, edits[i]);
  doc.destroy();
  return out;
}

/**
 * Encoded documents of three sizes for the memory scenario: small (a short note), ~160 kB (a prefix of the trace
 * replayed with its history: the whole trace encodes to ~310 kB here) and ~1.6 MB (that plus paragraphs of the final
 * text).
 */
export function sizedDocuments(): { small: Uint8Array; medium: Uint8Array; large: Uint8Array } {
  const { edits, finalText } = loadTrace();
  const small = new Y.Doc();
  ensureTraceText(small).insert(0, finalText.slice(0, 600));
  const doc = new Y.Doc();
  const text = ensureTraceText(doc);
  let medium = Y.encodeStateAsUpdate(doc);
  for (let i = 0; i < edits.length && medium.byteLength < 160_000; i += 5000) {
    doc.transact(() => {
      for (const e of edits.slice(i, i + 5000)) {
        if (e[1]) text.delete(e[0], e[1]);
        if (e[2] !== undefined) text.insert(e[0], e[2]);
      }
    });
    medium = Y.encodeStateAsUpdate(doc);
  }
  let large = medium;
  while (large.byteLength < 1_600_000) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(finalText)]);
    doc.getXmlFragment('default').push([p]);
    large = Y.encodeStateAsUpdate(doc);
  }
  return { small: Y.encodeStateAsUpdate(small), medium, large };
}
