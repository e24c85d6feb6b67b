import { describe, it, expect } from 'vitest';
import { costModel, type CostModelInput } from '../../../shared/scenarios/cost-model.js';
import { COMMUNES, PROJECTED } from './fixtures.js';

describe('cost model', () => {
  it('current versus projected cost, per inhabitant, ETP by employer, equipment fates and gaps', () => {
    const out = costModel({ communes: COMMUNES, projected: PROJECTED });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value).toEqual({
      population: 1800,
      current: {
        operatingCents: 17_000_000,
        revenueCents: 3_000_000,
        netCents: 14_000_000,
        // Σ known net ÷ population of the communes whose net is known (Dehors does not dilute it).
        netPerInhabitantCents: 9333,
        byCommune: [
          { insee: '01001', name: 'Mons', netCents: 10_000_000, netPerInhabitantCents: 10_000 },
          { insee: '01002', name: 'Arly', netCents: 4_000_000, netPerInhabitantCents: 8_000 },
          { insee: '38999', name: 'Dehors', netCents: null, netPerInhabitantCents: null },
        ],
      },
      projected: {
        staffCents: 14_400_000, // 4 500 000 + 3 × 0,8 × 3 500 000 + 0,5 × 3 000 000
        equipmentCents: 1_000_000, // kept and shared only; the closed one costs nothing
        otherRunningCents: 300_000,
        amortisationCents: 183_334, // 1 000 000 / 10 + round(250 001 / 3)
        yearlyCostCents: 15_883_334,
        revenueCents: 3_500_000,
        cafRevenueCents: 3_000_000,
        netCents: 12_383_334,
        netPerInhabitantCents: 6880,
        oneOffSeparateCents: 50_000,
        etp: { epci: 3.4, commune: 0.5, total: 3.9, byCommune: { '01001': 0.5 } },
        equipmentCounts: { conserve: 2, ferme: 1, partage: 1 },
      },
      deltaNetCents: -1_616_666,
      gaps: ['Dehors : dépenses de fonctionnement actuelles inconnues.', "Préfabriqué d'Arly : coût de fonctionnement inconnu."],
    });
  });

  it('nothing known today gives null current cost and delta, never 0', () => {
    const out = costModel({ communes: [{ insee: '01001', name: 'Mons', population: null, operatingCents: null, revenueCents: null }], projected: { posts: [], equipment: [] } });
    expect(out.ok && out.value.current).toMatchObject({ netCents: null, netPerInhabitantCents: null, operatingCents: null });
    expect(out.ok && out.value.deltaNetCents).toBe(null);
    expect(out.ok && out.value.projected.netPerInhabitantCents).toBe(null);
    expect(out.ok && out.value.projected.etp).toEqual({ epci: 0, commune: 0, total: 0, byCommune: {} });
  });

  const bad: [string, Partial<CostModelInput['projected']>, string[]][] = [
    ['fractional post count', { posts: [{ label: 'x', employer: 'epci', count: 1.5, etpPerPost: 1, loadedCostCents: 1 }] }, ['post_count_invalid@projected.posts[0].count']],
    ['ETP above 1 per post', { posts: [{ label: 'x', employer: 'epci', count: 1, etpPerPost: 1.5, loadedCostCents: 1 }] }, ['post_etp_invalid@projected.posts[0].etpPerPost']],
    ['ETP 0', { posts: [{ label: 'x', employer: 'epci', count: 1, etpPerPost: 0, loadedCostCents: 1 }] }, ['post_etp_invalid@projected.posts[0].etpPerPost']],
    ['cost in euros with decimals', { posts: [{ label: 'x', employer: 'epci', count: 1, etpPerPost: 1, loadedCostCents: 10.5 }] }, ['post_cost_invalid@projected.posts[0].loadedCostCents']],
    ['communal post of an unknown commune', { posts: [{ label: 'x', employer: 'commune', communeInsee: '99999', count: 1, etpPerPost: 1, loadedCostCents: 1 }] }, ['post_commune_unknown@projected.posts[0].communeInsee']],
    ['negative revenue', { revenues: [{ label: 'CAF', kind: 'caf', amountCents: -1 }] }, ['amount_invalid@projected.revenues[0].amountCents']],
    ['zero-year amortisation', { oneOffCosts: [{ label: 'Travaux', amountCents: 1, amortisationYears: 0 }] }, ['amortisation_invalid@projected.oneOffCosts[0].amortisationYears']],
  ];
  it.each(bad)('refuses %s', (_name, over, expected) => {
    const out = costModel({ communes: COMMUNES, projected: { posts: [], equipment: [], ...over } });
    expect(out.ok ? [] : out.errors.map((e) => `${e.code}@${e.field}`)).toEqual(expected);
  });
});
