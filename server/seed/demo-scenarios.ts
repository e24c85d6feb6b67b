/**
 * Two presented scenarios for the demo jeunesse project, with figures consistent with the (fictitious) demo
 * diagnostic: today the four participating communes spend about 1,4 M€ a year on the service for 578 k€ of
 * revenues (827 k€ net).
 * - « Service commun jeunesse porté par la CC »: the four participating communes, EPCI-employed team plus three
 *   communal animateur·rices de proximité, cost split by a mixed key, deducted from the AC (the CC is FPU).
 * - « Entente intercommunale entre communes volontaires »: Fayence (commune support), Seillans, Tourrettes and an
 *   outside commune (Les Adrets-de-l'Estérel, allowed by an entente), communal posts only, reimbursements.
 * Their narrative `scenario` documents are not seeded (the demo project starts without documents): the first
 * writer who opens « Texte du scénario » creates it (`POST /api/scenarios/:id/document`).
 */
import { and, eq } from 'drizzle-orm';
import type { DbLike } from '../db/client.js';
import { diagEquipements, scenarios, scenarioStatusEvents } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import type { ScenarioContent } from '../../shared/scenarios/model.js';

type SeedInput = {
  projectId: string;
  /** Commune id by INSEE code. */
  communeId: (insee: string) => string;
  /** User id by demo e-mail. */
  userId: (email: string) => string;
};

const FAY = '83055', SEI = '83124', MTX = '83081', TOU = '83138', ADRETS = '83001';
const CREATED = '2026-11-16T09:00:00.000Z';
const PRESENTED = '2026-11-24T17:30:00.000Z';
const euros = (n: number) => Math.round(n * 100);


/** Seeds the demo scenarios (inside the demo's transaction, after the diagnostic). */
export function seedDemoScenarios(tx: DbLike, s: SeedInput): void {
  const vp = s.userId('vp@demo.mutualab.fr');
  const tech = s.userId('tech.epci@demo.mutualab.fr');
  const c = s.communeId;
  const equipment = (insee: string, name: string) => {
    const e = tx.select().from(diagEquipements).where(and(eq(diagEquipements.projectId, s.projectId), eq(diagEquipements.communeId, c(insee)), eq(diagEquipements.name, name))).get()!;
    return (fate: 'conserve' | 'ferme' | 'partage') => ({ equipmentId: e.id, label: e.name, communeId: e.communeId, fate, runningCostOverride: null });
  };

  const serviceCommun: ScenarioContent = {
    title: 'Service commun jeunesse porté par la CC',
    summary: "Une équipe jeunesse unique, employée par la communauté de communes, avec des animateur·rices de proximité restant dans trois communes ; accueils de loisirs conservés, maison des jeunes de Montauroux fermée au profit d'un PIJ itinérant.",
    instrument: 'service_commun',
    epciParty: true,
    managingBody: { kind: 'epci', communeId: null, name: 'CC du Pays de Fayence' },
    communes: [FAY, SEI, MTX, TOU].map((insee) => ({ communeId: c(insee), overrides: {} })),
    otherParties: [],
    posts: [
      { id: 'coord', label: 'Coordinateur·rice enfance-jeunesse intercommunal·e', employer: 'epci', communeId: null, category: 'A', count: 1, etpPerPost: 1, loadedCostCents: euros(56_000) },
      { id: 'dir', label: 'Directeur·rice d’accueil de loisirs', employer: 'epci', communeId: null, category: 'B', count: 3, etpPerPost: 1, loadedCostCents: euros(47_000) },
      { id: 'anim', label: 'Animateur·rice', employer: 'epci', communeId: null, category: 'C', count: 5, etpPerPost: 1, loadedCostCents: euros(34_000) },
      { id: 'pij', label: 'Informateur·rice jeunesse (PIJ itinérant)', employer: 'epci', communeId: null, category: 'B', count: 1, etpPerPost: 1, loadedCostCents: euros(42_000) },
      { id: 'prox-fay', label: 'Animateur·rice de proximité', employer: 'commune', communeId: c(FAY), category: 'C', count: 1, etpPerPost: 1, loadedCostCents: euros(34_200) },
      { id: 'prox-mtx', label: 'Animateur·rice de proximité', employer: 'commune', communeId: c(MTX), category: 'C', count: 1, etpPerPost: 1, loadedCostCents: euros(33_400) },
      { id: 'prox-tou', label: 'Animatrice périscolaire et du mercredi', employer: 'commune', communeId: c(TOU), category: 'C', count: 1, etpPerPost: 0.5, loadedCostCents: euros(32_800) },
    ],
    equipment: [
      equipment(FAY, 'Accueil de loisirs Les Oliviers')('conserve'),
      equipment(FAY, 'Maison des jeunes')('partage'),
      equipment(SEI, 'Accueil de loisirs du Plan')('conserve'),
      equipment(MTX, 'Centre de loisirs municipal')('conserve'),
      equipment(MTX, 'Maison des jeunes')('ferme'),
      equipment(TOU, 'Salle des fêtes')('partage'),
    ],
    otherRunningCents: euros(700_000),
    oneOffCosts: [
      { label: 'Logiciel d’inscriptions et de facturation commun', amountCents: euros(24_000), amortisationYears: 3 },
      { label: 'Minibus 9 places (navette des villages)', amountCents: euros(45_000), amortisationYears: 5 },
      { label: 'Harmonisation de la signalétique et communication', amountCents: euros(8_000), amortisationYears: null },
    ],
    revenues: [
      { label: 'CAF : prestations de service et bonus territoire CTG', kind: 'caf', amountCents: euros(425_000) },
      { label: 'Participations des familles', kind: 'autre', amountCents: euros(234_000) },
    ],
    allocationKey: { kind: 'mixte', weights: { population: 0.4, usage: 0.3, cout_historique: 0.3 } },
    usageUnit: 'journee_enfant',
    financingMode: 'imputation_ac',
    prestationSharePct: null,
  };

  const entente: ScenarioContent = {
    title: 'Entente intercommunale entre communes volontaires',
    summary: "Fayence porte le service pour Seillans, Tourrettes et Les Adrets-de-l'Estérel (commune hors communauté) ; chaque commune garde ses agents et rembourse sa part ; Montauroux conserve son propre service.",
    instrument: 'entente',
    epciParty: false,
    managingBody: { kind: 'commune', communeId: c(FAY), name: 'Commune de Fayence' },
    communes: [
      { communeId: c(FAY), overrides: {} },
      { communeId: c(SEI), overrides: {} },
      { communeId: c(TOU), overrides: {} },
      {
        communeId: c(ADRETS),
        overrides: {
          currentOperatingCents: { value: 0, source: 'Pas de service jeunesse communal (entretien avec le maire, octobre 2026)' },
          currentRevenueCents: { value: 0, source: 'Pas de service jeunesse communal (entretien avec le maire, octobre 2026)' },
          operatingRevenueCents: { value: euros(3_600_000), source: 'Compte administratif 2025 de la commune (fictif)' },
        },
      },
    ],
    otherParties: [],
    posts: [
      { id: 'coord', label: 'Coordinateur enfance-jeunesse', employer: 'commune', communeId: c(FAY), category: 'B', count: 1, etpPerPost: 1, loadedCostCents: euros(54_000) },
      { id: 'dir-fay', label: 'Directrice de l’accueil de loisirs', employer: 'commune', communeId: c(FAY), category: 'B', count: 1, etpPerPost: 1, loadedCostCents: euros(48_500) },
      { id: 'anim-fay', label: 'Animateur·rice', employer: 'commune', communeId: c(FAY), category: 'C', count: 3, etpPerPost: 1, loadedCostCents: euros(34_000) },
      { id: 'pij', label: 'Informateur jeunesse (PIJ)', employer: 'commune', communeId: c(FAY), category: 'B', count: 1, etpPerPost: 1, loadedCostCents: euros(42_100) },
      { id: 'dir-sei', label: 'Directeur de l’accueil de loisirs', employer: 'commune', communeId: c(SEI), category: 'B', count: 1, etpPerPost: 1, loadedCostCents: euros(45_800) },
      { id: 'anim-sei', label: 'Animatrice', employer: 'commune', communeId: c(SEI), category: 'C', count: 1, etpPerPost: 1, loadedCostCents: euros(33_100) },
      { id: 'anim-tou', label: 'Animatrice périscolaire et du mercredi', employer: 'commune', communeId: c(TOU), category: 'C', count: 1, etpPerPost: 0.7, loadedCostCents: euros(32_800) },
    ],
    equipment: [
      equipment(FAY, 'Accueil de loisirs Les Oliviers')('conserve'),
      equipment(FAY, 'Maison des jeunes')('conserve'),
      equipment(SEI, 'Accueil de loisirs du Plan')('conserve'),
      equipment(TOU, 'Salle des fêtes')('partage'),
    ],
    otherRunningCents: euros(390_000),
    oneOffCosts: [{ label: 'Minibus 9 places (navette Seillans – Fayence)', amountCents: euros(38_000), amortisationYears: 5 }],
    revenues: [
      { label: 'CAF : prestations de service', kind: 'caf', amountCents: euros(245_000) },
      { label: 'Participations des familles', kind: 'autre', amountCents: euros(151_000) },
    ],
    allocationKey: { kind: 'mixte', weights: { population: 0.5, usage: 0.5 } },
    usageUnit: 'journee_enfant',
    financingMode: 'remboursement',
    prestationSharePct: null,
  };

  for (const [content, by] of [[serviceCommun, vp], [entente, tech]] as const) {
    const id = newId('scn_');
    tx.insert(scenarios).values({ id, projectId: s.projectId, status: 'presente', ...content, documentId: null, revision: 2, presentedAt: PRESENTED, createdAt: CREATED, createdBy: by, updatedAt: PRESENTED, updatedBy: vp }).run();
    tx.insert(scenarioStatusEvents).values({ scenarioId: id, projectId: s.projectId, fromStatus: null, toStatus: 'brouillon', at: CREATED, byUserId: by, reason: 'Création' }).run();
    tx.insert(scenarioStatusEvents).values({ scenarioId: id, projectId: s.projectId, fromStatus: 'brouillon', toStatus: 'presente', at: PRESENTED, byUserId: vp, reason: 'Présenté au COPIL du 24 novembre 2026' }).run();
  }
}
