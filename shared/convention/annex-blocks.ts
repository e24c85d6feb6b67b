/**
 * Writing generated content into a live document through the editor toolkit, touching only what changes:
 * - `fillSections` replaces the body of named sections (used once, right after a document is created from its
 *   template, to pre-fill it);
 * - `applyAnnexes` writes the annexes: for each one, the heading « Annexe N — … » is found by its number and only
 *   the first table of its section is replaced (and only when it differs); a missing annex is appended at the end.
 *   Paragraphs written by people, inside the annex sections or elsewhere, are never touched.
 * Both run inside one `collaboration.edit` (one Yjs update, committed before it is broadcast).
 */
import type * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { DEFAULT_FRAGMENT, deleteBlock, fragmentToJSON, insertBlock, listSections, parseEditorJSON, replaceBlock } from '../editor/index.js';
import { heading } from './blocks.js';
import { annexNumber, type AnnexSpec } from './annexes.js';

/** What `applyAnnexes` did, by annex heading. */
export type AnnexApplyResult = { updated: string[]; inserted: string[]; unchanged: string[] };

const canonical = (json: JSONContent) => JSON.stringify(parseEditorJSON(json).toJSON());

/**
 * Replaces the body of each section whose heading is a key of `bodies` (blocks between the heading and the next
 * heading of the same or a higher level). Sections are processed from the last to the first so that block indexes
 * computed up front stay valid.
 */
export function fillSections(doc: Y.Doc, bodies: Readonly<Record<string, readonly JSONContent[]>>, origin?: unknown): number {
  let filled = 0;
  const sections = listSections(doc).filter((s) => bodies[s.title] !== undefined);
  for (const s of [...sections].reverse()) {
    const blocks = bodies[s.title];
    const existing = s.end - s.start - 1;
    const paired = Math.min(existing, blocks.length);
    for (let k = 0; k < paired; k++) replaceBlock(doc, s.start + 1 + k, blocks[k] as JSONContent, origin);
    for (let k = existing - 1; k >= paired; k--) deleteBlock(doc, s.start + 1 + k, origin);
    for (let k = paired; k < blocks.length; k++) insertBlock(doc, s.start + 1 + k, blocks[k] as JSONContent, origin);
    filled++;
  }
  return filled;
}

/** Index of the heading of annex `number` among the top-level blocks, or -1. */
function findAnnexHeading(blocks: readonly JSONContent[], number: number): number {
  return blocks.findIndex((b) => b.type === 'heading' && annexNumber(plain(b)) === number);
}

function plain(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plain).join('');
}

/** End (exclusive) of the section that starts at heading `index`. */
function sectionEnd(blocks: readonly JSONContent[], index: number): number {
  const level = Number(blocks[index].attrs?.level ?? 1);
  let end = index + 1;
  while (end < blocks.length && !(blocks[end].type === 'heading' && Number(blocks[end].attrs?.level ?? 1) <= level)) end++;
  return end;
}

/**
 * Writes the annexes into the document, replacing only the annex tables (and headings whose title changed) that
 * differ from the generated ones; missing annexes are appended. Returns which annexes changed.
 */
export function applyAnnexes(doc: Y.Doc, annexes: readonly AnnexSpec[], origin?: unknown): AnnexApplyResult {
  const result: AnnexApplyResult = { updated: [], inserted: [], unchanged: [] };
  const fragment = doc.getXmlFragment(DEFAULT_FRAGMENT);
  for (const annex of annexes) {
    // Re-read after each annex: an insertion shifts the indexes of what follows.
    const blocks = fragmentToJSON(fragment).content ?? [];
    const at = findAnnexHeading(blocks, annex.number);
    if (at < 0) {
      insertBlock(doc, fragment.length, heading(annex.title), origin);
      insertBlock(doc, fragment.length, annex.table, origin);
      result.inserted.push(annex.title);
      continue;
    }
    let changed = false;
    if (plain(blocks[at]) !== annex.title) {
      replaceBlock(doc, at, heading(annex.title, Number(blocks[at].attrs?.level ?? 2)), origin);
      changed = true;
    }
    const end = sectionEnd(blocks, at);
    const tableAt = blocks.slice(at + 1, end).findIndex((b) => b.type === 'table');
    if (tableAt < 0) {
      insertBlock(doc, at + 1, annex.table, origin);
      changed = true;
    } else if (JSON.stringify(blocks[at + 1 + tableAt]) !== canonical(annex.table)) {
      replaceBlock(doc, at + 1 + tableAt, annex.table, origin);
      changed = true;
    }
    (changed ? result.updated : result.unchanged).push(annex.title);
  }
  return result;
}
