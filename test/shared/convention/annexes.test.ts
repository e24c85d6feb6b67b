import { describe, it, expect } from 'vitest';
import { agentsTable, allocationTable, annexNumber, buildAnnexes, buildAvenantAnnexes, communesTable, equipmentTable, methodTable } from '../../../shared/convention/annexes.js';
import { parseEditorJSON } from '../../../shared/editor/index.js';
import type { JSONContent } from '@tiptap/core';
import { facts } from './fixtures.js';

/** The cells of a table, row by row, as plain text. */
function cells(table: JSONContent): string[][] {
  return (table.content ?? []).map((row) => (row.content ?? []).map((cell) => (cell.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('')));
}
const NB = '\u202f';

describe('annex tables', () => {
  it('annexe 1: communes with INSEE code and population, and the total', () => {
    expect(cells(communesTable(facts().communes))).toEqual([
      ['Commune', 'Code INSEE', 'Population', "Membre de l'EPCI"],
      ['Fayence', '83055', `6${NB}000`, 'Oui'],
      ['Seillans', '83124', `3${NB}000`, 'Oui'],
      ['Total', '2 communes', `9${NB}000`, '—'],
    ]);
  });

  it('annexe 1: an unknown population reads « — » and makes the total unknown', () => {
    const f = facts();
    f.communes[1].population = null;
    expect(cells(communesTable(f.communes)).slice(2)).toEqual([
      ['Seillans', '83124', '—', 'Oui'],
      ['Total', '2 communes', '—', '—'],
    ]);
  });

  it('annexe 2: each contribution adds up to the total', () => {
    expect(cells(allocationTable(facts()))).toEqual([
      ['Commune', 'Code INSEE', 'Part (%)', 'Contribution annuelle', 'Dépense actuelle', 'Écart'],
      ['Fayence', '83055', '66,67 %', `76${NB}666,67\u00a0€`, `250${NB}000,00\u00a0€`, `-173${NB}333,33\u00a0€`],
      ['Seillans', '83124', '33,33 %', `38${NB}333,33\u00a0€`, `100${NB}000,00\u00a0€`, `-61${NB}666,67\u00a0€`],
      ['Total', '—', '100 %', `115${NB}000,00\u00a0€`, '—', '—'],
    ]);
  });

  it('annexe 2 without a key says why instead of inventing figures', () => {
    const rows = cells(allocationTable(facts({ allocation: null, allocationErrors: ['Seillans : donnée manquante pour le critère « Population ».'] })));
    expect(rows[1]).toEqual(['Fayence', '83055', '—', '—', '—', '—']);
    expect(rows[3][0]).toBe('Répartition non calculée : Seillans : donnée manquante pour le critère « Population ».');
  });

  it('annexe 3: the unit-cost method, line by line', () => {
    expect(cells(methodTable(facts()))).toEqual([
      ['Élément', 'Base', 'Montant annuel'],
      ['Personnel', '3 ETP', `130${NB}000,00\u00a0€`],
      ['Équipements conservés ou partagés', '2 équipement(s)', `15${NB}000,00\u00a0€`],
      ['Autres frais de fonctionnement', '—', '0,00\u00a0€'],
      ['Amortissement des dépenses ponctuelles', '—', '0,00\u00a0€'],
      ['Coût annuel du service', '—', `145${NB}000,00\u00a0€`],
      ['Recettes attendues', `dont CAF 30${NB}000,00\u00a0€`, `30${NB}000,00\u00a0€`],
      ['Coût net à répartir', '—', `115${NB}000,00\u00a0€`],
      ['Population des communes parties', '—', `9${NB}000`],
      ['Coût unitaire : coût net par habitant', '—', '12,78\u00a0€'],
      ['Clé de répartition', 'population', '—'],
      ['Mode de financement', 'Remboursement des frais (facturation aux communes)', '—'],
    ]);
  });

  it('annexes 4 and 5: agents and equipment with French labels', () => {
    expect(cells(agentsTable(facts()))[1]).toEqual(['Fayence', 'Animateur jeunesse', 'Commune', "Adjoints territoriaux d'animation", 'Catégorie C', 'Titulaire', '100 %', '80 %']);
    expect(cells(equipmentTable(facts()))[1]).toEqual(['Fayence', 'Maison des jeunes', 'Maison des jeunes', '1 place de la Mairie', '40', '120 m²', `10${NB}000,00\u00a0€`, 'Conservé']);
    expect(cells(agentsTable(facts({ agents: [] })))[1][0]).toBe('Aucun agent recensé au diagnostic');
  });

  it('numbers and titles of the annexes; the avenant carries annexes 1 and 2 only', () => {
    expect(buildAnnexes(facts()).map((a) => a.title)).toEqual([
      'Annexe 1 — Communes parties',
      'Annexe 2 — Tableau de répartition',
      'Annexe 3 — Méthode du coût unitaire',
      'Annexe 4 — Agents concernés',
      'Annexe 5 — Inventaire des équipements',
    ]);
    expect(buildAvenantAnnexes(facts()).map((a) => a.number)).toEqual([1, 2]);
    for (const a of buildAnnexes(facts())) expect(() => parseEditorJSON({ type: 'doc', content: [a.table] })).not.toThrow();
  });

  it.each([
    ['Annexe 2 — Tableau de répartition', 2],
    ['Annexe 12 - Autre', 12],
    ['  Annexe 3 – Méthode', 3],
    ['Annexe — sans numéro', null],
    ['Annexes', null],
    ['Voir annexe 2 — tableau', null],
  ] as [string, number | null][])('annexNumber(%j) = %j', (text, n) => expect(annexNumber(text)).toBe(n));
});
