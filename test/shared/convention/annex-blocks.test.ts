/**
 * Writing the generated texts and annexes into a Yjs document through the toolkit: pre-fill replaces only the
 * template's placeholders; regenerating the annexes after a data change replaces only the annex tables that
 * changed — text people wrote (in a section or right under an annex) keeps its Yjs identity.
 */
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { applyAnnexes, fillSections } from '../../../shared/convention/annex-blocks.js';
import { buildAnnexes } from '../../../shared/convention/annexes.js';
import { conventionBodies } from '../../../shared/convention/convention-text.js';
import { paragraph } from '../../../shared/convention/blocks.js';
import { templateContent, templateHeadings } from '../../../shared/documents/templates.js';
import { fragmentToJSON, fragmentToText, insertBlock, listSections } from '../../../shared/editor/index.js';
import { editorEdit, fragmentOf, positionOf, seededDoc } from '../editor/helpers.js';
import { facts } from './fixtures.js';

function generated(): Y.Doc {
  const doc = seededDoc(templateContent('convention'));
  doc.transact(() => {
    fillSections(doc, conventionBodies(facts()));
    applyAnnexes(doc, buildAnnexes(facts()));
  });
  return doc;
}

const headings = (doc: Y.Doc) => listSections(doc).map((s) => s.title);

describe('generated convention', () => {
  it('keeps the 14 standard sections in order, pre-filled, followed by the five annexes', () => {
    const doc = generated();
    expect(headings(doc)).toEqual([...templateHeadings('convention'), 'Annexe 1 — Communes parties', 'Annexe 2 — Tableau de répartition', 'Annexe 3 — Méthode du coût unitaire', 'Annexe 4 — Agents concernés', 'Annexe 5 — Inventaire des équipements']);
    const text = fragmentToText(fragmentOf(doc));
    expect(text).not.toContain('Objet de la convention et service concerné.'); // the template's placeholder is gone
    expect(text).toContain("La présente convention a pour objet d'organiser le service jeunesse sous la forme d'un service commun (art. L5211-4-2 du CGCT)");
    const tables = (fragmentToJSON(fragmentOf(doc)).content ?? []).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(5);
  });

  it('applying the same annexes again changes nothing (no Yjs update at all)', () => {
    const doc = generated();
    let updates = 0;
    doc.on('update', () => updates++);
    const result = applyAnnexes(doc, buildAnnexes(facts()));
    expect(result).toEqual({ updated: [], inserted: [], unchanged: ['Annexe 1 — Communes parties', 'Annexe 2 — Tableau de répartition', 'Annexe 3 — Méthode du coût unitaire', 'Annexe 4 — Agents concernés', 'Annexe 5 — Inventaire des équipements'] });
    expect(updates).toBe(0);
  });

  it('after a data change only the changed annex table is replaced; edited text and its Yjs items stay', () => {
    const doc = generated();
    // Someone edits the « Durée » section and writes a sentence under annex 4.
    const durationAt = positionOf(doc, 'Elle est conclue pour une durée de trois ans');
    editorEdit(doc, (tr) => tr.insertText('Durée ramenée à deux ans par le COPIL. ', durationAt));
    const annex4 = listSections(doc).find((s) => s.title.startsWith('Annexe 4'))!;
    insertBlock(doc, annex4.end, paragraph('Liste arrêtée au 1er mai.'));
    const before = fragmentToJSON(fragmentOf(doc)).content!;
    const elementsBefore = fragmentOf(doc).toArray();

    const changed = facts({ agents: [...facts().agents, { communeName: 'Seillans', jobTitle: 'Directrice ALSH', employer: 'commune', cadreEmplois: 'animateur', category: 'B', status: 'titulaire', quotitePct: 100, serviceSharePct: 100 }] });
    const result = applyAnnexes(doc, buildAnnexes(changed));
    expect(result.updated).toEqual(['Annexe 4 — Agents concernés']);
    expect(result.inserted).toEqual([]);

    const after = fragmentToJSON(fragmentOf(doc)).content!;
    const elementsAfter = fragmentOf(doc).toArray();
    expect(after).toHaveLength(before.length);
    const differing = after.map((b, i) => (JSON.stringify(b) === JSON.stringify(before[i]) ? null : i)).filter((i) => i !== null);
    expect(differing).toEqual([annex4.start + 1]); // the annex 4 table, and nothing else
    expect(after[annex4.start + 1].type).toBe('table');
    // Untouched blocks are the same Yjs elements (comment anchors and carets survive).
    elementsAfter.forEach((el, i) => {
      if (i !== annex4.start + 1) expect(el).toBe(elementsBefore[i]);
    });
    const text = fragmentToText(fragmentOf(doc));
    expect(text).toContain('Durée ramenée à deux ans par le COPIL. Elle est conclue pour une durée de trois ans');
    expect(text).toContain('Liste arrêtée au 1er mai.');
    expect(text).toContain('Directrice ALSH');
  });

  it('a deleted annex is appended again; a renamed annex heading gets its title back', () => {
    const doc = generated();
    const fragment = fragmentOf(doc);
    const a5 = listSections(doc).find((s) => s.title.startsWith('Annexe 5'))!;
    doc.transact(() => fragment.delete(a5.start, a5.end - a5.start));
    const a2 = listSections(doc).find((s) => s.title.startsWith('Annexe 2'))!;
    editorEdit(doc, (tr) => tr.insertText(' (projet)', positionOf(doc, 'Tableau de répartition') + 'Tableau de répartition'.length));
    expect(headings(doc)).toContain('Annexe 2 — Tableau de répartition (projet)');
    const result = applyAnnexes(doc, buildAnnexes(facts()));
    expect(result).toEqual({
      updated: ['Annexe 2 — Tableau de répartition'],
      inserted: ['Annexe 5 — Inventaire des équipements'],
      unchanged: ['Annexe 1 — Communes parties', 'Annexe 3 — Méthode du coût unitaire', 'Annexe 4 — Agents concernés'],
    });
    expect(headings(doc).slice(-5)).toEqual(['Annexe 1 — Communes parties', 'Annexe 2 — Tableau de répartition', 'Annexe 3 — Méthode du coût unitaire', 'Annexe 4 — Agents concernés', 'Annexe 5 — Inventaire des équipements']);
    expect(listSections(doc).find((s) => s.title.startsWith('Annexe 2'))!.start).toBe(a2.start);
  });

  it('fillSections leaves sections it is not given alone', () => {
    const doc = seededDoc(templateContent('convention'));
    const count = fillSections(doc, { Objet: [paragraph('Objet rédigé.')], 'Section inconnue': [paragraph('x')] });
    expect(count).toBe(1);
    const text = fragmentToText(fragmentOf(doc));
    expect(text).toContain('Objet rédigé.');
    expect(text).toContain('Désignation des parties, textes visés et délibérations.');
  });
});
