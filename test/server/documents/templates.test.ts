import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { createDocumentsTestApp, type DocumentsTestApp } from './setup.js';
import { DEFAULT_FRAGMENT, fragmentToJSON, fragmentToText, parseEditorJSON } from '../../../shared/editor/index.js';
import { DOCUMENT_KINDS } from '../../../shared/documents/kinds.js';
import { templateContent } from '../../../shared/documents/templates.js';

/** Headings (level, text) of the document as stored, read back through the editor toolkit. */
const headingsOf = (json: JSONContent) =>
  (json.content ?? []).filter((n) => n.type === 'heading').map((n) => `h${n.attrs?.level} ${n.content?.map((c) => c.text).join('')}`);

describe('documents: templates are seeded by the server', () => {
  let t: DocumentsTestApp;
  beforeAll(async () => {
    t = await createDocumentsTestApp();
  });
  afterAll(() => t.close());

  const stored = async (kind: string) => {
    const id = await t.createDocument(kind, `Document ${kind}`);
    return t.collaboration.read(id, (doc) => fragmentToJSON(doc.getXmlFragment(DEFAULT_FRAGMENT)));
  };

  it('a convention has the standard sections of a service commun convention, each with a placeholder', async () => {
    const json = await stored('convention');
    expect(headingsOf(json)).toEqual([
      'h2 Parties et visas',
      'h2 Objet',
      'h2 Périmètre',
      'h2 Organisation',
      'h2 Personnel',
      'h2 Locaux, matériels et logiciels',
      'h2 Contrats en cours',
      'h2 Dispositions financières',
      'h2 Durée',
      'h2 Comité de suivi',
      'h2 Évaluation annuelle',
      'h2 Avenants et adhésion',
      'h2 Résiliation et retrait',
      'h2 Litiges',
    ]);
    expect(json.content!.map((n) => n.type)).toEqual(Array.from({ length: 14 }, () => ['heading', 'paragraph']).flat());
    expect(json.content![1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Désignation des parties, textes visés et délibérations.' }] });
  });

  it.each([
    ['cadre_strategique', ['h2 Objectifs', 'h2 Principes', 'h2 Gouvernance']],
    ['fiche_impact', ['h2 Organisation', 'h2 Conditions de travail', 'h2 Rémunération', 'h2 Droits acquis']],
    ['compte_rendu', ['h2 Date, lieu et participants', 'h2 Ordre du jour', 'h2 Échanges', 'h2 Décisions', 'h2 Suites à donner']],
    ['synthese', ['h2 Contexte', 'h2 Constats du diagnostic', 'h2 Besoins exprimés', 'h2 Enjeux', 'h2 Pistes de scénarios']],
    ['scenario', ['h2 Présentation', 'h2 Communes participantes', 'h2 Instrument juridique', 'h2 Organisation cible', 'h2 Coûts et clé de répartition', 'h2 Impact sur les personnels', 'h2 Avantages et points de vigilance']],
    ['plan_actions', ['h2 Axes', 'h2 Actions', 'h2 Calendrier', 'h2 Suivi et évaluation']],
    ['avenant', ['h2 Parties et visas', 'h2 Objet de l’avenant', 'h2 Modifications apportées', 'h2 Dispositions financières', 'h2 Date d’effet', 'h2 Autres dispositions']],
    ['note', []],
  ])('a %s starts with its sections', async (kind, headings) => {
    expect(headingsOf(await stored(kind))).toEqual(headings);
  });

  it('a note is one empty paragraph', async () => {
    const id = await t.createDocument('note', 'Note vide');
    const text = await t.collaboration.read(id, (doc) => [doc.getXmlFragment(DEFAULT_FRAGMENT).length, fragmentToText(doc.getXmlFragment(DEFAULT_FRAGMENT))]);
    expect(text).toEqual([1, '']);
  });

  it.each(DOCUMENT_KINDS)('the %s template is valid for the editor schema (nothing dropped when a browser opens it)', (kind) => {
    expect(() => parseEditorJSON(templateContent(kind))).not.toThrow();
  });
});
