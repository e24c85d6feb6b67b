import { describe, it, expect } from 'vitest';
import { computeScenarioFigures, ruleViolations } from '../../../shared/scenarios/figures.js';
import type { ScenarioContent } from '../../../shared/scenarios/model.js';
import { BASE, INPUTS } from './figures-fixtures.js';

const codes = (c: ScenarioContent, inputs = INPUTS) => computeScenarioFigures(c, inputs).violations.map((v) => [v.severity, v.code, v.field]);
const contributions = (c: ScenarioContent) => computeScenarioFigures(c, INPUTS).allocation?.communes.map((x) => [x.name, x.contributionCents, x.deltaCents, x.pctOfAc, x.acAfterCents]);

describe('scenario figures from the diagnostic', () => {
  it('costs the base scenario and splits its net cost by journées-enfants in the perimeter’s services', () => {
    const f = computeScenarioFigures(BASE, INPUTS);
    expect(f.blocking).toBe(false);
    expect([f.cost!.current.netCents, f.cost!.projected.staffCents, f.cost!.projected.equipmentCents, f.cost!.projected.yearlyCostCents, f.cost!.projected.netCents, f.cost!.deltaNetCents]).toEqual([14_000_000, 6_000_000, 800_000, 6_800_000, 5_800_000, -8_200_000]);
    expect(f.cost!.projected.etp).toEqual({ epci: 1, commune: 0.5, total: 1.5, byCommune: { '01001': 0.5 } });
    // Usage of B's residents in C's service is not counted: C is not in the perimeter.
    expect(f.communes.map((c) => [c.name, c.usageUnits, c.historicalCostCents, c.sources.usageUnits])).toEqual([['Amont', 800, 10_000_000, 'diagnostic'], ['Bas', 200, 4_000_000, 'diagnostic']]);
    expect(contributions(BASE)).toEqual([['Amont', 4_640_000, -5_360_000, 92.8, 360_000], ['Bas', 1_160_000, -2_840_000, null, -2_160_000]]);
    expect(f.violations.map((v) => [v.severity, v.code, v.field])).toEqual([['warning', 'ac_becomes_negative', 'communes[1].acCents']]);
    expect(f.requirements[0]).toBe('Délibération du conseil communautaire et du conseil municipal de chaque commune participante.');
    expect(f.instrument).toEqual({ id: 'service_commun', label: 'Service commun', participants: 'Un EPCI à fiscalité propre et ses communes membres uniquement', basis: 'art. L5211-4-2 du CGCT' });
  });

  it('counts every usage unit when none is chosen; the largest remainder gives the last cent, and cents add up', () => {
    const c = { ...BASE, usageUnit: null, financingMode: 'remboursement' as const };
    // 5 800 000 × 900/1 100 = 4 745 454,54… and × 200/1 100 = 1 054 545,45…: Amont has the larger remainder.
    expect(contributions(c)).toEqual([['Amont', 4_745_455, -5_254_545, 94.91, null], ['Bas', 1_054_545, -2_945_455, null, null]]);
  });

  it('table of refusals and warnings', () => {
    const table: [string, ScenarioContent, (string | null)[][]][] = [
      ['outside commune in a service commun', { ...BASE, communes: [...BASE.communes, { communeId: 'C', overrides: {} }], allocationKey: { kind: 'population' } }, [['error', 'commune_not_member', 'communes[2]'], ['warning', 'ac_becomes_negative', 'communes[1].acCents'], ['warning', 'ac_unknown', 'communes[2].acCents']]],
      ['commune not in the project', { ...BASE, communes: [...BASE.communes, { communeId: 'Z', overrides: {} }], allocationKey: null }, [['error', 'commune_not_in_project', 'communes[2]'], ['error', 'commune_not_member', 'communes[2]'], ['warning', 'allocation_key_missing', 'allocationKey']]],
      [
        'entente without the EPCI but with an EPCI post',
        { ...BASE, instrument: 'entente', epciParty: false, managingBody: { kind: 'commune', communeId: 'A', name: 'Amont' }, communes: [...BASE.communes, { communeId: 'C', overrides: {} }], financingMode: 'remboursement', allocationKey: { kind: 'population' } },
        [['error', 'epci_post_without_epci', 'posts[0].employer']],
      ],
      ['AC deduction under FA: one error, not two', BASE, [['error', 'ac_deduction_requires_fpu', 'financingMode']]],
      ['historical cost missing for a commune without service', { ...BASE, instrument: 'entente', epciParty: true, communes: [...BASE.communes, { communeId: 'C', overrides: {} }], financingMode: 'remboursement', allocationKey: { kind: 'cout_historique' } }, [['error', 'cout_historique_missing', 'communes[2].historicalCostCents']]],
      ['no key yet', { ...BASE, allocationKey: null }, [['warning', 'allocation_key_missing', 'allocationKey']]],
      ['weights that do not sum to 1', { ...BASE, allocationKey: { kind: 'mixte', weights: { population: 0.5, usage: 0.4 } } }, [['error', 'weights_sum', 'allocationKey.weights']]],
      ['revenues above the cost', { ...BASE, revenues: [{ label: 'CAF', kind: 'caf', amountCents: 9_000_000 }] }, [['warning', 'nothing_to_allocate', 'allocationKey']]],
    ];
    for (const [name, content, expected] of table) {
      const inputs = name.startsWith('AC deduction') ? { ...INPUTS, epci: { ...INPUTS.epci, fiscalRegime: 'FA' as const } } : INPUTS;
      expect(codes(content, inputs), name).toEqual(expected);
    }
  });

  it('an override wins over the diagnostic, says where it comes from, and marks what is derived from it', () => {
    const c: ScenarioContent = {
      ...BASE,
      instrument: 'entente',
      financingMode: 'remboursement',
      communes: [...BASE.communes, { communeId: 'C', overrides: { currentOperatingCents: { value: 0, source: 'Pas de service' }, currentRevenueCents: { value: 0, source: 'Pas de service' }, population: { value: 350, source: 'Recensement 2025' } } }],
      allocationKey: { kind: 'cout_historique' },
    };
    const f = computeScenarioFigures(c, INPUTS);
    expect(f.communes[2]).toMatchObject({ population: 350, historicalCostCents: 0, usageUnits: 0, sources: { population: 'saisie', currentOperatingCents: 'saisie', historicalCostCents: 'saisie', usageUnits: 'diagnostic', acCents: 'manquant' }, overrideSources: { population: 'Recensement 2025', currentOperatingCents: 'Pas de service' } });
    expect(f.allocation!.communes.map((x) => x.contributionCents)).toEqual([4_142_857, 1_657_143, 0]);
  });

  it('ruleViolations reports only legal and organisational problems (what the API refuses to store)', () => {
    expect(ruleViolations({ ...BASE, allocationKey: { kind: 'mixte', weights: { population: 0.2 } } }, INPUTS)).toEqual([]);
    expect(ruleViolations({ ...BASE, managingBody: { kind: 'commune', communeId: 'A', name: 'Amont' } }, INPUTS).map((v) => v.code)).toEqual(['managing_body_must_be_epci']);
  });
});
