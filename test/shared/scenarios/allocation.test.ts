import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate, largestRemainder, unitCostReimbursement, type AllocationCommune, type AllocationInput } from '../../../shared/scenarios/allocation.js';

const c = (insee: string, population: number | null, extra: Partial<AllocationCommune> = {}): AllocationCommune => ({ insee, name: `C${insee}`, population, ...extra });
const amounts = (input: AllocationInput) => {
  const out = allocate(input);
  if (!out.ok) throw new Error(out.errors.map((e) => e.code).join());
  return out.value.communes.map((x) => x.contributionCents);
};
const codes = (input: AllocationInput) => {
  const out = allocate(input);
  return out.ok ? [] : out.errors.map((e) => `${e.code}@${e.field}`);
};

describe('allocation keys: cents add up exactly', () => {
  const table: [string, number, AllocationCommune[], AllocationInput['key'], number[]][] = [
    ['100 001 over 3 equal populations: ties to the smaller INSEE codes', 100_001, [c('01003', 1000), c('01001', 1000), c('01002', 1000)], { kind: 'population' }, [33_333, 33_334, 33_334]],
    ['100 001 over 500/300/200: the 0,5 cent goes to the largest remainder', 100_001, [c('01001', 500), c('01002', 300), c('01003', 200)], { kind: 'population' }, [50_001, 30_000, 20_000]],
    ['2 cents over 3 communes', 2, [c('01001', 1), c('01002', 1), c('01003', 1)], { kind: 'population' }, [1, 1, 0]],
    ['zero population gets zero', 1000, [c('01001', 0), c('01002', 700), c('01003', 300)], { kind: 'population' }, [0, 700, 300]],
    ['zero total', 0, [c('01001', 10), c('01002', 20)], { kind: 'population' }, [0, 0]],
    ['usage units, decimals allowed', 10_000, [c('01001', 1, { usageUnits: 12.5 }), c('01002', 1, { usageUnits: 37.5 })], { kind: 'usage' }, [2500, 7500]],
    ['a commune without users pays nothing', 999, [c('01001', 500, { usageUnits: 0 }), c('01002', 500, { usageUnits: 3 })], { kind: 'usage' }, [0, 999]],
    ['historical cost', 200_000, [c('01001', 1, { historicalCostCents: 300_000 }), c('01002', 1, { historicalCostCents: 100_000 })], { kind: 'cout_historique' }, [150_000, 50_000]],
    ['mix 50 % population / 50 % usage', 100_000, [c('01001', 600, { usageUnits: 10 }), c('01002', 400, { usageUnits: 30 })], { kind: 'mixte', weights: { population: 0.5, usage: 0.5 } }, [42_500, 57_500]],
    ['mix 0,1 / 0,2 / 0,7 sums to exactly 1 (no floating drift)', 1_000_000, [c('01001', 1, { usageUnits: 0, historicalCostCents: 0 }), c('01002', 1, { usageUnits: 1, historicalCostCents: 1 })], { kind: 'mixte', weights: { population: 0.1, usage: 0.2, cout_historique: 0.7 } }, [50_000, 950_000]],
    ['mix with a zero weight does not need that data', 301, [c('01001', 1), c('01002', 2)], { kind: 'mixte', weights: { population: 1, usage: 0 } }, [100, 201]],
    ['huge total and populations stay exact', 99_999_999_999, [c('75056', 2_100_000), c('13055', 870_000), c('69123', 520_000)], { kind: 'population' }, [60_171_919_770, 24_928_366_762, 14_899_713_467]],
  ];
  it.each(table)('%s', (_name, totalCents, communes, key, expected) => {
    const got = amounts({ totalCents, communes, key });
    expect(got).toEqual(expected);
    expect(got.reduce((a, b) => a + b, 0)).toBe(totalCents);
  });
});

describe('allocation refusals', () => {
  const table: [string, AllocationInput, string[]][] = [
    ['missing usage is an explicit error', { totalCents: 100, key: { kind: 'usage' }, communes: [c('01001', 1, { usageUnits: 4 }), c('01002', 1)] }, ['usage_missing@communes[1].usageUnits']],
    ['missing population', { totalCents: 100, key: { kind: 'population' }, communes: [c('01001', null), c('01002', 1)] }, ['population_missing@communes[0].population']],
    ['missing historical cost', { totalCents: 100, key: { kind: 'cout_historique' }, communes: [c('01001', 1, { historicalCostCents: null })] }, ['cout_historique_missing@communes[0].historicalCostCents']],
    ['all populations zero', { totalCents: 100, key: { kind: 'population' }, communes: [c('01001', 0), c('01002', 0)] }, ['key_total_zero@key.population']],
    ['negative usage', { totalCents: 100, key: { kind: 'usage' }, communes: [c('01001', 1, { usageUnits: -2 })] }, ['value_invalid@communes[0].usageUnits']],
    ['weights summing to 0,9', { totalCents: 100, key: { kind: 'mixte', weights: { population: 0.6, usage: 0.3 } }, communes: [c('01001', 1, { usageUnits: 1 })] }, ['weights_sum@key.weights']],
    ['weight above 1', { totalCents: 100, key: { kind: 'mixte', weights: { population: 1.2, usage: -0.2 } }, communes: [c('01001', 1, { usageUnits: 1 })] }, ['weight_invalid@key.weights.population', 'weight_invalid@key.weights.usage']],
    ['unknown basis', { totalCents: 100, key: { kind: 'mixte', weights: { population: 1, superficie: 0 } as never }, communes: [c('01001', 1)] }, ['weight_unknown_basis@key.weights.superficie']],
    ['fractional total', { totalCents: 10.5, key: { kind: 'population' }, communes: [c('01001', 1)] }, ['total_invalid@totalCents']],
    ['negative total', { totalCents: -1, key: { kind: 'population' }, communes: [c('01001', 1)] }, ['total_invalid@totalCents']],
    ['no commune', { totalCents: 1, key: { kind: 'population' }, communes: [] }, ['no_communes@communes']],
    ['AC deduction for an FA EPCI', { totalCents: 1, key: { kind: 'population' }, communes: [c('01001', 1)], financingMode: 'imputation_ac', fiscalRegime: 'FA' }, ['ac_deduction_requires_fpu@financingMode']],
    ['AC deduction without a known regime', { totalCents: 1, key: { kind: 'population' }, communes: [c('01001', 1)], financingMode: 'imputation_ac' }, ['ac_deduction_requires_fpu@financingMode']],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('per-commune figures', () => {
  it('delta, per inhabitant, % of AC and of operating revenue (null when missing or not positive)', () => {
    const out = allocate({
      totalCents: 100_001,
      key: { kind: 'population' },
      communes: [
        c('01001', 500, { currentSpendingCents: 40_000, acCents: 1_000_000, operatingRevenueCents: 5_000_000 }),
        c('01002', 300, { acCents: -20_000, operatingRevenueCents: null }),
        c('01003', 200, { currentSpendingCents: 25_000 }),
      ],
    });
    expect(out.ok && out.value.communes).toEqual([
      { insee: '01001', name: 'C01001', contributionCents: 50_001, sharePct: 50, currentSpendingCents: 40_000, deltaCents: 10_001, costPerInhabitantCents: 100, pctOfAc: 5, pctOfOperatingRevenue: 1, acAfterCents: null },
      { insee: '01002', name: 'C01002', contributionCents: 30_000, sharePct: 30, currentSpendingCents: null, deltaCents: null, costPerInhabitantCents: 100, pctOfAc: null, pctOfOperatingRevenue: null, acAfterCents: null },
      { insee: '01003', name: 'C01003', contributionCents: 20_000, sharePct: 20, currentSpendingCents: 25_000, deltaCents: -5_000, costPerInhabitantCents: 100, pctOfAc: null, pctOfOperatingRevenue: null, acAfterCents: null },
    ]);
  });

  it('deduction from the AC (FPU): AC after deduction, warnings when it turns negative or is unknown', () => {
    const out = allocate({
      totalCents: 30_000,
      key: { kind: 'population' },
      financingMode: 'imputation_ac',
      fiscalRegime: 'FPU',
      communes: [c('01001', 1, { acCents: 100_000 }), c('01002', 1, { acCents: 5_000 }), c('01003', 1)],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.communes.map((x) => x.acAfterCents)).toEqual([90_000, -5_000, null]);
    expect(out.warnings.map((w) => `${w.code}@${w.field}`)).toEqual(['ac_becomes_negative@communes[1].acCents', 'ac_unknown@communes[2].acCents']);
  });

  it('largestRemainder breaks ties by INSEE code whatever the input order', () => {
    expect(largestRemainder(2, [2n, 2n, 2n], 3n, ['b', 'a', 'c'])).toEqual([1, 1, 0]);
    expect(largestRemainder(1, [1n, 1n], 2n, ['01002', '01001'])).toEqual([0, 1]);
  });
});

describe('property: allocations sum to the total and are non-negative', () => {
  const commune = fc.record({ population: fc.integer({ min: 0, max: 3_000_000 }), usage: fc.integer({ min: 0, max: 100_000 }), cost: fc.integer({ min: 0, max: 1_000_000_000 }) });
  it('for any key, total and perimeter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.array(commune, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (total, rows, a, b) => {
          // Keep every basis usable: at least one commune with a positive value for each.
          rows[0] = { population: rows[0].population + 1, usage: rows[0].usage + 1, cost: rows[0].cost + 1 };
          const [wp, wu] = [Math.min(a, 100 - Math.min(b, 100)), Math.min(b, 100)];
          const weights = { population: wp / 100, usage: wu / 100, cout_historique: (100 - wp - wu) / 100 };
          const communes = rows.map((r, i) => c(String(10_000 + i), r.population, { usageUnits: r.usage, historicalCostCents: r.cost }));
          for (const key of [{ kind: 'population' as const }, { kind: 'usage' as const }, { kind: 'cout_historique' as const }, { kind: 'mixte' as const, weights }]) {
            const got = amounts({ totalCents: total, communes, key });
            expect(got.reduce((x, y) => x + y, 0)).toBe(total);
            expect(got.every((x) => Number.isSafeInteger(x) && x >= 0)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reimbursement by unit cost (mise à disposition)', () => {
  it('unit cost × units used, rounded to the cent', () => {
    const out = unitCostReimbursement({ unitCostCents: 2_333.5, communes: [{ insee: '01001', name: 'Mons', units: 120 }, { insee: '01002', name: 'Arly', units: 0.5 }] });
    expect(out.ok && out.value).toEqual({
      totalCents: 281_187,
      communes: [
        { insee: '01001', name: 'Mons', units: 120, amountCents: 280_020 },
        { insee: '01002', name: 'Arly', units: 0.5, amountCents: 1_167 },
      ],
    });
  });
  it('missing units are an explicit error', () => {
    const out = unitCostReimbursement({ unitCostCents: 100, communes: [{ insee: '01001', name: 'Mons', units: null }] });
    expect(out.ok ? [] : out.errors.map((e) => `${e.code}@${e.field}`)).toEqual(['usage_missing@communes[0].units']);
  });
});
