import { describe, it, expect } from 'vitest';
import { allocate, type Allocation } from '../../../shared/scenarios/allocation.js';
import { compareScenarios, type ScenarioForComparison } from '../../../shared/scenarios/comparison.js';
import { costModel, type CostModel } from '../../../shared/scenarios/cost-model.js';
import { checkScenario } from '../../../shared/scenarios/instruments.js';
import { COMMUNES, PROJECTED } from './fixtures.js';

const unwrap = <T>(o: { ok: true; value: T } | { ok: false }): T => {
  if (!o.ok) throw new Error('unexpected refusal');
  return o.value;
};

const members = COMMUNES.slice(0, 2);
const allocationFor = (cost: CostModel, totalCents = cost.projected.netCents): Allocation =>
  unwrap(
    allocate({
      totalCents,
      key: { kind: 'population' },
      communes: cost.current.byCommune.map((c) => ({ insee: c.insee, name: c.name, population: COMMUNES.find((x) => x.insee === c.insee)!.population, currentSpendingCents: c.netCents })),
    }),
  );

// A: service commun of the two member communes, one communal post kept in Mons.
const costA = unwrap(costModel({ communes: members, projected: { ...PROJECTED, equipment: PROJECTED.equipment.filter((e) => e.communeInsee !== '38999' && e.runningCostCents !== null) } }));
const A: ScenarioForComparison = {
  id: 'A',
  label: 'Service commun',
  instrument: 'service_commun',
  cost: costA,
  allocation: allocationFor(costA),
  violations: checkScenario({ instrument: 'service_commun', structure: { kind: 'epci_fp', fiscalRegime: 'FPU' }, structureIsParty: true, communes: [{ insee: '01001', name: 'Mons', member: true }, { insee: '01002', name: 'Arly', member: true }] }),
};
// B: entente with the outside commune, every post at the EPCI, more expensive; drawn as a service commun by mistake.
const costB = unwrap(
  costModel({
    communes: COMMUNES,
    projected: { posts: [{ label: 'Équipe', employer: 'epci', count: 5, etpPerPost: 1, loadedCostCents: 4_000_000 }], equipment: [{ id: 'e1', label: 'MJ', communeInsee: '01001', fate: 'conserve', runningCostCents: 800_000 }] },
  }),
);
const B: ScenarioForComparison = {
  id: 'B',
  label: 'Tout intercommunal',
  instrument: 'service_commun',
  cost: costB,
  allocation: allocationFor(costB, 20_000_000),
  violations: checkScenario({ instrument: 'service_commun', structure: { kind: 'epci_fp', fiscalRegime: 'FPU' }, structureIsParty: true, communes: [{ insee: '01001', name: 'Mons', member: true }, { insee: '38999', name: 'Dehors', member: false }] }),
};
const C: ScenarioForComparison = { id: 'C', label: 'Sans clé', instrument: 'entente', cost: costB, allocation: null };

describe('scenario comparison', () => {
  it('lines up cost, per inhabitant, ETP by employer and equipment', () => {
    const cmp = unwrap(compareScenarios([A, B]));
    expect(cmp.scenarios).toEqual([
      { id: 'A', label: 'Service commun', instrument: 'service_commun', instrumentLabel: 'Service commun', yearlyCostCents: 15_883_334, netCents: 12_383_334, netPerInhabitantCents: 8256, deltaNetCents: -1_616_666, etp: { epci: 3.4, commune: 0.5, total: 3.9 }, equipment: { conserve: 1, ferme: 0, partage: 1 }, blocking: false },
      { id: 'B', label: 'Tout intercommunal', instrument: 'service_commun', instrumentLabel: 'Service commun', yearlyCostCents: 20_800_000, netCents: 20_800_000, netPerInhabitantCents: 11_556, deltaNetCents: 6_800_000, etp: { epci: 5, commune: 0, total: 5 }, equipment: { conserve: 1, ferme: 0, partage: 0 }, blocking: true },
    ]);
    // B is cheaper than nothing: it is illegal as drawn, so A is the cheapest eligible one.
    expect(cmp.cheapestId).toBe('A');
  });

  it('shows each commune contribution and delta, null where the commune is not in the scenario', () => {
    const cmp = unwrap(compareScenarios([A, B]));
    expect(cmp.communes).toEqual([
      { insee: '01001', name: 'Mons', byScenario: { A: { contributionCents: 8_255_556, deltaCents: -1_744_444 }, B: { contributionCents: 11_111_111, deltaCents: 1_111_111 } } },
      { insee: '01002', name: 'Arly', byScenario: { A: { contributionCents: 4_127_778, deltaCents: 127_778 }, B: { contributionCents: 5_555_556, deltaCents: 1_555_556 } } },
      { insee: '38999', name: 'Dehors', byScenario: { A: null, B: { contributionCents: 3_333_333, deltaCents: null } } },
    ]);
  });

  it('warns on what deserves a debate', () => {
    const cmp = unwrap(compareScenarios([A, B, C]));
    expect(cmp.warnings.map((w) => `${w.scenarioId}:${w.code}`)).toEqual([
      'A:contribution_en_hausse',
      'B:aucun_poste_communal',
      'B:cout_en_hausse',
      'B:donnees_incompletes',
      'B:scenario_non_conforme',
      'B:repartition_ecart',
      'B:contribution_en_hausse',
      'C:aucun_poste_communal',
      'C:cout_en_hausse',
      'C:donnees_incompletes',
      'C:sans_repartition',
    ]);
    const none = cmp.warnings.find((w) => w.code === 'aucun_poste_communal')!;
    expect(none.message).toContain('aucun poste communal');
    expect(cmp.warnings.find((w) => w.code === 'cout_en_hausse')!.message).toContain('68\u202f000,00 €');
    expect(cmp.warnings.find((w) => w.scenarioId === 'A')!.message).toContain('Arly');
  });

  it.each([
    [[A], 'scenario_count'],
    [[A, B, C, { ...C, id: 'D' }, { ...C, id: 'E' }], 'scenario_count'],
    [[A, A], 'duplicate_scenario'],
  ] as [ScenarioForComparison[], string][])('refuses %#', (list, code) => {
    const out = compareScenarios(list);
    expect(out.ok ? 'ok' : out.errors[0].code).toBe(code);
  });

  it('accepts four scenarios', () => {
    expect(compareScenarios([A, B, C, { ...C, id: 'D' }]).ok).toBe(true);
  });
});
