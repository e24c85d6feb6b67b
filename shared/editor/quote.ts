import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * The document's characters without any block structure, each with its PM position.
 * Block boundaries and hard breaks are left out so that a quote still matches after someone pressed Enter
 * inside it (or joined two paragraphs): "lorem ipsum" matches "lorem \nipsum".
 */
export interface FlatText {
  text: string;
  /** positions[i] = PM position just before character i of `text`. */
  positions: number[];
}

/** Builds the {@link FlatText} of a document. */
export function flattenText(doc: PMNode): FlatText {
  let text = '';
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const value = node.text ?? '';
    text += value;
    for (let i = 0; i < value.length; i++) positions.push(pos + i);
    return false;
  });
  return { text, positions };
}

/** The quote as it appears in a {@link FlatText}: without block separators. */
export const flattenQuote = (quote: string): string => quote.replace(/\n/g, '');

/** One place where a quote occurs: PM range plus its character range in the flat text. */
export interface QuoteMatch {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** Every (possibly overlapping) occurrence of `quote` in the flat text, in document order. */
export function findQuote(flat: FlatText, quote: string): QuoteMatch[] {
  const needle = flattenQuote(quote);
  if (needle.length === 0) return [];
  const matches: QuoteMatch[] = [];
  for (let i = flat.text.indexOf(needle); i !== -1; i = flat.text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    matches.push({ from: flat.positions[i], to: flat.positions[end - 1] + 1, start: i, end });
  }
  return matches;
}

/** Character range of a PM range in the flat text (first character at or after `from`, up to `to`). */
export function flatRange(flat: FlatText, from: number, to: number): { start: number; end: number } {
  let start = 0;
  while (start < flat.positions.length && flat.positions[start] < from) start++;
  let end = start;
  while (end < flat.positions.length && flat.positions[end] < to) end++;
  return { start, end };
}

/** How many characters of context agree: common suffix of the prefixes plus common prefix of the suffixes. */
export function contextScore(flat: FlatText, match: QuoteMatch, prefix = '', suffix = ''): number {
  let score = 0;
  const before = flat.text.slice(Math.max(0, match.start - prefix.length), match.start);
  for (let i = 1; i <= Math.min(before.length, prefix.length); i++) {
    if (before[before.length - i] !== prefix[prefix.length - i]) break;
    score++;
  }
  const after = flat.text.slice(match.end, match.end + suffix.length);
  for (let i = 0; i < Math.min(after.length, suffix.length); i++) {
    if (after[i] !== suffix[i]) break;
    score++;
  }
  return score;
}
