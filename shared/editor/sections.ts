import * as Y from 'yjs';
import { DEFAULT_FRAGMENT } from './constants.js';
import { decodeRelativePosition, encodeRelativePosition } from './encoding.js';

/**
 * A section (contracts.md): a top-level heading and the blocks up to the next heading of the same or a higher
 * level (a lower or equal `level` number). Block indexes are indexes in the `default` fragment's top-level
 * children — the same indexes `insertBlock`/`replaceBlock`/`deleteBlock` take.
 */
export interface Section {
  /** Stable id: the base64url-encoded relative position at the heading (same value as `relativePosition`). */
  id: string;
  level: number;
  /** Plain text of the heading. */
  title: string;
  /** Index of the heading block. */
  start: number;
  /** Index just after the last block of the section (exclusive). */
  end: number;
  /** Base64url-encoded Y.RelativePosition pointing at the heading element. */
  relativePosition: string;
}

function headingLevel(child: Y.XmlElement | Y.XmlText | Y.XmlHook): number | null {
  if (!(child instanceof Y.XmlElement) || child.nodeName !== 'heading') return null;
  const level = Number(child.getAttribute('level') ?? 1);
  return Number.isFinite(level) ? level : 1;
}

function headingTitle(element: Y.XmlElement): string {
  // Heading content is inline only; read the deltas (XmlText.toString() would include formatting tags).
  let title = '';
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) {
      title += ' '; // a hard break inside a title reads as a space
      continue;
    }
    for (const op of child.toDelta() as Array<{ insert: unknown }>) {
      if (typeof op.insert === 'string') title += op.insert;
    }
  }
  return title;
}

function sectionAt(fragment: Y.XmlFragment, blocks: Array<Y.XmlElement | Y.XmlText | Y.XmlHook>, index: number): Section {
  const element = blocks[index] as Y.XmlElement;
  const level = headingLevel(element)!;
  let end = index + 1;
  while (end < blocks.length) {
    const next = headingLevel(blocks[end]);
    if (next !== null && next <= level) break;
    end++;
  }
  // assoc 0 on the heading's item: the position follows the heading element itself, not its index.
  const id = encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, index, 0));
  return { id, level, title: headingTitle(element), start: index, end, relativePosition: id };
}

/** Lists the sections of the `default` fragment in document order (headings nested in lists or tables don't count). */
export function listSections(doc: Y.Doc): Section[] {
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  const blocks = fragment.toArray();
  const sections: Section[] = [];
  blocks.forEach((block, index) => {
    if (headingLevel(block) !== null) sections.push(sectionAt(fragment, blocks, index));
  });
  return sections;
}

/**
 * Finds a section by id in the current state. Null when the id is malformed or the heading no longer exists
 * (deleted, or recreated — e.g. turned into a paragraph and back, which gives it a new identity).
 */
export function resolveSection(doc: Y.Doc, sectionId: string): Section | null {
  const rel = decodeRelativePosition(sectionId);
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  if (!rel || rel.item === null) return null;
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  if (!abs || abs.type !== fragment) return null;
  const blocks = fragment.toArray();
  const element = blocks[abs.index];
  // A deleted heading resolves to the index of the next block: check that we landed on the heading itself.
  const item = element?._item;
  if (!item || item.id.client !== rel.item.client || item.id.clock !== rel.item.clock) return null;
  return headingLevel(element) === null ? null : sectionAt(fragment, blocks, abs.index);
}
