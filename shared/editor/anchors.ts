import * as Y from 'yjs';
import { DEFAULT_FRAGMENT } from './constants.js';
import { decodeRelativePosition, encodeRelativePosition } from './encoding.js';
import { positionToRelative, readFragment, textBetween, yLocationToPosition, type FragmentView } from './pm-view.js';
import { contextScore, findQuote, flatRange, flattenText, type QuoteMatch } from './quote.js';

/** Characters of context kept on each side of a quote, to pick the right occurrence when re-anchoring. */
const CONTEXT_LENGTH = 32;

/**
 * A reference to a range of text that follows concurrent edits (contracts.md: "pairs of relative positions plus
 * the quoted text"). `start` sticks to the first quoted character and `end` to the last one, so text typed just
 * before or just after the range stays outside while text typed inside makes it grow.
 * `prefix`/`suffix` (flat text, no block separators) only serve to disambiguate when re-anchoring by quote.
 */
export interface Anchor {
  start: string;
  end: string;
  quote: string;
  prefix?: string;
  suffix?: string;
}

/**
 * Result of {@link resolveAnchor}. `changed` compares the current text with the quote. `anchor` is present when
 * the stored relative positions were unusable and the range was found again by its quote: persist it.
 */
export type ResolvedAnchor =
  | { status: 'ok'; from: number; to: number; text: string; changed: boolean; anchor?: Anchor }
  | { status: 'orphaned'; quote: string };

/** Creates an anchor on a view (internal form of {@link createAnchor}). */
export function anchorInView(view: FragmentView, from: number, to: number): Anchor {
  if (!(from < to) || from < 0 || to > view.doc.content.size) {
    throw new RangeError(`Invalid anchor range ${from}–${to}`);
  }
  const flat = flattenText(view.doc);
  const { start, end } = flatRange(flat, from, to);
  return {
    start: encodeRelativePosition(positionToRelative(view, from, 'start')),
    end: encodeRelativePosition(positionToRelative(view, to, 'end')),
    quote: textBetween(view.doc, from, to),
    prefix: flat.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: flat.text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * Anchors the text between two ProseMirror positions of the document built from the `default` fragment
 * (the positions an editor or {@link resolveAnchor} uses). Both positions must lie inside text blocks.
 */
export function createAnchor(doc: Y.Doc, from: number, to: number): Anchor {
  return anchorInView(readFragment(doc.getXmlFragment(DEFAULT_FRAGMENT)), from, to);
}

/**
 * Anchors the `occurrence`-th (0-based) occurrence of `quote`. Block and line breaks are ignored when matching,
 * so a quote may span blocks ("Objet\nLe service") — and "ab" also matches "a" ending a block before "b".
 * Returns null when there is no such occurrence.
 */
export function createAnchorFromQuote(doc: Y.Doc, quote: string, occurrence = 0): Anchor | null {
  const view = readFragment(doc.getXmlFragment(DEFAULT_FRAGMENT));
  const match = findQuote(flattenText(view.doc), quote)[occurrence];
  return match ? anchorInView(view, match.from, match.to) : null;
}

type Health = 'alive' | 'textDeleted' | 'lost';

interface Endpoint {
  pos: number | null;
  health: Health;
}

/**
 * 'alive': the character the position sticks to still exists; 'textDeleted': it was deleted but its text block
 * survives (the position is where it was); 'lost': its block was deleted or recreated (e.g. a paragraph turned
 * into a heading — y-tiptap replaces the element), so the position says nothing any more.
 */
function resolveEndpoint(view: FragmentView, encoded: string): Endpoint {
  const rel = decodeRelativePosition(encoded);
  const doc = view.fragment.doc;
  if (!rel || !doc) return { pos: null, health: 'lost' };
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  if (!abs) return { pos: null, health: 'lost' };
  const pos = yLocationToPosition(view, abs.type, abs.index);
  if (pos === null) return { pos: null, health: 'lost' };
  if (rel.item !== null && isDeleted(doc, rel.item)) return { pos, health: 'textDeleted' };
  return { pos, health: 'alive' };
}

function isDeleted(doc: Y.Doc, id: Y.ID): boolean {
  try {
    return Y.getItem(doc.store, id).deleted;
  } catch {
    return true; // unknown to this replica: treat like a deleted character
  }
}

function ok(view: FragmentView, anchor: Anchor, from: number, to: number, relocated: boolean): ResolvedAnchor {
  const text = textBetween(view.doc, from, to);
  const result: ResolvedAnchor = { status: 'ok', from, to, text, changed: text !== anchor.quote };
  if (relocated) result.anchor = { ...anchorInView(view, from, to), quote: anchor.quote };
  return result;
}

/** Picks the occurrence of the quote that the damaged anchor most plausibly designates, if any. */
function relocate(view: FragmentView, anchor: Anchor, start: Endpoint, end: Endpoint): QuoteMatch | null {
  // Both characters deleted inside surviving blocks means the text itself was deleted: do not jump elsewhere.
  if (start.health === 'textDeleted' && end.health === 'textDeleted') return null;
  const flat = flattenText(view.doc);
  let matches = findQuote(flat, anchor.quote);
  // A surviving endpoint pins the match (e.g. Enter pressed inside the range: the start is intact).
  if (start.health === 'alive') matches = matches.filter((m) => m.from === start.pos);
  if (end.health === 'alive') matches = matches.filter((m) => m.to === end.pos);
  const hint = start.pos ?? end.pos;
  let best: QuoteMatch | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const match of matches) {
    const score = contextScore(flat, match, anchor.prefix, anchor.suffix);
    const distance = hint === null ? 0 : Math.abs(match.from - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      [best, bestScore, bestDistance] = [match, score, distance];
    }
  }
  return best;
}

/** Resolves an anchor on a view (internal form of {@link resolveAnchor}). */
export function resolveInView(view: FragmentView, anchor: Anchor): ResolvedAnchor {
  const start = resolveEndpoint(view, anchor.start);
  const end = resolveEndpoint(view, anchor.end);
  if (start.health === 'alive' && end.health === 'alive') {
    return start.pos! < end.pos! ? ok(view, anchor, start.pos!, end.pos!, false) : { status: 'orphaned', quote: anchor.quote };
  }
  const match = relocate(view, anchor, start, end);
  if (match) return ok(view, anchor, match.from, match.to, true);
  // Part of the quoted text was edited away but some of the range remains: still the same range.
  if (start.pos !== null && end.pos !== null && start.pos < end.pos) return ok(view, anchor, start.pos, end.pos, false);
  return { status: 'orphaned', quote: anchor.quote };
}

/**
 * Finds an anchored range in the current document.
 * - Relative positions first (they follow concurrent inserts, marks, splits of unrelated blocks).
 * - When the blocks they pointed into were recreated (node type change) or the last quoted character moved to a
 *   new block (Enter inside the range), the range is found again by its quote — pinned to the surviving endpoint
 *   if there is one, else chosen by prefix/suffix context — and a fresh `anchor` is returned.
 * - Orphaned when the range collapsed (its text was deleted) and the quote cannot be found again.
 */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  return resolveInView(readFragment(doc.getXmlFragment(DEFAULT_FRAGMENT)), anchor);
}

/** Resolves many anchors against one read of the document (e.g. all comments of a document). */
export function resolveAnchors(doc: Y.Doc, anchors: Anchor[]): ResolvedAnchor[] {
  const view = readFragment(doc.getXmlFragment(DEFAULT_FRAGMENT));
  return anchors.map((anchor) => resolveInView(view, anchor));
}
