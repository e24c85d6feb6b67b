/**
 * What the scenarios API sends: the scenario (`ScenarioDto`, also what `getScenario` / `retainedScenario` return to
 * other features), its computed figures, the diagnostic inputs the form and the figures read, the comparison, the
 * arbitration and the frozen snapshot a round keeps.
 */
import type { UserRefDto } from '../documents/kinds.js';
import type { Allocation } from './allocation.js';
import type { Comparison } from './comparison.js';
import type { CostModel } from './cost-model.js';
import type { InstrumentDef } from './instruments.js';
import type { ArbitrationBody, ScenarioCommune, ScenarioContent, ScenarioStatus } from './model.js';
import type { FiscalRegime, Violation } from './types.js';

/** A commune of the perimeter with its identity (resolved from the territory). */
export type ScenarioCommuneDto = ScenarioCommune & { insee: string; name: string; member: boolean };

/** A scenario as stored, with names resolved. */
export type ScenarioDto = Omit<ScenarioContent, 'communes'> & {
  id: string;
  projectId: string;
  status: ScenarioStatus;
  communes: ScenarioCommuneDto[];
  /** The narrative `scenario` document (null only if its creation failed). */
  documentId: string | null;
  revision: number;
  presentedAt: string | null;
  decidedAt: string | null;
  arbitrationId: string | null;
  createdAt: string;
  createdBy: UserRefDto;
  updatedAt: string;
  updatedBy: UserRefDto;
};

/** Where a figure the cost model reads comes from. */
export type FigureSource = 'diagnostic' | 'saisie' | 'manquant';

/** A commune of the project with the figures of the diagnostic that scenarios read. */
export type InputCommuneDto = {
  id: string;
  insee: string;
  name: string;
  /** Member of the EPCI (outside communes are not). */
  member: boolean;
  participation: string;
  population: number | null;
  currentOperatingCents: number | null;
  currentRevenueCents: number | null;
  acCents: number | null;
  operatingRevenueCents: number | null;
  /** ETP of the commune's agents in the diagnostic (for reference in the posts table). */
  agentsEtp: number | null;
};

/** An equipment of the diagnostic that a scenario may keep, close or share. */
export type InputEquipmentDto = { id: string; communeId: string; name: string; type: string; capacity: number | null; condition: string | null; runningCostCents: number | null };

/** Units used by residents of a commune in services of another (or the same) commune, in one usage unit. */
export type InputUsageFlowDto = { serviceCommuneId: string; residence: string; unit: string | null; units: number };

/** `GET /api/projects/:projectId/scenario-inputs`: what the diagnostic offers to build scenarios. */
export type ScenarioInputsDto = {
  epci: { name: string; nature: string; fiscalRegime: FiscalRegime };
  communes: InputCommuneDto[];
  equipment: InputEquipmentDto[];
  usages: InputUsageFlowDto[];
};

/** One commune's figures as the cost model and the allocation used them, and where each came from. */
export type ResolvedCommuneDto = {
  communeId: string;
  insee: string;
  name: string;
  population: number | null;
  currentOperatingCents: number | null;
  currentRevenueCents: number | null;
  historicalCostCents: number | null;
  usageUnits: number | null;
  acCents: number | null;
  operatingRevenueCents: number | null;
  sources: Record<'population' | 'currentOperatingCents' | 'currentRevenueCents' | 'historicalCostCents' | 'usageUnits' | 'acCents' | 'operatingRevenueCents', FigureSource>;
  /** The text of each override's source (« compte administratif 2025 »…). */
  overrideSources: Partial<Record<string, string>>;
};

/** The computed side of a scenario: legal check, cost model, allocation and what they read. */
export type ScenarioFiguresDto = {
  /** Blocking problems (legal rules, invalid or missing data) and warnings, each with the field at fault. */
  violations: Violation[];
  blocking: boolean;
  /** Null when the cost model refused its input (see `violations`). */
  cost: CostModel | null;
  /** Null without a key, or when the allocation refused its input (see `violations`). */
  allocation: Allocation | null;
  communes: ResolvedCommuneDto[];
  /** What the instrument requires (deliberations, CST, fiche d'impact…), in French sentences. */
  requirements: string[];
  instrument: Pick<InstrumentDef, 'id' | 'label' | 'participants'> & { basis: string };
};

/** What the viewer may do on a scenario. */
export type ScenarioAbilitiesDto = { write: boolean; decide: boolean };

/** `GET /api/scenarios/:scenarioId`. */
export type ScenarioDetailDto = ScenarioDto & { figures: ScenarioFiguresDto; can: ScenarioAbilitiesDto };

/** Key figures of a scenario in the list. */
export type ScenarioSummaryDto = ScenarioDto & {
  summaryFigures: {
    yearlyCostCents: number | null;
    netCents: number | null;
    deltaNetCents: number | null;
    netPerInhabitantCents: number | null;
    etp: { epci: number; commune: number; total: number } | null;
    blocking: boolean;
    warnings: number;
  };
};

/** `GET /api/projects/:projectId/scenarios`: the list and what the viewer may do. */
export type ScenarioListDto = { scenarios: ScenarioSummaryDto[]; can: ScenarioAbilitiesDto; arbitration: ArbitrationDto | null };

/** `GET /api/projects/:projectId/scenarios/compare?ids=`: the side-by-side table and each scenario's figures. */
export type ScenarioComparisonDto = Comparison & { details: { id: string; title: string; status: ScenarioStatus; figures: ScenarioFiguresDto; equipment: ScenarioDto['equipment'] }[] };

/** A recorded arbitration. */
export type ArbitrationDto = {
  id: string;
  projectId: string;
  retainedScenario: { id: string; title: string };
  discardedScenarios: { id: string; title: string }[];
  decisionDate: string;
  body: ArbitrationBody;
  bodyLabel: string | null;
  reasons: string;
  /** Linked rounds (title when the round still exists). */
  rounds: { id: string; title: string | null }[];
  recordedAt: string;
  recordedBy: UserRefDto;
  supersededAt: string | null;
  supersededBy: string | null;
};

/** One status change of a scenario. */
export type ScenarioStatusEventDto = {
  id: number;
  fromStatus: ScenarioStatus | null;
  toStatus: ScenarioStatus;
  at: string;
  by: UserRefDto;
  reason: string | null;
  arbitrationId: string | null;
};

/**
 * The figures of a scenario frozen at one instant (a round opening keeps them, so that positions are read against
 * the numbers people saw). JSON-serialisable.
 */
export type ScenarioFiguresSnapshot = {
  scenarioId: string;
  title: string;
  instrument: string;
  status: ScenarioStatus;
  revision: number;
  takenAt: string;
  totals: {
    currentNetCents: number | null;
    projectedYearlyCents: number | null;
    projectedNetCents: number | null;
    deltaNetCents: number | null;
    netPerInhabitantCents: number | null;
    etp: { epci: number; commune: number; total: number } | null;
  };
  communes: {
    communeId: string;
    insee: string;
    name: string;
    contributionCents: number | null;
    deltaCents: number | null;
    costPerInhabitantCents: number | null;
    pctOfAc: number | null;
    pctOfOperatingRevenue: number | null;
  }[];
  blocking: boolean;
  violations: Violation[];
};
