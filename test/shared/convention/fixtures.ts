/** A small retained scenario and its facts, shared by the convention tests. */
import { allocate } from '../../../shared/scenarios/allocation.js';
import { costModel } from '../../../shared/scenarios/cost-model.js';
import type { ConventionFacts } from '../../../shared/convention/facts.js';

const cost = costModel({
  communes: [
    { insee: '83055', name: 'Fayence', population: 6000, operatingCents: 30_000_000, revenueCents: 5_000_000 },
    { insee: '83124', name: 'Seillans', population: 3000, operatingCents: 12_000_000, revenueCents: 2_000_000 },
  ],
  projected: {
    posts: [
      { label: 'Coordinatrice', employer: 'epci', count: 1, etpPerPost: 1, loadedCostCents: 5_000_000 },
      { label: 'Animateurs', employer: 'epci', count: 4, etpPerPost: 0.5, loadedCostCents: 4_000_000 },
    ],
    equipment: [
      { id: 'e1', label: 'Maison des jeunes', communeInsee: '83055', fate: 'conserve', runningCostCents: 1_000_000 },
      { id: 'e2', label: 'Salle', communeInsee: '83124', fate: 'partage', runningCostCents: 500_000 },
    ],
    revenues: [{ label: 'CAF', kind: 'caf', amountCents: 3_000_000 }],
  },
});
if (!cost.ok) throw new Error('fixture cost model');
const allocation = allocate({
  totalCents: cost.value.projected.netCents,
  key: { kind: 'population' },
  communes: [
    { insee: '83055', name: 'Fayence', population: 6000, currentSpendingCents: 25_000_000 },
    { insee: '83124', name: 'Seillans', population: 3000, currentSpendingCents: 10_000_000 },
  ],
});
if (!allocation.ok) throw new Error('fixture allocation');

/** Two communes, a service commun carried by the CC, a population key: net 115 000 € split 2/3 – 1/3. */
export function facts(over: Partial<ConventionFacts> = {}): ConventionFacts {
  return {
    project: { title: 'Mutualisation du service jeunesse', serviceLabel: 'service jeunesse' },
    territory: { name: 'CC du Pays de Fayence', siren: '200004802', nature: 'CC', fiscalRegime: 'FPU' },
    scenario: {
      id: 'scn_1',
      title: 'Service commun jeunesse',
      summary: 'Un service commun porté par la communauté de communes.',
      instrument: 'service_commun',
      epciParty: true,
      managingBodyName: 'CC du Pays de Fayence',
      financingMode: 'remboursement',
      allocationKey: { kind: 'population' },
      otherParties: [],
    },
    arbitration: { date: '2027-03-08', bodyLabel: 'Comité de pilotage (COPIL)' },
    communes: [
      { id: 'c1', insee: '83055', name: 'Fayence', population: 6000, member: true },
      { id: 'c2', insee: '83124', name: 'Seillans', population: 3000, member: true },
    ],
    posts: [
      { label: 'Coordinatrice', employer: 'epci', communeName: null, category: 'A', count: 1, etpPerPost: 1 },
      { label: 'Animateurs', employer: 'epci', communeName: null, category: 'C', count: 4, etpPerPost: 0.5 },
    ],
    cost: cost.ok ? cost.value : null,
    allocation: allocation.ok ? allocation.value : null,
    allocationErrors: [],
    agents: [{ communeName: 'Fayence', jobTitle: 'Animateur jeunesse', employer: 'commune', cadreEmplois: 'adjoint_animation', category: 'C', status: 'titulaire', quotitePct: 100, serviceSharePct: 80 }],
    equipment: [{ communeName: 'Fayence', name: 'Maison des jeunes', type: 'maison_jeunes', address: '1 place de la Mairie', capacity: 40, areaM2: 120, runningCostCents: 1_000_000, fate: 'conserve' }],
    missions: ['Accueil de loisirs', 'Point information jeunesse'],
    today: '2027-05-31',
    ...over,
  };
}
