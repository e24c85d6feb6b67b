import { describe, it, expect } from 'vitest';
import { conventionBodies, partyLines } from '../../../shared/convention/convention-text.js';
import { cadreBodies, cadreObjectives, ficheImpactBodies } from '../../../shared/convention/cadre-text.js';
import { avenantBodies } from '../../../shared/convention/avenant-text.js';
import { jsonText } from '../../../shared/convention/blocks.js';
import { keyLabel, euros, count, frenchDate } from '../../../shared/convention/facts.js';
import { templateHeadings } from '../../../shared/documents/templates.js';
import { parseEditorJSON } from '../../../shared/editor/index.js';
import type { JSONContent } from '@tiptap/core';
import { facts } from './fixtures.js';

const NB = '\u202f';
const text = (blocks: JSONContent[]) => blocks.map(jsonText).join('\n');
const valid = (bodies: Record<string, JSONContent[]>) => Object.values(bodies).forEach((b) => expect(() => parseEditorJSON({ type: 'doc', content: b })).not.toThrow());

describe('pre-filled texts fit their templates', () => {
  it('the convention fills each of the 14 standard sections, in the template order', () => {
    const bodies = conventionBodies(facts());
    expect(Object.keys(bodies)).toEqual(templateHeadings('convention'));
    valid(bodies);
  });
  it('the cadre, the fiche d’impact and the avenant fill their templates', () => {
    expect(Object.keys(cadreBodies(facts()))).toEqual(templateHeadings('cadre_strategique'));
    expect(Object.keys(ficheImpactBodies(facts()))).toEqual(templateHeadings('fiche_impact'));
    const f = facts();
    const joiner = { id: 'c3', insee: '83081', name: 'Montauroux', population: 11000, member: true };
    const bodies = avenantBodies(f, facts({ communes: [...f.communes, joiner] }), { number: 1, commune: joiner, conventionTitle: 'Convention — Service commun jeunesse', signedOn: '2027-09-20', effectiveOn: '2028-01-01' });
    expect(Object.keys(bodies)).toEqual(templateHeadings('avenant'));
    valid(cadreBodies(facts()));
    valid(ficheImpactBodies(facts()));
    valid(bodies);
  });
});

describe('what the convention says', () => {
  const bodies = conventionBodies(facts());
  it('lists the parties with their deliberations to complete', () => {
    expect(partyLines(facts())).toEqual([
      'CC du Pays de Fayence (SIREN 200004802), représentée par son·sa président·e, dûment habilité·e par délibération du conseil communautaire n° … du …',
      'La commune de Fayence (code INSEE 83055), représentée par son maire, dûment habilité·e par délibération du conseil municipal n° … du …',
      'La commune de Seillans (code INSEE 83124), représentée par son maire, dûment habilité·e par délibération du conseil municipal n° … du …',
    ]);
    expect(text(bodies['Parties et visas'])).toContain('Vu la décision du Comité de pilotage (COPIL) du 08/03/2027 retenant le scénario « Service commun jeunesse » ;');
    expect(text(bodies['Parties et visas'])).toContain('Vu l’avis du comité social territorial en date du … ;');
  });
  it('states the perimeter, the staff rule of the instrument and the financial provisions', () => {
    expect(text(bodies['Périmètre'])).toContain(`Communes concernées : Fayence, Seillans (2 communes, 9${NB}000 habitants).`);
    expect(text(bodies.Personnel)).toContain("L'organisation cible compte 3 ETP : 3 ETP employés par CC du Pays de Fayence et 0 ETP employés par les communes.");
    expect(text(bodies.Personnel)).toContain('sont transférés de plein droit');
    expect(text(bodies['Dispositions financières'])).toContain(`Coût annuel prévisionnel du service : 145${NB}000,00\u00a0€, recettes attendues 30${NB}000,00\u00a0€ (dont CAF 30${NB}000,00\u00a0€), soit un coût net de 115${NB}000,00\u00a0€ (12,78\u00a0€ par habitant).`);
    expect(text(bodies['Avenants et adhésion'])).toContain('L’adhésion d’une nouvelle commune membre de CC du Pays de Fayence se fait par avenant');
  });
  it('an entente admits outside communes and keeps agents with their employer', () => {
    const entente = conventionBodies(facts({ scenario: { ...facts().scenario, instrument: 'entente', epciParty: false } }));
    expect(text(entente['Avenants et adhésion'])).toContain('L’adhésion d’une nouvelle commune se fait par avenant');
    expect(text(entente.Personnel)).toContain('Les agents restent employés par leur collectivité d’origine');
    expect(text(entente['Parties et visas'])).not.toContain('comité social territorial');
  });
});

describe('cadre stratégique and avenant', () => {
  it('draws objectives from the scenario', () => {
    expect(cadreObjectives(facts()).map((o) => o.label)).toEqual([
      'Un service de proximité sur tout le périmètre',
      'Un coût net maîtrisé',
      'Une équipe mutualisée',
      'Des équipements partagés',
      'Des programmes communaux renforcés',
    ]);
    expect(cadreObjectives(facts())[1].detail).toBe(`Tenir le coût net annuel du service à 115${NB}000,00\u00a0€ (12,78\u00a0€ par habitant), soit 235${NB}000,00\u00a0€ de moins qu'aujourd'hui.`);
    expect(cadreObjectives(facts({ cost: null })).map((o) => o.label)).toEqual(['Un service de proximité sur tout le périmètre', 'Des programmes communaux renforcés']);
  });
  it('the avenant of adhesion gives the joining commune’s contribution, or says it is missing', () => {
    const f = facts();
    const joiner = { id: 'c3', insee: '83081', name: 'Montauroux', population: 11000, member: true };
    const ctx = { number: 2, commune: joiner, conventionTitle: 'Convention', signedOn: '2027-09-20', effectiveOn: null };
    const after = facts({ communes: [...f.communes, joiner], allocation: { ...f.allocation!, communes: [...f.allocation!.communes, { insee: '83081', name: 'Montauroux', contributionCents: 6_325_000, sharePct: 55, currentSpendingCents: null, deltaCents: null, costPerInhabitantCents: 575, pctOfAc: null, pctOfOperatingRevenue: null, acAfterCents: null }] } });
    const withShare = avenantBodies(f, after, ctx);
    expect(text(withShare['Dispositions financières'])).toBe(`Contribution annuelle de Montauroux : 63${NB}250,00\u00a0€ (55 % du coût net). Les contributions des autres communes sont recalculées selon la même clé.`);
    expect(text(withShare['Objet de l’avenant'])).toBe(`Le présent avenant n° 2 a pour objet l'adhésion de la commune de Montauroux (code INSEE 83081, 11${NB}000 habitants) à la convention.`);
    const without = avenantBodies(f, facts({ allocation: null, allocationErrors: ['Montauroux : donnée manquante.'] }), ctx);
    expect(text(without['Dispositions financières'])).toBe("La contribution de Montauroux n'a pas pu être calculée : Montauroux : donnée manquante. Elle est à compléter avant délibération.");
  });
});

describe('formatting helpers', () => {
  it.each([
    [123456, `1${NB}234,56\u00a0€`],
    [-5, '-0,05\u00a0€'],
    [null, '—'],
  ] as [number | null, string][])('euros(%j) = %s', (cents, out) => expect(euros(cents)).toBe(out));
  it('counts, dates and keys', () => {
    expect(count(1234.5)).toBe(`1${NB}234,5`);
    expect(frenchDate('2027-03-08')).toBe('08/03/2027');
    expect(keyLabel({ kind: 'mixte', weights: { population: 0.6, usage: 0.4 } })).toBe("clé mixte : population (60 %), unités d'usage par commune de résidence (40 %)");
    expect(keyLabel(null)).toBe('clé de répartition à définir');
  });
});
