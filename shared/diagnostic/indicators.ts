/**
 * Indicators of the diagnostic, per commune and for the whole perimeter (EPCI-wide), as pure functions.
 *
 * Rules, applied everywhere (and stated in the UI help, see `indicator-defs.ts`):
 * - Missing data stays missing: a value is `null` when nothing is known, never 0. A section without any record is
 *   « unknown » unless the commune declared it complete (submitted or validated): then it means « none » (0).
 * - A total over records where some lack the value sums the known ones and counts the others in `gaps`.
 * - A ratio per inhabitant over several communes is Σ numerators ÷ Σ populations of the communes whose numerator
 *   and population are known (a commune without data does not dilute the ratio).
 * - Money is in integer cents (rounded half away from zero); ETP to 2 decimals; other ratios to 1 decimal.
 * - ETP of an agent = quotité (% of a full time) × share of time on the service; both are needed.
 * - Net cost = operating spending − revenues (CAF and others); investment is not part of it.
 * - Return on investment (ROI, % per year) = yearly gain expected from the investments (net saving or added service
 *   value per year) ÷ their one-off cost × 100; payback (years) = one-off cost ÷ yearly gain. Only services that give
 *   both an investment (> 0) and a yearly gain count.
 */
import { round } from './numbers.js';
import type { BoardSection } from './sections.js';
import type { Category, EquipmentType, UsageUnit } from './vocab.js';

export type IndicatorData = {
  communes: { id: string; population: number | null }[];
  /** Board sections each commune declared complete (submitted or validated). */
  declared: Record<string, Partial<Record<BoardSection, boolean>>>;
  finances: { communeId: string; acCents: number | null; operatingRevenueCents: number | null; childrenUnder3: number | null }[];
  services: {
    id: string;
    communeId: string;
    operatingBudgetCents: number | null;
    investmentBudgetCents: number | null;
    investmentYearlyGainCents: number | null;
    cafRevenueCents: number | null;
    otherRevenueCents: number | null;
    usageUnit: UsageUnit | null;
  }[];
  usages: { serviceId: string; units: number | null }[];
  agents: { communeId: string; category: Category | null; quotitePct: number | null; serviceSharePct: number | null; annualCostCents: number | null }[];
  equipments: { communeId: string; type: EquipmentType; capacity: number | null; occupancyPct: number | null; runningCostCents: number | null }[];
};

export type GapKey = 'etp' | 'category' | 'staffCost' | 'operating' | 'investment' | 'revenue' | 'capacity' | 'occupancy' | 'runningCost';

export type CostPerUnit = { unit: UsageUnit; units: number; netCostCents: number; costPerUnitCents: number };

export type Indicators = {
  population: number | null;
  agentCount: number | null;
  etp: number | null;
  etpByCategory: Record<Category | 'inconnue', number | null>;
  etpPer1000: number | null;
  staffCostCents: number | null;
  operatingCents: number | null;
  investmentCents: number | null;
  revenueCents: number | null;
  cafRevenueCents: number | null;
  netCostCents: number | null;
  costPerInhabitantCents: number | null;
  netCostPerInhabitantCents: number | null;
  costPerUnit: CostPerUnit[];
  equipmentCount: number | null;
  equipmentCapacity: number | null;
  capacityPer1000: number | null;
  averageOccupancyPct: number | null;
  equipmentRunningCostCents: number | null;
  eajePlaces: number | null;
  placesPer100Under3: number | null;
  investmentWithGainCents: number | null;
  yearlyGainCents: number | null;
  roiPct: number | null;
  paybackYears: number | null;
  acCents: number | null;
  operatingRevenueCents: number | null;
  netCostShareOfRevenuePct: number | null;
  /** Records lacking a value an indicator needs, by indicator family. */
  gaps: Partial<Record<GapKey, number>>;
  /** Communes of the scope, and how many have data for staff, spending and equipment. */
  coverage: { communes: number; agents: number; spending: number; equipment: number };
};

export type IndicatorsResult = { communes: (Indicators & { communeId: string })[]; epci: Indicators };

/** Σ of the known values; null when none is known; 0 for an empty list only when `emptyMeansZero`. */
export function sumKnown(values: (number | null)[], emptyMeansZero = false): number | null {
  if (values.length === 0) return emptyMeansZero ? 0 : null;
  let total = 0;
  let any = false;
  for (const v of values) if (v !== null) ((total += v), (any = true));
  return any ? total : null;
}

/** Σ num ÷ Σ den over the pairs where both are known and den > 0, times `factor`; null when no pair qualifies. */
export function pooledRatio(pairs: [number | null, number | null][], factor = 1): number | null {
  let num = 0;
  let den = 0;
  for (const [a, b] of pairs) if (a !== null && b !== null && b > 0) ((num += a), (den += b));
  return den > 0 ? (num / den) * factor : null;
}

const r = (x: number | null, d: number) => (x === null ? null : round(x, d));
const countNull = (xs: unknown[]) => xs.filter((x) => x === null).length;

/** ETP spent on the service by one agent; null unless quotité and share are both known. */
export function agentEtp(a: { quotitePct: number | null; serviceSharePct: number | null }): number | null {
  return a.quotitePct === null || a.serviceSharePct === null ? null : (a.quotitePct / 100) * (a.serviceSharePct / 100);
}

function serviceRevenue(s: IndicatorData['services'][number]): number | null {
  return s.cafRevenueCents === null && s.otherRevenueCents === null ? null : (s.cafRevenueCents ?? 0) + (s.otherRevenueCents ?? 0);
}

function serviceNet(s: IndicatorData['services'][number]): number | null {
  const rev = serviceRevenue(s);
  return s.operatingBudgetCents === null || rev === null ? null : s.operatingBudgetCents - rev;
}

/** Quantities of one commune that the scope's totals and ratios are built from. */
function communeSums(data: IndicatorData, communeId: string) {
  const declared = data.declared[communeId] ?? {};
  const agents = data.agents.filter((a) => a.communeId === communeId);
  const services = data.services.filter((s) => s.communeId === communeId);
  const equipments = data.equipments.filter((e) => e.communeId === communeId);
  const finance = data.finances.find((f) => f.communeId === communeId);
  const agentsKnown = !!declared.agents || agents.length > 0;
  const etpOf = (cat: Category | null) => sumKnown(agents.filter((a) => a.category === cat).map(agentEtp), agentsKnown);
  const operating = sumKnown(services.map((s) => s.operatingBudgetCents), !!declared.services);
  const revenue = sumKnown(services.map(serviceRevenue), !!declared.services);
  return {
    agentCount: agentsKnown ? agents.length : null,
    etp: sumKnown(agents.map(agentEtp), !!declared.agents),
    etpByCategory: { A: etpOf('A'), B: etpOf('B'), C: etpOf('C'), inconnue: etpOf(null) },
    staffCost: sumKnown(agents.map((a) => (a.annualCostCents === null || a.serviceSharePct === null ? null : (a.annualCostCents * a.serviceSharePct) / 100)), !!declared.agents),
    operating,
    investment: sumKnown(services.map((s) => s.investmentBudgetCents), !!declared.services),
    revenue,
    caf: sumKnown(services.map((s) => s.cafRevenueCents), !!declared.services),
    net: operating === null || revenue === null ? null : operating - revenue,
    equipmentCount: declared.equipements || equipments.length > 0 ? equipments.length : null,
    capacity: sumKnown(equipments.map((e) => e.capacity), !!declared.equipements),
    runningCost: sumKnown(equipments.map((e) => e.runningCostCents), !!declared.equipements),
    eajePlaces: sumKnown(equipments.filter((e) => e.type === 'eaje').map((e) => e.capacity), !!declared.equipements),
    under3: finance?.childrenUnder3 ?? null,
    ac: finance?.acCents ?? null,
    operatingRevenue: finance?.operatingRevenueCents ?? null,
    gaps: {
      etp: countNull(agents.map(agentEtp)),
      category: countNull(agents.map((a) => a.category)),
      staffCost: agents.filter((a) => a.annualCostCents === null || a.serviceSharePct === null).length,
      operating: countNull(services.map((s) => s.operatingBudgetCents)),
      investment: countNull(services.map((s) => s.investmentBudgetCents)),
      revenue: services.filter((s) => s.cafRevenueCents === null || s.otherRevenueCents === null).length,
      capacity: countNull(equipments.map((e) => e.capacity)),
      occupancy: countNull(equipments.map((e) => e.occupancyPct)),
      runningCost: countNull(equipments.map((e) => e.runningCostCents)),
    } satisfies Record<GapKey, number>,
  };
}

type Sums = ReturnType<typeof communeSums>;

/** Indicators of a scope (one commune or several) from the per-commune sums and the scope's raw records. */
function scopeIndicators(data: IndicatorData, scope: { id: string; population: number | null }[], sums: Map<string, Sums>): Indicators {
  const ids = new Set(scope.map((c) => c.id));
  const per = scope.map((c) => ({ pop: c.population, s: sums.get(c.id)! }));
  const total = (pick: (s: Sums) => number | null) => sumKnown(per.map((p) => pick(p.s)));
  const perInhabitant = (pick: (s: Sums) => number | null, factor = 1) => pooledRatio(per.map((p) => [pick(p.s), p.pop]), factor);
  const services = data.services.filter((s) => ids.has(s.communeId));
  const equipments = data.equipments.filter((e) => ids.has(e.communeId));

  const costPerUnit: CostPerUnit[] = [];
  const units = new Map<string, number>();
  for (const u of data.usages) if (u.units !== null) units.set(u.serviceId, (units.get(u.serviceId) ?? 0) + u.units);
  for (const unit of [...new Set(services.map((s) => s.usageUnit).filter((u): u is UsageUnit => u !== null))]) {
    let net = 0;
    let n = 0;
    for (const s of services.filter((x) => x.usageUnit === unit)) {
      const sNet = serviceNet(s);
      const sUnits = units.get(s.id) ?? 0;
      if (sNet !== null && sUnits > 0) ((net += sNet), (n += sUnits));
    }
    if (n > 0) costPerUnit.push({ unit, units: round(n, 2), netCostCents: Math.round(net), costPerUnitCents: round(net / n) });
  }

  const withGain = services.filter((s) => (s.investmentBudgetCents ?? 0) > 0 && s.investmentYearlyGainCents !== null);
  const invest = withGain.length ? withGain.reduce((a, s) => a + s.investmentBudgetCents!, 0) : null;
  const gain = withGain.length ? withGain.reduce((a, s) => a + s.investmentYearlyGainCents!, 0) : null;
  const occupancies = equipments.map((e) => e.occupancyPct).filter((x): x is number => x !== null);
  const gaps: Partial<Record<GapKey, number>> = {};
  for (const p of per) for (const [k, v] of Object.entries(p.s.gaps)) if (v > 0) gaps[k as GapKey] = (gaps[k as GapKey] ?? 0) + v;
  const etp = total((s) => s.etp);
  const cat = (c: Category | 'inconnue') => r(total((s) => s.etpByCategory[c]), 2);

  return {
    population: sumKnown(scope.map((c) => c.population)),
    agentCount: total((s) => s.agentCount),
    etp: r(etp, 2),
    etpByCategory: { A: cat('A'), B: cat('B'), C: cat('C'), inconnue: cat('inconnue') },
    etpPer1000: r(perInhabitant((s) => s.etp, 1000), 2),
    staffCostCents: r(total((s) => s.staffCost), 0),
    operatingCents: total((s) => s.operating),
    investmentCents: total((s) => s.investment),
    revenueCents: total((s) => s.revenue),
    cafRevenueCents: total((s) => s.caf),
    netCostCents: total((s) => s.net),
    costPerInhabitantCents: r(perInhabitant((s) => s.operating), 0),
    netCostPerInhabitantCents: r(perInhabitant((s) => s.net), 0),
    costPerUnit,
    equipmentCount: total((s) => s.equipmentCount),
    equipmentCapacity: total((s) => s.capacity),
    capacityPer1000: r(perInhabitant((s) => s.capacity, 1000), 1),
    averageOccupancyPct: occupancies.length ? round(occupancies.reduce((a, b) => a + b, 0) / occupancies.length, 1) : null,
    equipmentRunningCostCents: total((s) => s.runningCost),
    eajePlaces: total((s) => s.eajePlaces),
    placesPer100Under3: r(pooledRatio(per.map((p) => [p.s.eajePlaces, p.s.under3]), 100), 1),
    investmentWithGainCents: invest,
    yearlyGainCents: gain,
    roiPct: invest !== null && gain !== null ? round((gain / invest) * 100, 1) : null,
    paybackYears: invest !== null && gain !== null && gain > 0 ? round(invest / gain, 1) : null,
    acCents: total((s) => s.ac),
    operatingRevenueCents: total((s) => s.operatingRevenue),
    netCostShareOfRevenuePct: r(pooledRatio(per.map((p) => [p.s.net, p.s.operatingRevenue]), 100), 1),
    gaps,
    coverage: {
      communes: scope.length,
      agents: per.filter((p) => p.s.etp !== null).length,
      spending: per.filter((p) => p.s.operating !== null).length,
      equipment: per.filter((p) => p.s.equipmentCount !== null).length,
    },
  };
}

/** Indicators of every commune and of the whole perimeter (the communes given). */
export function computeIndicators(data: IndicatorData): IndicatorsResult {
  const sums = new Map(data.communes.map((c) => [c.id, communeSums(data, c.id)]));
  return {
    communes: data.communes.map((c) => ({ communeId: c.id, ...scopeIndicators(data, [c], sums) })),
    epci: scopeIndicators(data, data.communes, sums),
  };
}
