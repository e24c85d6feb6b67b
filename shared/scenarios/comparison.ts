/**
 * Side-by-side comparison of 2 to 4 scenarios for the élus: yearly cost, per inhabitant, ETP by employer,
 * equipment kept / closed / shared, each commune's contribution and its delta against today, and warnings.
 *
 * Inputs are already computed (`costModel`, `allocate`, `checkScenario`) so that a service can cache them; this
 * module only lines them up and points out what deserves a debate.
 */
import type { Allocation } from './allocation.js';
import type { CostModel, EquipmentFate } from './cost-model.js';
import { INSTRUMENT_DEFS, type Instrument } from './instruments.js';
import { error, warning, type Outcome, type Violation } from './types.js';
import { centsToEuroText } from '../diagnostic/numbers.js';

/** How many scenarios can be read side by side (more would not fit a slide or a table). */
export const COMPARISON_LIMITS = { min: 2, max: 4 } as const;

/** One scenario with its computed cost model, allocation and check. */
export type ScenarioForComparison = {
  id: string;
  label: string;
  instrument: Instrument;
  cost: CostModel;
  allocation?: Allocation | null;
  /** Output of `checkScenario`, to flag scenarios that are not legally possible as drawn. */
  violations?: readonly Violation[];
};

/** One column of the comparison table. */
export type ScenarioColumn = {
  id: string;
  label: string;
  instrument: Instrument;
  instrumentLabel: string;
  yearlyCostCents: number;
  netCents: number;
  netPerInhabitantCents: number | null;
  deltaNetCents: number | null;
  etp: { epci: number; commune: number; total: number };
  equipment: Record<EquipmentFate, number>;
  blocking: boolean;
};

/** One row per commune across the compared scenarios. */
export type CommuneRow = {
  insee: string;
  name: string;
  /** Per scenario id: null when the commune is not part of that scenario or it has no allocation yet. */
  byScenario: Record<string, { contributionCents: number; deltaCents: number | null } | null>;
};

/** A warning attached to the scenario it concerns. */
export type ScenarioWarning = Violation & { scenarioId: string };

/** The side-by-side table and its warnings. */
export type Comparison = {
  scenarios: ScenarioColumn[];
  communes: CommuneRow[];
  /** Scenario with the lowest projected net cost among those without blocking violations; null if none. */
  cheapestId: string | null;
  warnings: ScenarioWarning[];
};

const euros = (cents: number) => `${centsToEuroText(cents, true)} €`;

function scenarioWarnings(s: ScenarioForComparison): Violation[] {
  const out: Violation[] = [];
  const { cost } = s;
  if (cost.projected.etp.commune === 0) {
    out.push(warning('aucun_poste_communal', 'cost.projected.etp', `${s.label} : aucun poste communal ne subsiste ; tous les agents relèvent de l'EPCI (impact sur les agents et la proximité à débattre).`));
  }
  if (cost.deltaNetCents !== null && cost.deltaNetCents > 0) {
    out.push(warning('cout_en_hausse', 'cost.deltaNetCents', `${s.label} : le coût net annuel augmente de ${euros(cost.deltaNetCents)} par rapport à aujourd'hui.`));
  }
  if (cost.gaps.length) out.push(warning('donnees_incompletes', 'cost.gaps', `${s.label} : ${cost.gaps.length} donnée(s) manquante(s), les montants sont des minimums.`));
  const errors = (s.violations ?? []).filter((v) => v.severity === 'error');
  if (errors.length) out.push(warning('scenario_non_conforme', 'violations', `${s.label} : non conforme à l'instrument choisi (${errors.map((e) => e.code).join(', ')}).`));
  if (!s.allocation) {
    out.push(warning('sans_repartition', 'allocation', `${s.label} : aucune clé de répartition, la contribution de chaque commune n'est pas chiffrée.`));
  } else {
    if (s.allocation.totalCents !== cost.projected.netCents) {
      out.push(warning('repartition_ecart', 'allocation.totalCents', `${s.label} : la répartition porte sur ${euros(s.allocation.totalCents)} alors que le coût net projeté est de ${euros(cost.projected.netCents)}.`));
    }
    const payMore = s.allocation.communes.filter((c) => c.deltaCents !== null && c.deltaCents > 0);
    if (payMore.length) out.push(warning('contribution_en_hausse', 'allocation.communes', `${s.label} : ${payMore.map((c) => c.name).join(', ')} ${payMore.length > 1 ? 'paieraient' : 'paierait'} plus qu'aujourd'hui.`));
  }
  return out;
}

/** Lines up 2 to 4 scenarios; refuses fewer, more, or duplicate ids. */
export function compareScenarios(list: readonly ScenarioForComparison[]): Outcome<Comparison> {
  const { min, max } = COMPARISON_LIMITS;
  if (list.length < min || list.length > max) {
    return { ok: false, errors: [error('scenario_count', 'scenarios', `On compare de ${min} à ${max} scénarios (${list.length} reçus).`)] };
  }
  const ids = new Set(list.map((s) => s.id));
  if (ids.size !== list.length) return { ok: false, errors: [error('duplicate_scenario', 'scenarios', 'Le même scénario figure deux fois dans la comparaison.')] };

  const scenarios: ScenarioColumn[] = list.map((s) => ({
    id: s.id,
    label: s.label,
    instrument: s.instrument,
    instrumentLabel: INSTRUMENT_DEFS[s.instrument].label,
    yearlyCostCents: s.cost.projected.yearlyCostCents,
    netCents: s.cost.projected.netCents,
    netPerInhabitantCents: s.cost.projected.netPerInhabitantCents,
    deltaNetCents: s.cost.deltaNetCents,
    etp: { epci: s.cost.projected.etp.epci, commune: s.cost.projected.etp.commune, total: s.cost.projected.etp.total },
    equipment: { ...s.cost.projected.equipmentCounts },
    blocking: (s.violations ?? []).some((v) => v.severity === 'error'),
  }));

  // Union of the communes, in the order they first appear (scenarios may have different perimeters).
  const names = new Map<string, string>();
  for (const s of list) for (const c of s.cost.current.byCommune) if (!names.has(c.insee)) names.set(c.insee, c.name);
  for (const s of list) for (const c of s.allocation?.communes ?? []) if (!names.has(c.insee)) names.set(c.insee, c.name);
  const communes: CommuneRow[] = [...names].map(([insee, name]) => ({
    insee,
    name,
    byScenario: Object.fromEntries(
      list.map((s) => {
        const c = s.allocation?.communes.find((x) => x.insee === insee);
        return [s.id, c ? { contributionCents: c.contributionCents, deltaCents: c.deltaCents } : null];
      }),
    ),
  }));

  const eligible = scenarios.filter((s) => !s.blocking);
  const cheapest = eligible.reduce<ScenarioColumn | null>((best, s) => (best === null || s.netCents < best.netCents ? s : best), null);
  const warnings = list.flatMap((s) => scenarioWarnings(s).map((w) => ({ ...w, scenarioId: s.id })));
  return { ok: true, value: { scenarios, communes, cheapestId: cheapest?.id ?? null, warnings }, warnings };
}
