/**
 * The indicators of the annual evaluation of a convention in force, recomputed from the data of the moment: the
 * perimeter, the projected cost of the retained scenario, the diagnostic figures of the parties (kept up to date
 * by the communes) and the progress of the action plan. Missing values stay missing (null), never 0.
 */
import type { Progress } from './action-plan.js';

/** One indicator line of an evaluation. */
export type EvaluationIndicator = { key: string; label: string; value: number | null; unit: 'eur' | 'pct' | 'count' | 'etp' | 'habitants' };

/** What the indicators are computed from. */
export type EvaluationInput = {
  parties: number;
  population: number | null;
  projectedNetCents: number | null;
  projectedNetPerInhabitantCents: number | null;
  /** Diagnostic figures of the parties today (comptes administratifs, agents). */
  actualNetCents: number | null;
  actualEtp: number | null;
  equipmentOccupancyPct: number | null;
  plan: Progress;
  withdrawals: number;
  avenants: number;
};

/** The indicator lines, in the order they are presented to the councils. */
export function evaluationIndicators(i: EvaluationInput): EvaluationIndicator[] {
  const gap = i.actualNetCents !== null && i.projectedNetCents !== null ? i.actualNetCents - i.projectedNetCents : null;
  return [
    { key: 'parties', label: 'Communes parties', value: i.parties, unit: 'count' },
    { key: 'population', label: 'Population couverte', value: i.population, unit: 'habitants' },
    { key: 'projected_net', label: 'Coût net prévu (scénario retenu)', value: i.projectedNetCents, unit: 'eur' },
    { key: 'projected_net_per_inhabitant', label: 'Coût net prévu par habitant', value: i.projectedNetPerInhabitantCents, unit: 'eur' },
    { key: 'actual_net', label: 'Coût net constaté (données des communes)', value: i.actualNetCents, unit: 'eur' },
    { key: 'net_gap', label: 'Écart constaté − prévu', value: gap, unit: 'eur' },
    { key: 'actual_etp', label: 'ETP constatés', value: i.actualEtp, unit: 'etp' },
    { key: 'occupancy', label: 'Taux d’occupation moyen des équipements', value: i.equipmentOccupancyPct, unit: 'pct' },
    { key: 'actions_total', label: 'Actions du plan', value: i.plan.total, unit: 'count' },
    { key: 'actions_done_pct', label: 'Actions terminées', value: i.plan.donePct, unit: 'pct' },
    { key: 'actions_late', label: 'Actions en retard', value: i.plan.late, unit: 'count' },
    { key: 'actions_budget', label: 'Budget des actions engagées', value: i.plan.budgetCents, unit: 'eur' },
    { key: 'avenants', label: 'Avenants d’adhésion adoptés', value: i.avenants, unit: 'count' },
    { key: 'withdrawals', label: 'Retraits', value: i.withdrawals, unit: 'count' },
  ];
}
