/**
 * Everything the generated texts and annexes read: the retained scenario with its computed cost and allocation,
 * the parties and the diagnostic records of the perimeter. A server adapter builds it from the database; the text
 * and annex builders are pure functions of it, so they are tested without a database.
 */
import type { Allocation, AllocationKey } from '../scenarios/allocation.js';
import { KEY_BASIS_LABELS } from '../scenarios/allocation.js';
import type { CostModel, EquipmentFate } from '../scenarios/cost-model.js';
import type { Instrument, OtherPartyKind } from '../scenarios/instruments.js';
import type { FinancingMode } from '../scenarios/types.js';
import { centsToEuroText, round } from '../diagnostic/numbers.js';

/** A commune party to the convention. */
export type FactsCommune = { id: string; insee: string; name: string; population: number | null; member: boolean };

/** An agent of the diagnostic working for the service in a commune of the perimeter (vocabulary keys). */
export type FactsAgent = {
  communeName: string;
  jobTitle: string;
  employer: string;
  cadreEmplois: string | null;
  category: string | null;
  status: string | null;
  quotitePct: number | null;
  serviceSharePct: number | null;
};

/** An equipment of the diagnostic and what the scenario does with it (null: the scenario does not say). */
export type FactsEquipment = {
  communeName: string;
  name: string;
  type: string;
  address: string | null;
  capacity: number | null;
  areaM2: number | null;
  runningCostCents: number | null;
  fate: EquipmentFate | null;
};

/** A line of the target organisation. */
export type FactsPost = {
  label: string;
  employer: 'epci' | 'commune';
  communeName: string | null;
  category: 'A' | 'B' | 'C' | null;
  count: number;
  etpPerPost: number;
};

/** The inputs of every generated text of a project (cadre, convention, fiche d'impact, avenant). */
export type ConventionFacts = {
  project: { title: string; serviceLabel: string };
  territory: { name: string; siren: string; nature: string; fiscalRegime: string };
  scenario: {
    id: string;
    title: string;
    summary: string;
    instrument: Instrument;
    epciParty: boolean;
    managingBodyName: string;
    financingMode: FinancingMode | null;
    allocationKey: AllocationKey | null;
    otherParties: { kind: OtherPartyKind; name: string }[];
  };
  /** The arbitration that retained the scenario (date YYYY-MM-DD and body), when recorded. */
  arbitration: { date: string; bodyLabel: string } | null;
  communes: FactsCommune[];
  posts: FactsPost[];
  cost: CostModel | null;
  allocation: Allocation | null;
  /** Why the allocation could not be computed (French sentences), when it is null. */
  allocationErrors: string[];
  agents: FactsAgent[];
  equipment: FactsEquipment[];
  missions: string[];
  /** Date of generation, YYYY-MM-DD. */
  today: string;
};

/** « 12 345,00 € » (narrow no-break spaces, a no-break space before €: it never wraps alone), or « — ». */
export function euros(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '—' : `${centsToEuroText(cents, true)}\u00a0€`;
}

/** « 12 345 » with French grouping, or « — ». */
export function count(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const [int, frac] = String(round(n, 2)).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}${frac ? `,${frac}` : ''}`;
}

/** « 15/09/2026 » from YYYY-MM-DD. */
export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** French description of an allocation key. */
export function keyLabel(key: AllocationKey | null): string {
  if (!key) return 'clé de répartition à définir';
  if (key.kind !== 'mixte') return KEY_BASIS_LABELS[key.kind].toLowerCase();
  const parts = Object.entries(key.weights)
    .filter(([, w]) => (w ?? 0) > 0)
    .map(([basis, w]) => `${KEY_BASIS_LABELS[basis as keyof typeof KEY_BASIS_LABELS].toLowerCase()} (${count(round((w ?? 0) * 100, 2))} %)`);
  return `clé mixte : ${parts.join(', ')}`;
}

/** Total population of the parties (null when one is unknown). */
export function totalPopulation(communes: readonly FactsCommune[]): number | null {
  return communes.some((c) => c.population === null) ? null : communes.reduce((a, c) => a + (c.population ?? 0), 0);
}
