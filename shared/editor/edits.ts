import * as Y from 'yjs';
import { anchorInView, resolveInView, type Anchor } from './anchors.js';
import { DEFAULT_FRAGMENT } from './constants.js';
import { readFragment, type FragmentView } from './pm-view.js';

export { applyJSONMinimal, deleteBlock, insertBlock, replaceBlock, type MinimalApplyResult } from './blocks.js';

/** Options of {@link replaceRange}. */
export interface ReplaceRangeOptions {
  /** Transaction origin (lets the room tell server edits apart, e.g. for audit or undo tracking). */
  origin?: unknown;
  /** Refuse (reason 'changed') unless the anchored text is exactly this — amendments answer 409 on it. */
  expectedText?: string;
}

/** Result of {@link replaceRange}; `anchor` covers the inserted text (null when it is empty). */
export type ReplaceRangeResult =
  | { ok: true; from: number; to: number; anchor: Anchor | null }
  | { ok: false; reason: 'orphaned' | 'changed'; currentText: string | null };

type Attributes = Record<string, unknown>;
type InlinePart = { insert: string; attributes: Attributes } | { element: Y.XmlElement };

/** The part of a text block covered by the range, as offsets in its inline content. */
interface Segment {
  element: Y.XmlElement;
  start: number;
  end: number;
  size: number;
}

function segmentsOf(view: FragmentView, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  view.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const contentStart = pos + 1;
    const size = node.content.size;
    const start = Math.max(from, contentStart) - contentStart;
    const end = Math.min(to, contentStart + size) - contentStart;
    segments.push({ element: view.elementOf.get(node)!, start, end, size });
    return false;
  });
  return segments;
}

function inlineSize(view: FragmentView, child: Y.XmlElement | Y.XmlText | Y.XmlHook): number {
  return child instanceof Y.XmlText ? child.length : (view.mapping.get(child)?.nodeSize ?? 0);
}

/** Formatting attributes (= marks) of the first replaced character. */
function firstAttributes(view: FragmentView, segments: Segment[]): Attributes {
  const segment = segments.find((s) => s.start < s.end);
  if (!segment) return {};
  let pos = 0;
  for (const child of segment.element.toArray()) {
    const size = inlineSize(view, child);
    if (segment.start < pos + size) {
      if (!(child instanceof Y.XmlText)) return {};
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Attributes }>) {
        pos += typeof op.insert === 'string' ? op.insert.length : 1;
        if (segment.start < pos) return { ...(op.attributes ?? {}) };
      }
    }
    pos += size;
  }
  return {};
}

/** Deletes inline content [start, end) of a text block, back to front so earlier offsets stay valid. */
function deleteInline(view: FragmentView, element: Y.XmlElement, start: number, end: number): void {
  const operations: Array<() => void> = [];
  let pos = 0;
  element.toArray().forEach((child, index) => {
    const size = inlineSize(view, child);
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + size);
    if (a < b) {
      const offset = pos;
      operations.push(child instanceof Y.XmlText ? () => child.delete(a - offset, b - a) : () => element.delete(index, 1));
    }
    pos += size;
  });
  operations.reverse().forEach((operation) => operation());
}

/** Inserts text at an inline offset, into the Y.XmlText there or a new one (next to a hard break, empty block). */
function insertInline(view: FragmentView, element: Y.XmlElement, offset: number, text: string, attributes: Attributes): void {
  if (text.length === 0) return;
  const children = element.toArray();
  let pos = 0;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    const size = inlineSize(view, child);
    if (child instanceof Y.XmlText && offset <= pos + size) {
      // Explicit attributes: the text gets exactly these marks, not those of its left neighbour.
      child.insert(offset - pos, text, { ...attributes });
      return;
    }
    if (!(child instanceof Y.XmlText) && offset <= pos) return insertNewText(element, index, text, attributes);
    pos += size;
  }
  insertNewText(element, children.length, text, attributes);
}

function insertNewText(element: Y.XmlElement, index: number, text: string, attributes: Attributes): void {
  const yText = new Y.XmlText();
  element.insert(index, [yText]);
  yText.insert(0, text, { ...attributes });
}

/** Copies the inline content of a text block from `offset` on (formatting kept, hard breaks cloned). */
function inlineTail(view: FragmentView, element: Y.XmlElement, offset: number): InlinePart[] {
  const parts: InlinePart[] = [];
  let pos = 0;
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Attributes }>) {
        const value = typeof op.insert === 'string' ? op.insert : '';
        const skip = Math.max(0, offset - pos);
        if (skip < value.length) parts.push({ insert: value.slice(skip), attributes: op.attributes ?? {} });
        pos += typeof op.insert === 'string' ? value.length : 1;
      }
    } else {
      if (pos >= offset && child instanceof Y.XmlElement) parts.push({ element: child.clone() });
      pos += inlineSize(view, child);
    }
  }
  return parts;
}

function appendInline(element: Y.XmlElement, parts: InlinePart[]): void {
  for (const part of parts) {
    if ('element' in part) {
      element.push([part.element]);
      continue;
    }
    const last = element.length > 0 ? element.get(element.length - 1) : null;
    if (last instanceof Y.XmlText) last.insert(last.length, part.insert, { ...part.attributes });
    else insertNewText(element, element.length, part.insert, part.attributes);
  }
}

/** True when the text blocks are consecutive children of one parent (two halves of a split paragraph, …). */
function areSiblings(segments: Segment[]): boolean {
  const parent = segments[0].element.parent as Y.XmlElement | Y.XmlFragment | null;
  if (!parent || segments.some((s) => s.element.parent !== parent)) return false;
  const children = parent.toArray();
  const first = children.indexOf(segments[0].element);
  return segments.every((s, i) => children[first + i] === s.element);
}

/**
 * Replaces the anchored text with `newText`, in one `doc.transact` (one Yjs update), touching only that text.
 * The new text takes the marks of the first replaced character. A range spanning sibling text blocks (e.g. a
 * paragraph split inside it) is joined like an editor would: the first block receives the new text and the
 * tail of the last one. `newText` is inline text: line breaks are refused (insert blocks for new paragraphs).
 */
export function replaceRange(doc: Y.Doc, anchor: Anchor, newText: string, options: ReplaceRangeOptions = {}): ReplaceRangeResult {
  if (newText.includes('\n')) throw new RangeError('replaceRange: newText must not contain line breaks');
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  const view = readFragment(fragment);
  const resolved = resolveInView(view, anchor);
  if (resolved.status === 'orphaned') return { ok: false, reason: 'orphaned', currentText: null };
  if (options.expectedText !== undefined && resolved.text !== options.expectedText) {
    return { ok: false, reason: 'changed', currentText: resolved.text };
  }
  const { from, to } = resolved;
  const segments = segmentsOf(view, from, to);
  const attributes = firstAttributes(view, segments);
  const [first, ...rest] = segments;
  doc.transact(() => {
    if (rest.length > 0 && areSiblings(segments)) {
      const tail = inlineTail(view, rest[rest.length - 1].element, rest[rest.length - 1].end);
      const parent = first.element.parent as Y.XmlElement | Y.XmlFragment;
      parent.delete(parent.toArray().indexOf(rest[0].element), rest.length);
      deleteInline(view, first.element, first.start, first.size);
      insertInline(view, first.element, first.start, newText, attributes);
      appendInline(first.element, tail);
    } else {
      // Blocks in different containers (list items, cells) cannot be merged: empty the covered parts instead.
      for (const segment of [...rest].reverse()) deleteInline(view, segment.element, segment.start, segment.end);
      deleteInline(view, first.element, first.start, first.end);
      insertInline(view, first.element, first.start, newText, attributes);
    }
  }, options.origin);
  const end = from + newText.length;
  return { ok: true, from, to: end, anchor: newText.length > 0 ? anchorInView(readFragment(fragment), from, end) : null };
}
