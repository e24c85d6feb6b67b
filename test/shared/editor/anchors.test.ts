import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { relativePositionToAbsolutePosition, initProseMirrorDoc } from '@tiptap/y-tiptap';
import {
  createAnchor,
  createAnchorFromQuote,
  editorSchema,
  insertBlock,
  replaceBlock,
  resolveAnchor,
  type Anchor,
} from '../../../shared/editor/index.js';
import { decodeRelativePosition } from '../../../shared/editor/encoding.js';
import { editorEdit, fragmentOf, positionOf, replica, seededDoc, sync } from './helpers.js';

const QUOTE = 'intercommunalité adoptent';
// "Convention de mutualisation" = h1 of size 29; paragraph content starts at 30; "Les élu·e·s de l’" is 17 chars.
const FROM = 47;
const TO = 72;

function anchored(): { doc: Y.Doc; anchor: Anchor } {
  const doc = seededDoc();
  return { doc, anchor: createAnchorFromQuote(doc, QUOTE)! };
}

describe('creating anchors', () => {
  it('quotes the text between two positions and resolves unchanged', () => {
    const doc = seededDoc();
    const anchor = createAnchor(doc, FROM, TO);
    expect(anchor.quote).toBe(QUOTE);
    expect(anchor.prefix).toBe('e mutualisationLes élu·e·s de l’');
    expect(anchor.suffix).toBe(' la «\u202fcharte commune\u202f».ObjetLe s');
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'ok', from: FROM, to: TO, text: QUOTE, changed: false });
  });

  it('finds a quote by occurrence, across blocks too', () => {
    const doc = seededDoc();
    expect(createAnchorFromQuote(doc, 'e', 0)).toMatchObject({ quote: 'e' });
    expect(resolveAnchor(doc, createAnchorFromQuote(doc, 'Objet\nLe service')!)).toMatchObject({ status: 'ok', text: 'Objet\nLe service' });
    expect(createAnchorFromQuote(doc, 'absent')).toBeNull();
    expect(createAnchorFromQuote(doc, 'Signature', 1)).toBeNull();
  });

  it('handles ranges that start or end on a block boundary', () => {
    const doc = seededDoc();
    const objet = positionOf(doc, 'Objet');
    const service = positionOf(doc, 'Le service');
    const endsAtBoundary = createAnchor(doc, objet, service); // "Objet" + the boundary into the next paragraph
    expect(endsAtBoundary.quote).toBe('Objet\n');
    expect(resolveAnchor(doc, endsAtBoundary)).toEqual({ status: 'ok', from: objet, to: service, text: 'Objet\n', changed: false });
    const startsAtBoundary = createAnchor(doc, objet + 5, service + 2);
    expect(resolveAnchor(doc, startsAtBoundary)).toEqual({ status: 'ok', from: objet + 5, to: service + 2, text: '\nLe', changed: false });
  });

  it('refuses empty or out-of-range positions', () => {
    const doc = seededDoc();
    expect(() => createAnchor(doc, 5, 5)).toThrow(RangeError);
    expect(() => createAnchor(doc, 10, 100_000)).toThrow(RangeError);
  });

  it('works at the very start of the document (where y-tiptap reports "misresolved")', () => {
    const doc = seededDoc();
    const anchor = createAnchor(doc, 1, 11);
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'ok', from: 1, to: 11, text: 'Convention', changed: false });
  });

  it('resolves to the same positions as y-tiptap does (inside the document)', () => {
    const doc = seededDoc();
    const fragment = fragmentOf(doc);
    const { mapping } = initProseMirrorDoc(fragment, editorSchema);
    const cell = positionOf(doc, '1 800');
    const deep = positionOf(doc, 'Déneigement');
    for (const [from, to] of [[FROM, TO], [cell, cell + 5], [deep + 2, deep + 6], [FROM, positionOf(doc, 'service')]]) {
      const anchor = createAnchor(doc, from, to);
      const resolved = resolveAnchor(doc, anchor);
      const start = relativePositionToAbsolutePosition(doc, fragment, decodeRelativePosition(anchor.start), mapping);
      const end = relativePositionToAbsolutePosition(doc, fragment, decodeRelativePosition(anchor.end), mapping);
      expect(resolved).toMatchObject({ status: 'ok', from: start, to: end });
    }
  });
});

describe('anchors survive', () => {
  it('a concurrent insert just before the range, made in another replica: it stays outside', () => {
    const { doc, anchor } = anchored();
    const other = replica(doc);
    editorEdit(other, (tr) => tr.insertText('toute ', positionOf(other, QUOTE)));
    // and one just after the range, in this replica
    editorEdit(doc, (tr) => tr.insertText(' solennellement', positionOf(doc, ' la «')));
    sync(doc, other);
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'ok', from: FROM + 6, to: TO + 6, text: QUOTE, changed: false });
    expect(resolveAnchor(other, anchor)).toEqual(resolveAnchor(doc, anchor));
  });

  it('an insert inside the range: the range grows and the change is flagged', () => {
    const { doc, anchor } = anchored();
    editorEdit(doc, (tr) => tr.insertText(' unanime', positionOf(doc, ' adoptent')));
    expect(resolveAnchor(doc, anchor)).toEqual({
      status: 'ok',
      from: FROM,
      to: TO + 8,
      text: 'intercommunalité unanime adoptent',
      changed: true,
    });
  });

  it('a paragraph turned into a heading by the editor (y-tiptap recreates the element)', () => {
    const { doc, anchor } = anchored();
    const before = fragmentOf(doc).get(1);
    editorEdit(doc, (tr) => tr.setBlockType(FROM, FROM, editorSchema.nodes.heading, { level: 2 }));
    expect(fragmentOf(doc).get(1)).not.toBe(before); // the premise: the old Y.XmlText and its items are gone
    const resolved = resolveAnchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'ok', from: FROM, to: TO, text: QUOTE, changed: false });
    // The relocated anchor is handed back to be persisted; it resolves directly from then on.
    const fresh = (resolved as { anchor: Anchor }).anchor;
    expect(fresh.quote).toBe(QUOTE);
    expect(resolveAnchor(doc, fresh)).toEqual({ status: 'ok', from: FROM, to: TO, text: QUOTE, changed: false });
  });

  it('a paragraph turned into a heading, in a doc without garbage collection (deleted items kept)', () => {
    const doc = seededDoc(undefined, { gc: false });
    const anchor = createAnchorFromQuote(doc, QUOTE)!;
    editorEdit(doc, (tr) => tr.setBlockType(FROM, FROM, editorSchema.nodes.heading, { level: 2 }));
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'ok', from: FROM, to: TO, text: QUOTE, changed: false });
    editorEdit(doc, (tr) => tr.delete(FROM, TO));
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'orphaned', quote: QUOTE });
  });

  it('a paragraph turned into a heading by replaceBlock, with the same sentence elsewhere (context decides)', () => {
    const { doc, anchor } = anchored();
    const sentence = 'Les élu·e·s de l’intercommunalité adoptent la «\u202fcharte commune\u202f».';
    insertBlock(doc, 10, { type: 'paragraph', content: [{ type: 'text', text: `Rappel : ${sentence}` }] });
    replaceBlock(doc, 1, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: sentence }] });
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'ok', from: FROM, to: TO, text: QUOTE, changed: false });
  });

  it('marks applied across the range', () => {
    const { doc, anchor } = anchored();
    editorEdit(doc, (tr) => tr.addMark(FROM - 5, TO + 3, editorSchema.marks.italic.create()));
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'ok', from: FROM, to: TO, text: QUOTE, changed: false });
    expect(((fragmentOf(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText).toDelta()[3]).toEqual({
      insert: 'de l’intercommunalité adoptent la',
      attributes: { italic: {} },
    });
  });

  it('a split (Enter) inside the range: it spans both blocks, parts joined by "\\n"', () => {
    const { doc, anchor } = anchored();
    editorEdit(doc, (tr) => tr.split(positionOf(doc, ' adoptent')));
    const resolved = resolveAnchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'ok', from: FROM, to: TO + 2, text: 'intercommunalité\n adoptent', changed: true });
    expect(resolveAnchor(doc, (resolved as { anchor: Anchor }).anchor)).toMatchObject({ text: 'intercommunalité\n adoptent' });
  });

  it('is orphaned, quote kept, when the range is deleted — even if the quote exists elsewhere', () => {
    const { doc, anchor } = anchored();
    insertBlock(doc, 10, { type: 'paragraph', content: [{ type: 'text', text: `Copie : ${QUOTE}` }] });
    editorEdit(doc, (tr) => tr.delete(FROM - 3, TO + 1));
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'orphaned', quote: QUOTE });
  });

  it('is still ok (changed) when only part of the quoted text was deleted', () => {
    const { doc, anchor } = anchored();
    editorEdit(doc, (tr) => tr.delete(TO - 9, TO)); // " adoptent"
    // y-tiptap diffs strings, so the Yjs items it deletes are "adoptent " (the space after): the range keeps its space.
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'ok', from: FROM, to: TO - 8, text: 'intercommunalité ', changed: true });
  });

  it('is orphaned when its whole block is deleted', () => {
    const { doc, anchor } = anchored();
    editorEdit(doc, (tr) => tr.delete(29, 29 + tr.doc.child(1).nodeSize));
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'orphaned', quote: QUOTE });
  });
});
