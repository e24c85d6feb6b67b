/** Diagnostic inputs and a base scenario shared by the figures and rules tests: two member communes and an outside one. */
import type { ScenarioInputsDto } from '../../../shared/scenarios/api.js';
import type { ScenarioContent } from '../../../shared/scenarios/model.js';

export const INPUTS: ScenarioInputsDto = {
  epci: { name: 'CC Test', nature: 'CC', fiscalRegime: 'FPU' },
  communes: [
    { id: 'A', insee: '01001', name: 'Amont', member: true, participation: 'participante', population: 1000, currentOperatingCents: 12_000_000, currentRevenueCents: 2_000_000, acCents: 5_000_000, operatingRevenueCents: 100_000_000, agentsEtp: 3 },
    { id: 'B', insee: '01002', name: 'Bas', member: true, participation: 'participante', population: 500, currentOperatingCents: 5_000_000, currentRevenueCents: 1_000_000, acCents: -1_000_000, operatingRevenueCents: 50_000_000, agentsEtp: 1 },
    { id: 'C', insee: '38999', name: 'Dehors', member: false, participation: 'invitee', population: 300, currentOperatingCents: null, currentRevenueCents: null, acCents: null, operatingRevenueCents: null, agentsEtp: null },
  ],
  equipment: [
    { id: 'e1', communeId: 'A', name: 'Maison des jeunes', type: 'maison_jeunes', capacity: 40, condition: 'bon', runningCostCents: 800_000 },
    { id: 'e2', communeId: 'B', name: 'Salle', type: 'salle_fetes', capacity: 100, condition: null, runningCostCents: null },
  ],
  usages: [
    { serviceCommuneId: 'A', residence: 'A', unit: 'journee_enfant', units: 800 },
    { serviceCommuneId: 'A', residence: 'B', unit: 'journee_enfant', units: 200 },
    { serviceCommuneId: 'A', residence: 'A', unit: 'passage', units: 100 },
    { serviceCommuneId: 'C', residence: 'B', unit: 'journee_enfant', units: 999 },
  ],
};

/** A service commun of A and B, deducted from the AC, split by usage (journées-enfants). */
export const BASE: ScenarioContent = {
  title: 'Service commun',
  summary: '',
  instrument: 'service_commun',
  epciParty: true,
  managingBody: { kind: 'epci', communeId: null, name: 'CC Test' },
  communes: [{ communeId: 'A', overrides: {} }, { communeId: 'B', overrides: {} }],
  otherParties: [],
  posts: [
    { id: 'p1', label: 'Coordinatrice', employer: 'epci', communeId: null, category: 'B', count: 1, etpPerPost: 1, loadedCostCents: 4_500_000 },
    { id: 'p2', label: 'Animatrice de proximité', employer: 'commune', communeId: 'A', category: 'C', count: 1, etpPerPost: 0.5, loadedCostCents: 3_000_000 },
  ],
  equipment: [
    { equipmentId: 'e1', label: 'Maison des jeunes', communeId: 'A', fate: 'conserve', runningCostOverride: null },
    { equipmentId: 'e2', label: 'Salle', communeId: 'B', fate: 'ferme', runningCostOverride: null },
  ],
  otherRunningCents: 0,
  oneOffCosts: [],
  revenues: [{ label: 'CAF', kind: 'caf', amountCents: 1_000_000 }],
  allocationKey: { kind: 'usage' },
  usageUnit: 'journee_enfant',
  financingMode: 'imputation_ac',
  prestationSharePct: null,
};
