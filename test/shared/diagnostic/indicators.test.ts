import { describe, it, expect } from 'vitest';
import { computeIndicators, sumKnown, pooledRatio, agentEtp, type IndicatorData } from '../../../shared/diagnostic/indicators.js';

const base = (): IndicatorData => ({
  communes: [
    { id: 'a', population: 2000 },
    { id: 'b', population: 1000 },
  ],
  declared: {},
  finances: [],
  services: [],
  usages: [],
  agents: [],
  equipments: [],
});
const agent = (communeId: string, quotitePct: number | null, serviceSharePct: number | null, category: 'A' | 'B' | 'C' | null = 'C', annualCostCents: number | null = null) => ({
  communeId, quotitePct, serviceSharePct, category, annualCostCents,
});
const service = (id: string, communeId: string, o: Partial<IndicatorData['services'][number]> = {}) => ({
  id, communeId, operatingBudgetCents: null, investmentBudgetCents: null, investmentYearlyGainCents: null, cafRevenueCents: null, otherRevenueCents: null, usageUnit: null, ...o,
});
const equipment = (communeId: string, type: IndicatorData['equipments'][number]['type'], capacity: number | null, occupancyPct: number | null = null) => ({
  communeId, type, capacity, occupancyPct, runningCostCents: null,
});
const commune = (res: ReturnType<typeof computeIndicators>, id: string) => res.communes.find((c) => c.communeId === id)!;

describe('helpers', () => {
  it.each([
    [[], false, null],
    [[], true, 0],
    [[null, null], true, null],
    [[1, null, 2], false, 3],
  ] as const)('sumKnown(%j, %s) = %s', (values, zero, v) => expect(sumKnown([...values], zero)).toBe(v));
  it.each([
    [[[10, 100]], 1, 0.1],
    [[[10, 100], [null, 900]], 1, 0.1],
    [[[10, 0]], 1, null],
    [[[10, null]], 1, null],
    [[[1, 3], [1, 1]], 1000, 500],
  ] as const)('pooledRatio(%j, %s) = %s', (pairs, f, v) => expect(pooledRatio(pairs.map((p) => [...p] as [number | null, number | null]), f)).toBe(v));
  it.each([
    [100, 100, 1],
    [80, 50, 0.4],
    [null, 50, null],
    [100, null, null],
    [0, 100, 0],
  ] as const)('agentEtp(quotité %s, part %s) = %s', (q, s, v) => expect(agentEtp({ quotitePct: q, serviceSharePct: s })).toBe(v));
});

describe('ETP', () => {
  const cases: [string, (d: IndicatorData) => void, { a: [number | null, number | null]; epci: [number | null, number | null] }][] = [
    ['nothing entered: unknown, not zero', () => {}, { a: [null, null], epci: [null, null] }],
    ['agents section declared empty: zero', (d) => (d.declared.a = { agents: true }), { a: [0, 0], epci: [0, 0] }],
    ['two agents', (d) => d.agents.push(agent('a', 100, 100), agent('a', 80, 50)), { a: [1.4, 0.7], epci: [1.4, 0.7] }],
    ['rounding to 2 decimals', (d) => d.agents.push(agent('a', 33.33, 100), agent('a', 33.33, 100), agent('a', 33.34, 100)), { a: [1, 0.5], epci: [1, 0.5] }],
    ['an agent without quotité is left out and counted as a gap', (d) => d.agents.push(agent('a', 100, 100), agent('a', null, 100)), { a: [1, 0.5], epci: [1, 0.5] }],
    ['only agents without quotité: unknown', (d) => d.agents.push(agent('a', null, 100)), { a: [null, null], epci: [null, null] }],
    ['EPCI per 1,000 counts only communes whose ETP is known', (d) => d.agents.push(agent('a', 100, 100), agent('b', 100, 100), agent('b', 100, 100)), { a: [1, 0.5], epci: [3, 1] }],
  ];
  it.each(cases)('%s', (_n, setup, expected) => {
    const d = base();
    setup(d);
    const res = computeIndicators(d);
    expect([commune(res, 'a').etp, commune(res, 'a').etpPer1000]).toEqual(expected.a);
    expect([res.epci.etp, res.epci.etpPer1000]).toEqual(expected.epci);
  });

  it('by category, with unknown categories apart, and gaps listed', () => {
    const d = base();
    d.agents.push(agent('a', 100, 100, 'A'), agent('a', 50, 100, 'C'), agent('a', 100, 100, null), agent('a', null, 100, 'B'));
    const a = commune(computeIndicators(d), 'a');
    expect(a.etpByCategory).toEqual({ A: 1, B: null, C: 0.5, inconnue: 1 });
    expect(a.gaps).toMatchObject({ etp: 1, category: 1 });
    expect(a.agentCount).toBe(4);
  });

  it('zero or unknown population gives no ratio (never Infinity)', () => {
    const d = base();
    d.communes = [{ id: 'a', population: 0 }, { id: 'b', population: null }];
    d.agents.push(agent('a', 100, 100), agent('b', 100, 100));
    const res = computeIndicators(d);
    expect(commune(res, 'a').etpPer1000).toBeNull();
    expect(commune(res, 'b').etpPer1000).toBeNull();
    expect(res.epci.etpPer1000).toBeNull();
    expect(res.epci.etp).toBe(2);
    expect(res.epci.population).toBe(0);
  });
});

describe('spending, revenues, cost per inhabitant and per unit', () => {
  it.each<[string, Partial<IndicatorData['services'][number]>[], Record<string, number | null>]>([
    ['no service: unknown', [], { operatingCents: null, netCostCents: null, costPerInhabitantCents: null }],
    ['one service', [{ operatingBudgetCents: 10_000_000, cafRevenueCents: 3_000_000, otherRevenueCents: 1_000_000, investmentBudgetCents: 500_000 }], { operatingCents: 10_000_000, investmentCents: 500_000, revenueCents: 4_000_000, netCostCents: 6_000_000, costPerInhabitantCents: 5000, netCostPerInhabitantCents: 3000 }],
    ['revenues unknown: no net cost', [{ operatingBudgetCents: 10_000_000 }], { operatingCents: 10_000_000, revenueCents: null, netCostCents: null, netCostPerInhabitantCents: null }],
    ['less than half a cent per inhabitant rounds to 0 (999 cents / 2 000 hab.)', [{ operatingBudgetCents: 999, cafRevenueCents: 0, otherRevenueCents: 0 }], { costPerInhabitantCents: 0, netCostPerInhabitantCents: 0 }],
    ['exactly half a cent rounds away from zero (1 000 cents / 2 000 hab.)', [{ operatingBudgetCents: 1000 }], { costPerInhabitantCents: 1 }],
    ['net cost may be negative and rounds away from zero', [{ operatingBudgetCents: 0, cafRevenueCents: 1000, otherRevenueCents: 0 }], { netCostCents: -1000, netCostPerInhabitantCents: -1 }],
  ])('%s', (_n, services, expected) => {
    const d = base();
    services.forEach((s, i) => d.services.push(service(`s${i}`, 'a', s)));
    expect(commune(computeIndicators(d), 'a')).toMatchObject(expected);
  });

  it('services declared complete with none: zero spending', () => {
    const d = base();
    d.declared.b = { services: true };
    const b = commune(computeIndicators(d), 'b');
    expect([b.operatingCents, b.revenueCents, b.netCostCents, b.costPerInhabitantCents]).toEqual([0, 0, 0, 0]);
  });

  it('a revenue partly given counts what is known and flags a gap', () => {
    const d = base();
    d.services.push(service('s', 'a', { operatingBudgetCents: 1000, cafRevenueCents: 400 }));
    const a = commune(computeIndicators(d), 'a');
    expect([a.revenueCents, a.netCostCents, a.gaps.revenue]).toEqual([400, 600, 1]);
  });

  it('cost per unit of usage, by unit, over services whose net cost and usage are known', () => {
    const d = base();
    d.services.push(
      service('alsh', 'a', { operatingBudgetCents: 1_000_000, cafRevenueCents: 200_000, otherRevenueCents: 100_000, usageUnit: 'journee_enfant' }),
      service('ados', 'b', { operatingBudgetCents: 500_000, cafRevenueCents: 0, otherRevenueCents: 0, usageUnit: 'journee_enfant' }),
      service('pij', 'a', { operatingBudgetCents: 300_000, usageUnit: 'passage' }),
    );
    d.usages.push({ serviceId: 'alsh', units: 2000 }, { serviceId: 'alsh', units: 1000 }, { serviceId: 'ados', units: 1000 }, { serviceId: 'pij', units: 50 });
    const res = computeIndicators(d);
    expect(commune(res, 'a').costPerUnit).toEqual([{ unit: 'journee_enfant', units: 3000, netCostCents: 700_000, costPerUnitCents: 233 }]);
    expect(res.epci.costPerUnit).toEqual([{ unit: 'journee_enfant', units: 4000, netCostCents: 1_200_000, costPerUnitCents: 300 }]);
  });

  it('EPCI cost per inhabitant divides by the population of communes with known spending only', () => {
    const d = base();
    d.services.push(service('s', 'a', { operatingBudgetCents: 2_000_000 }));
    expect(computeIndicators(d).epci.costPerInhabitantCents).toBe(1000);
  });
});

describe('equipment', () => {
  it('count, capacity per 1,000, average occupancy, places per 100 under 3', () => {
    const d = base();
    d.equipments.push(equipment('a', 'maison_jeunes', 40, 50), equipment('a', 'eaje', 30, 90), equipment('b', 'gymnase', null, null));
    d.finances.push({ communeId: 'a', acCents: null, operatingRevenueCents: null, childrenUnder3: 60 });
    const res = computeIndicators(d);
    expect(commune(res, 'a')).toMatchObject({ equipmentCount: 2, equipmentCapacity: 70, capacityPer1000: 35, averageOccupancyPct: 70, eajePlaces: 30, placesPer100Under3: 50 });
    expect(commune(res, 'b')).toMatchObject({ equipmentCount: 1, equipmentCapacity: null, capacityPer1000: null, averageOccupancyPct: null, eajePlaces: null, placesPer100Under3: null });
    expect(commune(res, 'b').gaps).toMatchObject({ capacity: 1, occupancy: 1 });
    expect(res.epci).toMatchObject({ equipmentCount: 3, equipmentCapacity: 70, capacityPer1000: 35, averageOccupancyPct: 70, placesPer100Under3: 50 });
  });

  it.each<[string, number | null, boolean, number | null]>([
    ['children under 3 not provided', null, true, null],
    ['zero children under 3', 0, true, null],
    ['no EAJE and equipment declared complete', 40, true, 0],
    ['no EAJE, equipment not declared', 40, false, null],
  ])('places per 100 children under 3: %s', (_n, under3, declared, expected) => {
    const d = base();
    if (declared) d.declared.a = { equipements: true };
    d.finances.push({ communeId: 'a', acCents: null, operatingRevenueCents: null, childrenUnder3: under3 });
    expect(commune(computeIndicators(d), 'a').placesPer100Under3).toBe(expected);
  });

  it('rounds occupancy to one decimal', () => {
    const d = base();
    d.equipments.push(equipment('a', 'autre', 1, 33.33), equipment('a', 'autre', 1, 33.34), equipment('a', 'autre', 1, 50));
    expect(commune(computeIndicators(d), 'a').averageOccupancyPct).toBe(38.9);
  });
});

describe('return on investment (yearly gain ÷ one-off cost)', () => {
  it.each<[string, Partial<IndicatorData['services'][number]>[], [number | null, number | null, number | null, number | null]]>([
    ['no investment', [{}], [null, null, null, null]],
    ['investment without estimated gain', [{ investmentBudgetCents: 1_000_000 }], [null, null, null, null]],
    ['minibus 30 000 € saving 6 000 € a year', [{ investmentBudgetCents: 3_000_000, investmentYearlyGainCents: 600_000 }], [3_000_000, 600_000, 20, 5]],
    ['gain of zero: no payback', [{ investmentBudgetCents: 1_000_000, investmentYearlyGainCents: 0 }], [1_000_000, 0, 0, null]],
    ['two services pooled, rounding to 1 decimal', [{ investmentBudgetCents: 1_000_000, investmentYearlyGainCents: 100_000 }, { investmentBudgetCents: 2_000_000, investmentYearlyGainCents: 0 }], [3_000_000, 100_000, 3.3, 30]],
  ])('%s', (_n, services, [inv, gain, roi, payback]) => {
    const d = base();
    services.forEach((s, i) => d.services.push(service(`s${i}`, 'a', s)));
    const a = commune(computeIndicators(d), 'a');
    expect([a.investmentWithGainCents, a.yearlyGainCents, a.roiPct, a.paybackYears]).toEqual([inv, gain, roi, payback]);
  });
});

describe('finances', () => {
  it('AC may be negative; the net cost weighs in the operating revenue', () => {
    const d = base();
    d.finances.push({ communeId: 'a', acCents: -5_000_000, operatingRevenueCents: 200_000_000, childrenUnder3: null });
    d.services.push(service('s', 'a', { operatingBudgetCents: 3_000_000, cafRevenueCents: 1_000_000, otherRevenueCents: 0 }));
    const res = computeIndicators(d);
    expect(commune(res, 'a')).toMatchObject({ acCents: -5_000_000, operatingRevenueCents: 200_000_000, netCostShareOfRevenuePct: 1 });
    expect(commune(res, 'b')).toMatchObject({ acCents: null, operatingRevenueCents: null, netCostShareOfRevenuePct: null });
    expect(res.epci.coverage).toEqual({ communes: 2, agents: 0, spending: 1, equipment: 0 });
  });

  it('staff cost counts the share of time on the service', () => {
    const d = base();
    d.agents.push(agent('a', 100, 50, 'B', 4_000_001), agent('a', 100, 100, 'C', null));
    const a = commune(computeIndicators(d), 'a');
    expect(a.staffCostCents).toBe(2_000_001);
    expect(a.gaps.staffCost).toBe(1);
  });
});
