/**
 * The stored shape of a scenario (what the service keeps in its JSON columns and what the API reads and writes),
 * separate from the computations of `cost-model.ts`, `allocation.ts` and `instruments.ts`. Everything is plain
 * JSON: money in integer cents, commune references by id.
 */
import type { AllocationKey } from './allocation.js';
import type { Employer, EquipmentFate } from './cost-model.js';
import type { Instrument, OtherPartyKind } from './instruments.js';
import type { FinancingMode } from './types.js';

/** Life of a scenario: writers move brouillon ⇄ présenté; retenu / écarté only through the arbitration. */
export const SCENARIO_STATUSES = ['brouillon', 'presente', 'retenu', 'ecarte'] as const;
/** Status of a scenario. */
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** French labels of the statuses. */
export const SCENARIO_STATUS_LABELS: Record<ScenarioStatus, string> = {
  brouillon: 'Brouillon',
  presente: 'Présenté',
  retenu: 'Retenu',
  ecarte: 'Écarté',
};

/** Statuses decided by the arbitration: a scenario in one of them is frozen. */
export const DECIDED_STATUSES: readonly ScenarioStatus[] = ['retenu', 'ecarte'];

/** Who carries the pooled service. */
export const MANAGING_BODY_KINDS = ['epci', 'commune', 'autre'] as const;
/** Kind of the managing body. */
export type ManagingBodyKind = (typeof MANAGING_BODY_KINDS)[number];

/** French labels of the managing body kinds. */
export const MANAGING_BODY_KIND_LABELS: Record<ManagingBodyKind, string> = {
  epci: 'La communauté (EPCI)',
  commune: 'Une commune du périmètre (commune support)',
  autre: 'Une autre structure (syndicat, association…)',
};

/** The structure that carries (manages) the service: the EPCI, a commune of the perimeter, or another one. */
export type ManagingBody = { kind: ManagingBodyKind; communeId: string | null; name: string };

/** A figure entered by hand because the diagnostic lacks it (or is outdated), with where it comes from. */
export type Override = { value: number; source: string };

/** Figures of a commune that a scenario may override (money in cents; usage in the scenario's usage unit). */
export const OVERRIDE_FIELDS = [
  'population',
  'currentOperatingCents',
  'currentRevenueCents',
  'historicalCostCents',
  'usageUnits',
  'acCents',
  'operatingRevenueCents',
] as const;
/** One overridable figure. */
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];

/** French labels of the overridable figures. */
export const OVERRIDE_FIELD_LABELS: Record<OverrideField, string> = {
  population: 'Population',
  currentOperatingCents: 'Dépenses actuelles du service',
  currentRevenueCents: 'Recettes actuelles du service (CAF et autres)',
  historicalCostCents: 'Coût historique (clé de répartition)',
  usageUnits: 'Unités d’usage des habitants',
  acCents: 'Attribution de compensation',
  operatingRevenueCents: 'Recettes réelles de fonctionnement',
};

/** True when the figure is an amount of money (entered in euros, stored in cents). */
export const isMoneyField = (f: OverrideField) => f.endsWith('Cents');

/** A commune of the perimeter and the figures the scenario overrides for it. */
export type ScenarioCommune = { communeId: string; overrides: Partial<Record<OverrideField, Override>> };

/** A line of the target organisation: identical posts of one employer (EPCI or a commune of the perimeter). */
export type ScenarioPost = {
  /** Stable within the scenario, so that the form and the convention's annex can refer to a line. */
  id: string;
  label: string;
  employer: Employer;
  /** Employing commune when `employer` is `commune`. */
  communeId: string | null;
  /** Catégorie A, B or C (annexe « liste des agents »), when known. */
  category: 'A' | 'B' | 'C' | null;
  count: number;
  /** Quotité of each post (0 < etp ≤ 1). */
  etpPerPost: number;
  /** Yearly loaded cost of one full-time post. */
  loadedCostCents: number;
};

/** What becomes of an equipment of the diagnostic; its label and commune are kept in case the record disappears. */
export type ScenarioEquipment = {
  equipmentId: string;
  label: string;
  communeId: string;
  fate: EquipmentFate;
  /** Running cost entered because the diagnostic lacks it (or to use another figure). */
  runningCostOverride: Override | null;
};

/** A one-off cost (works, software, move); `amortisationYears` null = shown apart, not in the yearly cost. */
export type ScenarioOneOffCost = { label: string; amountCents: number; amortisationYears: number | null };

/** An expected yearly revenue of the pooled service (CAF funding, others). */
export type ScenarioRevenue = { label: string; kind: 'caf' | 'autre'; amountCents: number };

/** Another party to the convention (another EPCI, a syndicat, the département…). */
export type ScenarioOtherParty = { kind: OtherPartyKind; name: string };

/** Everything a writer sets on a scenario (the body of create and update). */
export type ScenarioContent = {
  title: string;
  summary: string;
  instrument: Instrument;
  /** True when the EPCI itself is a party to the convention (required by the service commun). */
  epciParty: boolean;
  managingBody: ManagingBody;
  communes: ScenarioCommune[];
  otherParties: ScenarioOtherParty[];
  posts: ScenarioPost[];
  equipment: ScenarioEquipment[];
  otherRunningCents: number;
  oneOffCosts: ScenarioOneOffCost[];
  revenues: ScenarioRevenue[];
  /** Null while no key is chosen (no per-commune contribution yet). */
  allocationKey: AllocationKey | null;
  /** Usage unit the « usage » key counts (`journee_enfant`, `passage`…); null = every unit of the diagnostic. */
  usageUnit: string | null;
  financingMode: FinancingMode | null;
  /** Convention de prestation: share (%) of the provider's service devoted to the other parties. */
  prestationSharePct: number | null;
};

/** Bodies that take part in an arbitration. */
export const ARBITRATION_BODIES = ['copil', 'conference_maires', 'bureau_communautaire', 'conseil_communautaire', 'autre'] as const;
/** Body that decided. */
export type ArbitrationBody = (typeof ARBITRATION_BODIES)[number];

/** French labels of the deciding bodies. */
export const ARBITRATION_BODY_LABELS: Record<ArbitrationBody, string> = {
  copil: 'Comité de pilotage (COPIL)',
  conference_maires: 'Conférence des maires',
  bureau_communautaire: 'Bureau communautaire',
  conseil_communautaire: 'Conseil communautaire',
  autre: 'Autre instance',
};
