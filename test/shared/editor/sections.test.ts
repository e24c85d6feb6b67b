import { describe, expect, it } from 'vitest';
import { deleteBlock, editorSchema, insertBlock, listSections, resolveSection } from '../../../shared/editor/index.js';
import { editorEdit, positionOf, replica, seededDoc, sync } from './helpers.js';

const shape = (doc: Parameters<typeof listSections>[0]) =>
  listSections(doc).map(({ level, title, start, end }) => ({ level, title, start, end }));

describe('sections', () => {
  it('lists the fixture sections with levels and block ranges', () => {
    // Blocks: 0 h1, 1 p, 2 h2 Objet, 3 p, 4 h3 Périmètre, 5 bullet list, 6 h2 Modalités, 7 ordered list, 8 table, 9 p
    expect(shape(seededDoc())).toEqual([
      { level: 1, title: 'Convention de mutualisation', start: 0, end: 10 },
      { level: 2, title: 'Objet', start: 2, end: 6 },
      { level: 3, title: 'Périmètre', start: 4, end: 6 },
      { level: 2, title: 'Modalités', start: 6, end: 10 },
    ]);
  });

  it('uses the encoded relative position as a URL-safe id', () => {
    for (const section of listSections(seededDoc())) {
      expect(section.id).toBe(section.relativePosition);
      expect(section.id).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('keeps ids after an insert before the heading (local and from another replica)', () => {
    const doc = seededDoc();
    const before = listSections(doc);
    insertBlock(doc, 0, { type: 'paragraph', content: [{ type: 'text', text: 'Préambule' }] });
    const other = replica(doc);
    insertBlock(other, 3, { type: 'paragraph', content: [{ type: 'text', text: 'Ajout concurrent' }] });
    sync(doc, other);
    const after = listSections(doc);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(shape(doc)).toEqual([
      { level: 1, title: 'Convention de mutualisation', start: 1, end: 12 },
      { level: 2, title: 'Objet', start: 4, end: 8 },
      { level: 3, title: 'Périmètre', start: 6, end: 8 },
      { level: 2, title: 'Modalités', start: 8, end: 12 },
    ]);
    expect(resolveSection(doc, before[1].id)).toEqual(after[1]);
  });

  it('keeps the id when the heading level changes in the editor (same element, attribute update)', () => {
    const doc = seededDoc();
    const [, objet] = listSections(doc);
    const pos = positionOf(doc, 'Objet');
    editorEdit(doc, (tr) => tr.setBlockType(pos, pos, editorSchema.nodes.heading, { level: 3 }));
    expect(resolveSection(doc, objet.id)).toMatchObject({ id: objet.id, level: 3, title: 'Objet', start: 2, end: 4 });
  });

  it('resolves to null when the heading was deleted or the id is garbage', () => {
    const doc = seededDoc();
    const [, objet] = listSections(doc);
    deleteBlock(doc, 2);
    expect(resolveSection(doc, objet.id)).toBeNull();
    expect(resolveSection(doc, 'not an id')).toBeNull();
    expect(resolveSection(doc, 'AAAA')).toBeNull();
    expect(resolveSection(doc, '')).toBeNull();
  });
});
