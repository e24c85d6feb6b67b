/**
 * Readable difference between two versions of a document (ProseMirror JSON), at paragraph then word level.
 * Pure: used by the server's `/diff` route and testable without Yjs or a DOM.
 *
 * 1. Both documents are flattened into text blocks (paragraphs, headings, list items' paragraphs, table cells…).
 * 2. Blocks are matched by LCS on (type, text): matched blocks are `same`.
 * 3. Between two matches, removed and added blocks are paired in order as `changed` when they share enough words,
 *    and get a word-level diff; otherwise they stay `removed` / `added`.
 */
import { lcsPairs } from './lcs.js';

/** A ProseMirror JSON node, loosely typed (this module reads only type, text, attrs.level and content). */
export type DiffNode = { type?: string; text?: string; attrs?: Record<string, unknown> | null; content?: DiffNode[] };

export type WordOp = { op: '=' | '+' | '-'; text: string };

export type DiffBlock =
  | { status: 'same'; type: string; before: string; after: string }
  | { status: 'removed'; type: string; before: string }
  | { status: 'added'; type: string; after: string }
  | { status: 'changed'; type: string; before: string; after: string; words: WordOp[] };

export type DocumentDiff = { blocks: DiffBlock[]; stats: { same: number; added: number; removed: number; changed: number } };

/** A text block of the flattened document: `heading2`, `paragraph`, `codeBlock`… and its plain text. */
export type TextBlock = { type: string; text: string };

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);
/** Leaf blocks without text that still deserve a line in the diff. */
const LEAF_LABELS: Record<string, string> = { horizontalRule: '———' };

/** Flattens a document into its text blocks, in reading order. */
export function textBlocks(doc: DiffNode): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (node: DiffNode) => {
    const type = node.type ?? 'unknown';
    if (TEXTBLOCKS.has(type)) {
      const level = type === 'heading' && typeof node.attrs?.level === 'number' ? node.attrs.level : '';
      out.push({ type: `${type}${level}`, text: inlineText(node) });
      return;
    }
    if (LEAF_LABELS[type] !== undefined) {
      out.push({ type, text: LEAF_LABELS[type] });
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return out;
}

function inlineText(node: DiffNode): string {
  let text = '';
  for (const child of node.content ?? []) {
    if (child.type === 'text') text += child.text ?? '';
    else if (child.type === 'hardBreak') text += '\n';
    else text += inlineText(child);
  }
  return text;
}

/**
 * Splits text into words (letters and digits, joined by an apostrophe or a hyphen: « l’élu·e », « porte-parole »),
 * single punctuation marks and runs of spaces (non-breaking spaces included, as French typography uses them).
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}·]+(?:[’'\-][\p{L}\p{N}\p{M}·]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

const isSpace = (s: string) => /^\s+$/u.test(s);

/**
 * Word-level diff of two strings. Inside a run of changes, deletions come first then insertions, and a space
 * alone between two changes joins them (« -ancien texte +nouveau contenu » rather than word-by-word alternation).
 */
export function diffWords(before: string, after: string): WordOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const pairs = lcsPairs(a, b);
  const raw: WordOp[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    while (i < pi) raw.push({ op: '-', text: a[i++] });
    while (j < pj) raw.push({ op: '+', text: b[j++] });
    if (pi < a.length) raw.push({ op: '=', text: a[pi] });
    i = pi + 1;
    j = pj + 1;
  }
  // Absorb a lone space between two changes into them.
  const ops = raw.map((o, k) => {
    if (o.op !== '=' || !isSpace(o.text)) return [o];
    const prev = raw[k - 1];
    const next = raw[k + 1];
    return prev && next && prev.op !== '=' && next.op !== '=' ? [{ op: '-' as const, text: o.text }, { op: '+' as const, text: o.text }] : [o];
  }).flat();
  // Regroup: each run of changes becomes one deletion then one insertion; equal runs are merged.
  const out: WordOp[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: '-', text: del });
    if (ins) out.push({ op: '+', text: ins });
    del = ins = '';
  };
  for (const o of ops) {
    if (o.op === '-') del += o.text;
    else if (o.op === '+') ins += o.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === '=') last.text += o.text;
      else out.push({ op: '=', text: o.text });
    }
  }
  flush();
  return out;
}

/** Share of words (not spaces or punctuation) the two texts have in common, from 0 to 1 (Dice coefficient). */
export function similarity(before: string, after: string): number {
  const words = (s: string) => tokenize(s).filter((t) => /[\p{L}\p{N}]/u.test(t)).map((t) => t.toLowerCase());
  const a = words(before);
  const b = words(after);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const common = lcsPairs(a, b, 1_000_000).length;
  return (2 * common) / (a.length + b.length);
}

/** Below this similarity, a removed and an added block are shown as such rather than as one changed block. */
export const CHANGED_THRESHOLD = 0.4;

/** The readable diff from `before` (a version) to `after` (usually the current document). */
export function diffDocuments(before: DiffNode, after: DiffNode): DocumentDiff {
  const a = textBlocks(before);
  const b = textBlocks(after);
  const key = (blk: TextBlock) => `${blk.type}\u0000${blk.text}`;
  const pairs = lcsPairs(a.map(key), b.map(key));
  const blocks: DiffBlock[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    const removed = a.slice(i, pi);
    const added = b.slice(j, pj);
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const r = removed[k];
      const s = added[k];
      if (r && s && similarity(r.text, s.text) >= CHANGED_THRESHOLD) {
        blocks.push({ status: 'changed', type: s.type, before: r.text, after: s.text, words: diffWords(r.text, s.text) });
        continue;
      }
      if (r) blocks.push({ status: 'removed', type: r.type, before: r.text });
      if (s) blocks.push({ status: 'added', type: s.type, after: s.text });
    }
    if (pi < a.length) blocks.push({ status: 'same', type: a[pi].type, before: a[pi].text, after: b[pj].text });
    i = pi + 1;
    j = pj + 1;
  }
  const stats = { same: 0, added: 0, removed: 0, changed: 0 };
  for (const blk of blocks) stats[blk.status]++;
  return { blocks, stats };
}
