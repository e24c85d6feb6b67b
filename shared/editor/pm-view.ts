import * as Y from 'yjs';
import type { Mark, Node as PMNode, Schema } from '@tiptap/pm/model';
import { editorSchema } from './extensions.js';

/** Y.XmlElement → the ProseMirror node built from it (elements only; text is addressed through its Y.XmlText). */
export type ElementMapping = Map<Y.AbstractType<any>, PMNode>;

/** A ProseMirror view of a Y.XmlFragment plus the bookkeeping needed to convert positions both ways. */
export interface FragmentView {
  fragment: Y.XmlFragment;
  doc: PMNode;
  /** Y element → PM node; same shape as y-tiptap's mapping, so it can be handed to its helpers. */
  mapping: ElementMapping;
  /** PM node → Y element (reverse of `mapping`). */
  elementOf: Map<PMNode, Y.XmlElement>;
}

// y-tiptap names overlapping marks `<mark>--<8 char hash>`; strip the hash to get the mark name back.
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function marksOf(attrs: Record<string, unknown> | undefined, schema: Schema): Mark[] {
  const marks: Mark[] = [];
  for (const key in attrs ?? {}) {
    const value = attrs![key];
    if (value === null || value === undefined) continue;
    marks.push(schema.mark(HASHED_MARK.exec(key)?.[1] ?? key, value as Record<string, unknown>));
  }
  return marks;
}

function elementToNode(el: Y.XmlElement, schema: Schema, view: FragmentView): PMNode | null {
  const children: PMNode[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = elementToNode(child, schema, view);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        // Embeds are never written by y-tiptap; ignore them rather than fail the whole read.
        if (typeof op.insert === 'string' && op.insert.length > 0) {
          children.push(schema.text(op.insert, marksOf(op.attributes, schema)));
        }
      }
    }
  }
  try {
    const node = schema.node(el.nodeName, el.getAttributes(), children);
    view.mapping.set(el, node);
    view.elementOf.set(node, el);
    return node;
  } catch {
    // Unknown node or mark (e.g. written by a newer schema): skip it like y-tiptap does, but never delete it.
    return null;
  }
}

/**
 * Builds the ProseMirror document of a fragment together with the Y ↔ PM element mapping.
 *
 * Why not y-tiptap's `initProseMirrorDoc`: it *writes* to the Y.Doc while reading (it deletes elements it
 * cannot parse and merges adjacent Y.Text created by the local client). A server-side read must never emit
 * an update, so this is a side-effect-free equivalent producing the same document and mapping.
 */
export function readFragment(fragment: Y.XmlFragment, schema: Schema = editorSchema): FragmentView {
  const view: FragmentView = { fragment, doc: schema.topNodeType.create(), mapping: new Map(), elementOf: new Map() };
  const blocks: PMNode[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = elementToNode(child, schema, view);
      if (node) blocks.push(node);
    }
  }
  view.doc = schema.topNodeType.create(null, blocks);
  return view;
}

/** Leaf nodes that read as a line break in plain text (TipTap's hardBreak renders as "\n"). */
export const leafText = (node: PMNode): string => (node.type.name === 'hardBreak' ? '\n' : '');

/** Plain text of a PM range; text blocks are separated by "\n" (the convention of every text API here). */
export function textBetween(doc: PMNode, from: number, to: number): string {
  return doc.textBetween(from, to, '\n', leafText);
}

function sizeOf(child: Y.XmlElement | Y.XmlText | Y.XmlHook, mapping: ElementMapping): number {
  if (child instanceof Y.XmlText) return child.length;
  // Elements that could not be parsed are absent from the PM doc and take no room in it.
  return mapping.get(child)?.nodeSize ?? 0;
}

function offsetInParent(type: Y.AbstractType<any>, mapping: ElementMapping): number {
  const parent = type._item!.parent as Y.XmlElement | Y.XmlFragment;
  let offset = 0;
  for (const sibling of parent.toArray()) {
    if (sibling === type) return offset;
    offset += sizeOf(sibling, mapping);
  }
  return offset;
}

/**
 * PM position of a Yjs location (character `index` of a Y.XmlText, or child `index` of an element/fragment).
 * Returns null when the location is not inside `fragment` or one of its containers was deleted — which is
 * how a block recreated by a node-type change shows up.
 */
export function yLocationToPosition(view: FragmentView, type: Y.AbstractType<any>, index: number): number | null {
  let pos: number;
  if (type instanceof Y.XmlText) {
    pos = index;
  } else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    pos = 0;
    for (const child of type.toArray().slice(0, index)) pos += sizeOf(child, view.mapping);
    if (type !== view.fragment) pos += 1; // position just inside the element's opening token
    if (type instanceof Y.XmlElement && !view.mapping.has(type)) return null;
  } else {
    return null;
  }
  let current: Y.AbstractType<any> = type;
  while (current !== view.fragment) {
    const item = current._item;
    if (item === null || item.deleted) return null;
    pos += offsetInParent(current, view.mapping);
    const parent = item.parent as Y.AbstractType<any>;
    if (parent !== view.fragment) {
      if (!(parent instanceof Y.XmlElement) || !view.mapping.has(parent)) return null;
      pos += 1; // opening token of the parent element
    }
    current = parent;
  }
  return pos;
}

/**
 * Yjs location of a PM position inside a text block. `side` picks the character the location should stick to:
 * 'start' wants a character on its right (so text typed just before stays outside a range),
 * 'end' wants one on its left (so text typed just after stays outside).
 */
export function positionToYLocation(
  view: FragmentView,
  pos: number,
  side: 'start' | 'end',
): { type: Y.XmlText | Y.XmlElement; index: number } {
  const $pos = view.doc.resolve(pos);
  const element = view.elementOf.get($pos.parent);
  if (!$pos.parent.isTextblock || !element) {
    throw new RangeError(`Position ${pos} is not inside a text block`);
  }
  let offset = $pos.parentOffset;
  const children = element.toArray();
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    // Before child i with no suitable character in a Y.XmlText: address the gap between children instead.
    if (offset === 0 && (side === 'end' || !(child instanceof Y.XmlText))) return { type: element, index: i };
    if (child instanceof Y.XmlText) {
      const length = child.length;
      if (side === 'start' ? offset < length : offset <= length) return { type: child, index: offset };
      offset -= length;
    } else {
      offset -= sizeOf(child, view.mapping);
    }
  }
  return { type: element, index: children.length };
}

/** Creates a relative position at a PM position; see {@link positionToYLocation} for `side`. */
export function positionToRelative(view: FragmentView, pos: number, side: 'start' | 'end'): Y.RelativePosition {
  const { type, index } = positionToYLocation(view, pos, side);
  return Y.createRelativePositionFromTypeIndex(type, index, side === 'start' ? 0 : -1);
}
