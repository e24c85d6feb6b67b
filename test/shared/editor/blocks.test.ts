import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import {
  applyJSONMinimal,
  createAnchorFromQuote,
  deleteBlock,
  editorSchema,
  fragmentToJSON,
  insertBlock,
  replaceBlock,
  resolveAnchor,
} from '../../../shared/editor/index.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import { fragmentOf, positionOf, seededDoc } from './helpers.js';

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const canonical = (json: JSONContent) => editorSchema.nodeFromJSON(json).toJSON();

/** Indexes (in `after`) of the top-level elements that are not the very same objects as in `before`. */
function changedIdentities(before: unknown[], after: unknown[]): number[] {
  return after.flatMap((block, i) => (before.includes(block) ? [] : [i]));
}

describe('block edits', () => {
  it('insertBlock adds one element and leaves the others untouched', () => {
    const doc = seededDoc();
    const before = fragmentOf(doc).toArray();
    let updates = 0;
    doc.on('update', () => updates++);
    insertBlock(doc, 2, paragraph('Préambule ajouté'), 'server');
    const after = fragmentOf(doc).toArray();
    expect(updates).toBe(1);
    expect(changedIdentities(before, after)).toEqual([2]);
    expect(after.filter((_, i) => i !== 2)).toEqual(before);
    expect(fragmentToJSON(fragmentOf(doc)).content![2]).toEqual(paragraph('Préambule ajouté'));
  });

  it('replaceBlock of the same type updates the element in place (only that block changes)', () => {
    const doc = seededDoc();
    const before = fragmentOf(doc).toArray();
    const anchor = createAnchorFromQuote(doc, 'Le service')!;
    const pos = positionOf(doc, 'Le service');
    replaceBlock(doc, 3, paragraph('Le service commun est décrit en annexe.'));
    expect(changedIdentities(before, fragmentOf(doc).toArray())).toEqual([]);
    expect(fragmentToJSON(fragmentOf(doc)).content![3]).toEqual(paragraph('Le service commun est décrit en annexe.'));
    // In place means the untouched text keeps its Yjs items: the anchor resolves without re-anchoring.
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'ok', from: pos, to: pos + 10, text: 'Le service', changed: false });
  });

  it('replaceBlock of another type replaces only that element', () => {
    const doc = seededDoc();
    const before = fragmentOf(doc).toArray();
    replaceBlock(doc, 9, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Signatures' }] });
    expect(changedIdentities(before, fragmentOf(doc).toArray())).toEqual([9]);
    expect(fragmentOf(doc).toArray().slice(0, 9)).toEqual(before.slice(0, 9));
    expect(fragmentToJSON(fragmentOf(doc)).content![9]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Signatures' }],
    });
  });

  it('deleteBlock removes one element', () => {
    const doc = seededDoc();
    const before = fragmentOf(doc).toArray();
    deleteBlock(doc, 1);
    expect(fragmentOf(doc).toArray()).toEqual([before[0], ...before.slice(2)]);
  });

  it('refuses invalid blocks and indexes', () => {
    const doc = seededDoc();
    expect(() => insertBlock(doc, 0, { type: 'mystery' })).toThrow();
    expect(() => insertBlock(doc, 0, { type: 'text', text: 'x' })).toThrow();
    expect(() => insertBlock(doc, 0, { type: 'doc', content: [paragraph('x')] })).toThrow(TypeError);
    expect(() => insertBlock(doc, 11, paragraph('x'))).toThrow(RangeError);
    expect(() => replaceBlock(doc, 10, paragraph('x'))).toThrow(RangeError);
    expect(() => deleteBlock(doc, -1)).toThrow(RangeError);
    expect(fragmentOf(doc).length).toBe(10);
  });
});

describe('applyJSONMinimal', () => {
  it('reaches the target touching only the blocks that differ', () => {
    const doc = seededDoc();
    const before = fragmentOf(doc).toArray();
    const blocks = EDITOR_FIXTURE.content!;
    const target: JSONContent = {
      type: 'doc',
      content: [
        blocks[0],
        paragraph('Nouveau préambule.'), // inserted
        blocks[1],
        blocks[2],
        paragraph('Le service commun est décrit en annexe.'), // replaces blocks[3] (same type: in place)
        blocks[4],
        blocks[5],
        // blocks[6] (heading "Modalités") deleted
        blocks[7],
        blocks[8],
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Fait à Lyon, le 3 mars.' }] }, // type change
      ],
    };
    let updates = 0;
    doc.on('update', () => updates++);
    expect(applyJSONMinimal(doc, target, 'restore')).toEqual({ unchanged: 7, updated: 2, inserted: 1, deleted: 1 });
    expect(updates).toBe(1);
    expect(fragmentToJSON(fragmentOf(doc))).toEqual(canonical(target));
    const after = fragmentOf(doc).toArray();
    // Identity: 0,2,3,5,6,7,8 are the original elements 0,1,2,4,5,7,8; 4 updated in place (= original 3); 1 and 9 new.
    expect([0, 2, 3, 4, 5, 6, 7, 8].map((i) => after[i])).toEqual([0, 1, 2, 3, 4, 5, 7, 8].map((i) => before[i]));
    expect(changedIdentities(before, after)).toEqual([1, 9]);
  });

  it('does nothing (no update at all) when the document already equals the target', () => {
    const doc = seededDoc();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(applyJSONMinimal(doc, EDITOR_FIXTURE)).toEqual({ unchanged: 10, updated: 0, inserted: 0, deleted: 0 });
    expect(updates).toBe(0);
  });

  it('restores an older version over a document edited in between', () => {
    const doc = seededDoc();
    const version = fragmentToJSON(fragmentOf(doc));
    insertBlock(doc, 0, paragraph('Brouillon'));
    replaceBlock(doc, 4, paragraph('Autre objet'));
    deleteBlock(doc, 9);
    applyJSONMinimal(doc, version);
    expect(fragmentToJSON(fragmentOf(doc))).toEqual(version);
    expect(fragmentOf(doc).length).toBe(10);
  });

  it('handles the empty and the fully different target', () => {
    const doc = seededDoc();
    applyJSONMinimal(doc, { type: 'doc', content: [paragraph('Tout autre chose')] });
    expect(fragmentToJSON(fragmentOf(doc))).toEqual(canonical({ type: 'doc', content: [paragraph('Tout autre chose')] }));
    const empty = new Y.Doc();
    applyJSONMinimal(empty, EDITOR_FIXTURE);
    expect(fragmentToJSON(fragmentOf(empty))).toEqual(canonical(EDITOR_FIXTURE));
  });
});
