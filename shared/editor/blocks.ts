import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import { DEFAULT_FRAGMENT } from './constants.js';
import { nodeToYElement, parseEditorJSON } from './convert.js';
import { readFragment, type FragmentView } from './pm-view.js';

/** Counts of what {@link applyJSONMinimal} did, e.g. for an audit summary. */
export interface MinimalApplyResult {
  unchanged: number;
  updated: number;
  inserted: number;
  deleted: number;
}

function parseBlock(json: JSONContent): PMNode {
  const node = parseEditorJSON(json);
  if (!node.isBlock || node.type.name === 'doc') throw new TypeError(`"${node.type.name}" is not a top-level block`);
  return node;
}

function checkIndex(fragment: Y.XmlFragment, index: number, allowEnd: boolean): void {
  const max = allowEnd ? fragment.length : fragment.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > max) {
    throw new RangeError(`Block index ${index} out of range (0–${max})`);
  }
}

/**
 * Makes the block at `index` equal to `node`. Same node type: updated in place through y-tiptap's own diff
 * (`updateYFragment`, what the editor binding runs), so unchanged text keeps its Yjs items and anchors.
 * Different type: Yjs cannot rename an element, so it is replaced (anchors inside re-anchor by quote).
 * Must run inside a transaction.
 */
function setBlock(doc: Y.Doc, view: FragmentView, index: number, node: PMNode): void {
  const current = view.fragment.get(index);
  if (current instanceof Y.XmlElement && current.nodeName === node.type.name) {
    // A copy: updateYFragment rewrites the mapping it is given (and adds Y.XmlText entries, which ours lacks —
    // it treats those as "not mapped yet" and compares content instead).
    updateYFragment(doc, current, node, { mapping: new Map(view.mapping), isOMark: new Map() });
    return;
  }
  view.fragment.delete(index, 1);
  view.fragment.insert(index, [nodeToYElement(node)]);
}

/** Inserts a top-level block (ProseMirror JSON) before block `index` (`index` = length appends). */
export function insertBlock(doc: Y.Doc, index: number, json: JSONContent, origin?: unknown): void {
  const node = parseBlock(json);
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  checkIndex(fragment, index, true);
  doc.transact(() => fragment.insert(index, [nodeToYElement(node)]), origin);
}

/**
 * Replaces the top-level block at `index` with `json`; every other top-level Y.XmlElement is left untouched
 * (same object, no update for it).
 */
export function replaceBlock(doc: Y.Doc, index: number, json: JSONContent, origin?: unknown): void {
  const node = parseBlock(json);
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  checkIndex(fragment, index, false);
  doc.transact(() => setBlock(doc, readFragment(fragment), index, node), origin);
}

/** Deletes the top-level block at `index`. */
export function deleteBlock(doc: Y.Doc, index: number, origin?: unknown): void {
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  checkIndex(fragment, index, false);
  doc.transact(() => fragment.delete(index, 1), origin);
}

/**
 * Longest common subsequence of two string lists, as pairs of matching indexes in increasing order.
 * The common head and tail are matched first so the quadratic table only covers the edited middle.
 */
function lcsPairs(a: string[], b: string[]): Array<[number, number]> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const rows = a.length - head - tail;
  const cols = b.length - head - tail;
  const width = cols + 1;
  const table = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i * width + j] =
        a[head + i] === b[head + j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  for (let i = 0, j = 0; i < rows && j < cols; ) {
    if (a[head + i] === b[head + j]) pairs.push([head + i++, head + j++]);
    else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/**
 * Transforms the `default` fragment into `targetJSON` (a ProseMirror doc) with the smallest top-level change:
 * blocks equal in both (LCS on their canonical JSON) are not touched — same Y.XmlElement, no update — and each
 * run of differing blocks is patched pairwise (in place when the node type matches, see `replaceBlock`), with the
 * surplus inserted or deleted. One transaction, hence one Yjs update. Used to restore versions.
 */
export function applyJSONMinimal(doc: Y.Doc, targetJSON: JSONContent, origin?: unknown): MinimalApplyResult {
  const target = parseEditorJSON(targetJSON);
  if (target.type.name !== 'doc') throw new TypeError(`Expected a "doc" node, got "${target.type.name}"`);
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  const view = readFragment(fragment);
  // Unparseable Y children get a key that matches nothing, so they are replaced by the target content.
  const currentKeys = fragment.toArray().map((child, i) => {
    const node = view.mapping.get(child);
    return node ? JSON.stringify(node.toJSON()) : `\u0000unreadable-${i}`;
  });
  const targetNodes: PMNode[] = [];
  target.forEach((child) => targetNodes.push(child));
  const targetKeys = targetNodes.map((node) => JSON.stringify(node.toJSON()));

  // Gaps between matched pairs, each [yStart, yEnd) → [tStart, tEnd); a sentinel closes the last gap.
  const pairs = lcsPairs(currentKeys, targetKeys);
  pairs.push([currentKeys.length, targetKeys.length]);
  const gaps: Array<{ y: number; yEnd: number; t: number; tEnd: number }> = [];
  let y = 0;
  let t = 0;
  for (const [yi, ti] of pairs) {
    if (yi > y || ti > t) gaps.push({ y, yEnd: yi, t, tEnd: ti });
    [y, t] = [yi + 1, ti + 1];
  }

  const result: MinimalApplyResult = { unchanged: pairs.length - 1, updated: 0, inserted: 0, deleted: 0 };
  doc.transact(() => {
    // Back to front, so that the indexes of the gaps not yet patched stay valid.
    for (const gap of gaps.reverse()) {
      const paired = Math.min(gap.yEnd - gap.y, gap.tEnd - gap.t);
      for (let k = 0; k < paired; k++) setBlock(doc, view, gap.y + k, targetNodes[gap.t + k]);
      const surplus = gap.yEnd - gap.y - paired;
      if (surplus > 0) fragment.delete(gap.y + paired, surplus);
      const missing = targetNodes.slice(gap.t + paired, gap.tEnd);
      if (missing.length > 0) fragment.insert(gap.y + paired, missing.map(nodeToYElement));
      result.updated += paired;
      result.deleted += surplus;
      result.inserted += missing.length;
    }
  }, origin);
  return result;
}
