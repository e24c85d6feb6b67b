import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createAnchorFromQuote,
  editorSchema,
  fragmentToJSON,
  fragmentToText,
  replaceRange,
  resolveAnchor,
} from '../../../shared/editor/index.js';
import { editorEdit, fragmentOf, positionOf, replica, seededDoc, sync } from './helpers.js';

const line = (doc: Y.Doc, index: number) => fragmentToText(fragmentOf(doc)).split('\n')[index];

function countUpdates(doc: Y.Doc): { count: number; origins: unknown[] } {
  const seen = { count: 0, origins: [] as unknown[] };
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    seen.count++;
    seen.origins.push(origin);
  });
  return seen;
}

describe('replaceRange', () => {
  it('keeps the bold mark of the first replaced character, in exactly one update', () => {
    const doc = seededDoc();
    const anchor = createAnchorFromQuote(doc, 'élu·e·s de')!;
    const updates = countUpdates(doc);
    const result = replaceRange(doc, anchor, 'conseillers', { origin: 'amendment:42' });
    expect(result).toMatchObject({ ok: true, from: 34, to: 45 });
    expect(updates).toEqual({ count: 1, origins: ['amendment:42'] });
    expect(fragmentToJSON(fragmentOf(doc)).content![1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Les ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'conseillers' },
        { type: 'text', text: ' l’intercommunalité adoptent la «\u202fcharte commune\u202f».' },
      ],
    });
  });

  it('returns an anchor on the new text', () => {
    const doc = seededDoc();
    const result = replaceRange(doc, createAnchorFromQuote(doc, 'charte commune')!, 'charte intercommunale');
    if (!result.ok) throw new Error('expected ok');
    expect(resolveAnchor(doc, result.anchor!)).toEqual({ status: 'ok', from: result.from, to: result.to, text: 'charte intercommunale', changed: false });
  });

  it('refuses with "changed" when the text is not the expected one, and changes nothing', () => {
    const doc = seededDoc();
    const anchor = createAnchorFromQuote(doc, 'charte commune')!;
    editorEdit(doc, (tr) => tr.insertText(' nouvelle', positionOf(doc, ' commune\u202f»')));
    const before = fragmentToJSON(fragmentOf(doc));
    const updates = countUpdates(doc);
    expect(replaceRange(doc, anchor, 'charte', { expectedText: 'charte commune' })).toEqual({
      ok: false,
      reason: 'changed',
      currentText: 'charte nouvelle commune',
    });
    expect(updates.count).toBe(0);
    expect(fragmentToJSON(fragmentOf(doc))).toEqual(before);
    expect(replaceRange(doc, anchor, 'charte', { expectedText: 'charte nouvelle commune' })).toMatchObject({ ok: true });
    expect(line(doc, 1)).toBe('Les élu·e·s de l’intercommunalité adoptent la «\u202fcharte\u202f».');
  });

  it('refuses with "orphaned" when the range was deleted', () => {
    const doc = seededDoc();
    const anchor = createAnchorFromQuote(doc, 'Signature')!;
    const pos = positionOf(doc, 'Signature');
    editorEdit(doc, (tr) => tr.delete(pos, pos + 9));
    expect(replaceRange(doc, anchor, 'Publication')).toEqual({ ok: false, reason: 'orphaned', currentText: null });
  });

  it('replaces across marks: the new text takes the marks of the first character only', () => {
    const doc = seededDoc();
    replaceRange(doc, createAnchorFromQuote(doc, 'commun est décrit sur le site')!, 'partagé figure sur le portail');
    expect(fragmentToJSON(fragmentOf(doc)).content![3].content).toEqual([
      { type: 'text', text: 'Le service ' },
      { type: 'text', marks: [{ type: 'italic' }], text: 'partagé figure sur le portail' },
      expect.objectContaining({ type: 'text', text: ' officiel', marks: [expect.objectContaining({ type: 'link' })] }),
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps a link when the first replaced character is in it', () => {
    const doc = seededDoc();
    replaceRange(doc, createAnchorFromQuote(doc, 'site officiel.')!, 'portail');
    const content = fragmentToJSON(fragmentOf(doc)).content![3].content!;
    expect(content[content.length - 1]).toMatchObject({
      text: 'le portail',
      marks: [{ type: 'link', attrs: { href: 'https://www.collectivites-locales.gouv.fr' } }],
    });
  });

  it('replaces a range split by Enter, joining the two blocks again', () => {
    const doc = seededDoc();
    const anchor = createAnchorFromQuote(doc, 'intercommunalité adoptent')!;
    editorEdit(doc, (tr) => tr.split(positionOf(doc, ' adoptent')));
    expect(line(doc, 2)).toBe(' adoptent la «\u202fcharte commune\u202f».');
    const updates = countUpdates(doc);
    expect(replaceRange(doc, anchor, 'EPCI approuve', { expectedText: 'intercommunalité\n adoptent' })).toMatchObject({ ok: true });
    expect(updates.count).toBe(1);
    expect(fragmentOf(doc).length).toBe(10);
    expect(line(doc, 1)).toBe('Les élu·e·s de l’EPCI approuve la «\u202fcharte commune\u202f».');
    expect(line(doc, 2)).toBe('Objet');
  });

  it('empties the covered parts of blocks in different containers instead of merging them', () => {
    const doc = seededDoc();
    replaceRange(doc, createAnchorFromQuote(doc, 'concordante\nSign')!, 'unique');
    expect(fragmentToText(fragmentOf(doc)).split('\n').slice(10, 12)).toEqual(['Délibération unique', 'ature']);
  });

  it('touches only the edited block and converges with concurrent edits elsewhere', () => {
    const doc = seededDoc();
    const blocks = fragmentOf(doc).toArray();
    const other = replica(doc);
    editorEdit(other, (tr) => tr.insertText('Vu le CGCT. ', positionOf(other, 'Fait à Lyon')));
    replaceRange(doc, createAnchorFromQuote(doc, 'Objet')!, 'Objet de la convention', { origin: 'server' });
    expect(fragmentOf(doc).toArray().filter((b, i) => b !== blocks[i])).toEqual([]);
    sync(doc, other);
    expect(fragmentToJSON(fragmentOf(doc))).toEqual(fragmentToJSON(fragmentOf(other)));
    expect([line(other, 2), line(other, 21)]).toEqual(['Objet de la convention', 'Vu le CGCT. Fait à Lyon, le 3 mars.']);
  });

  it('refuses line breaks in the new text', () => {
    const doc = seededDoc();
    expect(() => replaceRange(doc, createAnchorFromQuote(doc, 'Objet')!, 'a\nb')).toThrow(RangeError);
  });
});

describe('replaceRange around hard breaks', () => {
  it('deletes a hard break inside the range and keeps the rest of the line', () => {
    const doc = seededDoc({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Article 1' }, { type: 'hardBreak' }, { type: 'text', text: 'Alinéa' }] }],
    });
    expect(replaceRange(doc, createAnchorFromQuote(doc, '1\nAli')!, '2 – ali', { expectedText: '1\nAli' })).toMatchObject({ ok: true });
    expect(fragmentToJSON(fragmentOf(doc)).content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Article 2 – alinéa' }] }]);
  });
});

describe('replaceRange after a node-type change', () => {
  it('edits the re-anchored text of a paragraph that became a heading', () => {
    const doc = seededDoc();
    const anchor = createAnchorFromQuote(doc, 'charte commune')!;
    const pos = positionOf(doc, 'charte commune');
    editorEdit(doc, (tr) => tr.setBlockType(pos, pos, editorSchema.nodes.heading, { level: 3 }));
    expect(replaceRange(doc, anchor, 'charte', { expectedText: 'charte commune' })).toMatchObject({ ok: true });
    expect(fragmentToJSON(fragmentOf(doc)).content![1]).toMatchObject({ type: 'heading', attrs: { level: 3 } });
    expect(line(doc, 1)).toBe('Les élu·e·s de l’intercommunalité adoptent la «\u202fcharte\u202f».');
  });
});
