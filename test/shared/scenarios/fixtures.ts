/** A small perimeter shared by the scenario tests: two member communes and an outside one. */
import type { CostModelInput } from '../../../shared/scenarios/cost-model.js';

export const COMMUNES: CostModelInput['communes'] = [
  { insee: '01001', name: 'Mons', population: 1000, operatingCents: 12_000_000, revenueCents: 2_000_000 },
  { insee: '01002', name: 'Arly', population: 500, operatingCents: 5_000_000, revenueCents: 1_000_000 },
  { insee: '38999', name: 'Dehors', population: 300, operatingCents: null, revenueCents: 0 },
];

export const PROJECTED: CostModelInput['projected'] = {
  posts: [
    { label: 'Coordinatrice', employer: 'epci', count: 1, etpPerPost: 1, loadedCostCents: 4_500_000 },
    { label: 'Animateurs', employer: 'epci', count: 3, etpPerPost: 0.8, loadedCostCents: 3_500_000 },
    { label: 'Accueil Mons', employer: 'commune', communeInsee: '01001', count: 1, etpPerPost: 0.5, loadedCostCents: 3_000_000 },
  ],
  equipment: [
    { id: 'e1', label: 'Maison des jeunes de Mons', communeInsee: '01001', fate: 'conserve', runningCostCents: 800_000 },
    { id: 'e2', label: "Salle d'Arly", communeInsee: '01002', fate: 'partage', runningCostCents: 200_000 },
    { id: 'e3', label: 'Local de Dehors', communeInsee: '38999', fate: 'ferme', runningCostCents: null },
    { id: 'e4', label: "Préfabriqué d'Arly", communeInsee: '01002', fate: 'conserve', runningCostCents: null },
  ],
  otherRunningCents: 300_000,
  oneOffCosts: [
    { label: 'Travaux', amountCents: 1_000_000, amortisationYears: 10 },
    { label: 'Logiciel', amountCents: 250_001, amortisationYears: 3 },
    { label: 'Déménagement', amountCents: 50_000, amortisationYears: null },
  ],
  revenues: [
    { label: 'Prestation de service CAF', kind: 'caf', amountCents: 3_000_000 },
    { label: 'Participations des familles', kind: 'autre', amountCents: 500_000 },
  ],
};
