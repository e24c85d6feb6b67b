/**
 * A plausible, entirely fictitious jeunesse diagnostic for the Pays de Fayence demo, so that the board, the overlap
 * matrix, the charts and the indicators show something. Every figure is invented; the project's notice and the
 * records' comments say so (« données fictives de démonstration »). Some communes are left incomplete on purpose:
 * missing data must show as missing.
 */
import type { DbLike } from '../db/client.js';
import {
  diagSettings, diagMissions, diagBesoins, diagServices, diagUsages, diagAgents, diagEquipements, diagFinances, diagConsultations, diagCompleteness,
} from '../db/schema/index.js';
import { newId } from '../lib/ids.js';

export const DEMO_DIAGNOSTIC_NOTICE = 'Données fictives de démonstration : les chiffres de ce diagnostic sont inventés pour illustrer Mutualab.';
const FICTIVE = 'Données fictives de démonstration.';

type SeedInput = {
  projectId: string;
  /** Commune id by INSEE code. */
  communeId: (insee: string) => string;
  /** User id by demo e-mail. */
  userId: (email: string) => string;
  partnerId: (name: string) => string;
};

const FAY = '83055', SEI = '83124', MTX = '83081', TOU = '83138', CAL = '83029', MONS = '83080';
const AT = '2026-10-02T08:30:00.000Z';
const euros = (n: number) => Math.round(n * 100);

/** Seeds the diagnostic of the demo project (inside the demo's transaction). */
export function seedDemoDiagnostic(tx: DbLike, s: SeedInput): void {
  const tech = s.userId('tech.epci@demo.mutualab.fr');
  const stamps = (by = tech) => ({ createdAt: AT, createdBy: by, updatedAt: AT, updatedBy: by });
  const techFayence = s.userId('tech.fayence@demo.mutualab.fr');
  const base = (insee: string) => ({ id: '', projectId: s.projectId, communeId: s.communeId(insee), ...stamps(insee === FAY ? techFayence : tech) });
  tx.insert(diagSettings).values({ projectId: s.projectId, notice: DEMO_DIAGNOSTIC_NOTICE }).run();

  const mobility = newId('mis_');
  tx.insert(diagMissions).values({ id: mobility, projectId: s.projectId, label: 'Mobilité des jeunes', description: 'Navettes vers les activités et les accueils pour les jeunes des villages perchés.', ...stamps() }).run();

  // Needs questionnaire: [commune, mission, existing, providedBy, unmetNeed, poolingWish, priority, details]
  const answers: [string, string, 'oui' | 'partiel' | 'non', 'commune' | 'epci' | 'association' | null, boolean, 'oui' | 'non' | 'a_etudier', 'haute' | 'moyenne' | 'basse', string | null][] = [
    [FAY, 'accueil_loisirs', 'oui', 'commune', true, 'oui', 'haute', 'Liste d’attente le mercredi (environ 25 enfants).'],
    [FAY, 'point_information_jeunesse', 'oui', 'commune', false, 'oui', 'moyenne', null],
    [FAY, 'animations_ados', 'oui', 'commune', false, 'a_etudier', 'moyenne', null],
    [FAY, 'sejours', 'partiel', 'commune', true, 'oui', 'moyenne', 'Un seul séjour d’été, complet en deux jours.'],
    [FAY, 'bafa_formation', 'non', null, true, 'oui', 'haute', 'Difficulté à recruter des animateur·rices diplômé·es.'],
    [FAY, 'prevention', 'partiel', 'association', false, 'a_etudier', 'basse', null],
    [SEI, 'accueil_loisirs', 'oui', 'commune', false, 'a_etudier', 'moyenne', null],
    [SEI, 'animations_ados', 'non', null, true, 'oui', 'haute', 'Aucune offre pour les 11-17 ans sur la commune.'],
    [SEI, 'point_information_jeunesse', 'non', null, true, 'oui', 'moyenne', null],
    [SEI, mobility, 'non', null, true, 'oui', 'haute', 'Pas de transport vers l’espace jeunes de Fayence.'],
    [SEI, 'bafa_formation', 'non', null, true, 'oui', 'moyenne', null],
    [MTX, 'accueil_loisirs', 'oui', 'commune', false, 'non', 'basse', null],
    [MTX, 'animations_ados', 'oui', 'commune', false, 'a_etudier', 'moyenne', null],
    [MTX, 'point_information_jeunesse', 'oui', 'commune', false, 'oui', 'moyenne', 'PIJ ouvert deux demi-journées par semaine.'],
    [MTX, 'sejours', 'oui', 'commune', false, 'oui', 'moyenne', null],
    [MTX, 'accompagnement_scolaire', 'oui', 'association', false, 'non', 'basse', null],
    [MTX, 'chantiers_jeunes', 'partiel', 'commune', true, 'oui', 'moyenne', null],
    [TOU, 'accueil_loisirs', 'partiel', 'commune', true, 'oui', 'haute', 'Mercredis seulement ; les familles vont à Fayence pendant les vacances.'],
    [TOU, 'accueil_periscolaire', 'oui', 'commune', false, 'non', 'basse', null],
    [TOU, mobility, 'non', null, true, 'oui', 'haute', null],
    [CAL, 'accueil_loisirs', 'oui', 'association', false, 'a_etudier', 'moyenne', null],
  ];
  for (const [c, missionKey, existing, providedBy, unmetNeed, poolingWish, priority, unmetNeedDetails] of answers) {
    tx.insert(diagBesoins).values({ ...base(c), id: newId('dbe_'), missionKey, existing, providedBy, unmetNeed, poolingWish, priority, unmetNeedDetails }).run();
  }

  // Services: [key, commune, name, missions, public, ageMin, ageMax, periods, operating, investment, gain, caf, other, unit]
  type Svc = [string, string, string, string[], string, number, number, string[], number, number | null, number | null, number, number, string];
  const services: Svc[] = [
    ['fay-alsh', FAY, 'Accueil de loisirs Les Oliviers', ['accueil_loisirs', 'sejours'], 'Enfants de 3 à 11 ans', 3, 11, ['mercredis', 'petites_vacances', 'ete'], 420_000, 35_000, 6_000, 110_000, 85_000, 'journee_enfant'],
    ['fay-ej', FAY, 'Espace jeunes et PIJ', ['animations_ados', 'point_information_jeunesse'], 'Jeunes de 11 à 25 ans', 11, 25, ['mercredis', 'soirees', 'petites_vacances', 'ete'], 140_000, null, null, 28_000, 6_000, 'passage'],
    ['sei-alsh', SEI, 'Accueil de loisirs du Plan', ['accueil_loisirs'], 'Enfants de 3 à 11 ans', 3, 11, ['mercredis', 'petites_vacances', 'ete'], 210_000, 12_000, null, 58_000, 42_000, 'journee_enfant'],
    ['mtx-alsh', MTX, 'Centre de loisirs municipal', ['accueil_loisirs', 'sejours'], 'Enfants de 3 à 12 ans', 3, 12, ['mercredis', 'petites_vacances', 'ete'], 380_000, 60_000, 9_000, 96_000, 74_000, 'journee_enfant'],
    ['mtx-ej', MTX, 'Maison des jeunes et PIJ', ['animations_ados', 'point_information_jeunesse', 'chantiers_jeunes'], 'Jeunes de 11 à 17 ans', 11, 17, ['mercredis', 'soirees', 'ete'], 160_000, 8_000, null, 31_000, 9_000, 'passage'],
    ['tou-mer', TOU, 'Accueil du mercredi', ['accueil_loisirs', 'accueil_periscolaire'], 'Enfants de 3 à 11 ans', 3, 11, ['periscolaire', 'mercredis'], 95_000, null, null, 21_000, 18_000, 'journee_enfant'],
  ];
  const svcId = new Map<string, string>();
  for (const [key, c, name, missions, publicServed, ageMin, ageMax, openingPeriods, op, inv, gain, caf, other, usageUnit] of services) {
    const id = newId('dsv_');
    svcId.set(key, id);
    tx.insert(diagServices).values({
      ...base(c), id, name, missions, publicServed, ageMin, ageMax, openingPeriods, year: 2025,
      operatingBudgetCents: euros(op), investmentBudgetCents: inv === null ? null : euros(inv), investmentYearlyGainCents: gain === null ? null : euros(gain),
      cafRevenueCents: euros(caf), otherRevenueCents: euros(other), usageUnit, comment: FICTIVE,
    }).run();
  }

  // Usage by commune of residence: [service, residence (INSEE or outside), units]
  const usages: [string, string, number][] = [
    ['fay-alsh', FAY, 9800], ['fay-alsh', TOU, 2100], ['fay-alsh', SEI, 650], ['fay-alsh', MONS, 300], ['fay-alsh', 'hors_territoire', 150],
    ['fay-ej', FAY, 3200], ['fay-ej', TOU, 900], ['fay-ej', CAL, 300],
    ['sei-alsh', SEI, 4800], ['sei-alsh', FAY, 300],
    ['mtx-alsh', MTX, 11200], ['mtx-alsh', CAL, 1400],
    ['mtx-ej', MTX, 4100], ['mtx-ej', CAL, 700],
    ['tou-mer', TOU, 2600],
  ];
  for (const [key, residence, units] of usages) {
    const service = services.find((x) => x[0] === key)!;
    tx.insert(diagUsages).values({ ...base(service[1]), id: newId('dus_'), serviceId: svcId.get(key)!, residence: residence === 'hors_territoire' ? residence : s.communeId(residence), units, year: 2025 }).run();
  }

  // Agents: [commune, job, employer, cadre, category, status, quotité, share, qualifications, cost]
  type Agent = [string, string, 'commune' | 'epci', string, 'A' | 'B' | 'C', string, number, number, string[], number];
  const agents: Agent[] = [
    [FAY, 'Directrice de l’accueil de loisirs', 'commune', 'animateur', 'B', 'titulaire', 100, 100, ['bpjeps', 'bafd'], 48_500],
    [FAY, 'Animateur accueil de loisirs', 'commune', 'adjoint_animation', 'C', 'titulaire', 100, 100, ['bafa', 'psc1'], 34_200],
    [FAY, 'Animatrice accueil de loisirs', 'commune', 'adjoint_animation', 'C', 'contractuel_cdd', 80, 100, ['bafa'], 27_600],
    [FAY, 'Informateur jeunesse (PIJ)', 'commune', 'animateur', 'B', 'contractuel_cdi', 100, 100, ['dejeps'], 42_100],
    [FAY, 'Coordinateur enfance-jeunesse', 'commune', 'redacteur', 'B', 'titulaire', 100, 50, ['bpjeps'], 52_300],
    [SEI, 'Directeur de l’accueil de loisirs', 'commune', 'animateur', 'B', 'titulaire', 100, 100, ['bpjeps'], 45_800],
    [SEI, 'Animatrice', 'commune', 'adjoint_animation', 'C', 'titulaire', 100, 100, ['bafa'], 33_100],
    [SEI, 'Animateur', 'commune', 'adjoint_animation', 'C', 'vacataire', 50, 100, ['bafa'], 14_800],
    [MTX, 'Responsable enfance-jeunesse', 'commune', 'attache', 'A', 'titulaire', 100, 60, ['desjeps'], 61_000],
    [MTX, 'Directrice du centre de loisirs', 'commune', 'animateur', 'B', 'titulaire', 100, 100, ['bpjeps', 'bafd'], 47_200],
    [MTX, 'Animateur', 'commune', 'adjoint_animation', 'C', 'titulaire', 100, 100, ['bafa', 'surveillant_baignade'], 34_000],
    [MTX, 'Animatrice', 'commune', 'adjoint_animation', 'C', 'titulaire', 100, 100, ['bafa'], 33_400],
    [MTX, 'Animateur maison des jeunes', 'commune', 'adjoint_animation', 'C', 'contractuel_cdd', 100, 100, ['bpjeps'], 32_900],
    [MTX, 'Informatrice jeunesse', 'epci', 'animateur', 'B', 'contractuel_cdi', 50, 100, ['but_carrieres_sociales'], 21_300],
    [TOU, 'Animatrice périscolaire', 'commune', 'adjoint_animation', 'C', 'titulaire', 100, 70, ['bafa'], 32_800],
    [TOU, 'ATSEM et animatrice du mercredi', 'commune', 'atsem', 'C', 'titulaire', 100, 30, ['cap_aepe'], 33_600],
  ];
  for (const [c, jobTitle, employer, cadreEmplois, category, status, quotitePct, serviceSharePct, qualifications, cost] of agents) {
    tx.insert(diagAgents).values({ ...base(c), id: newId('dag_'), jobTitle, employer, cadreEmplois, category, status, quotitePct, serviceSharePct, qualifications, annualCostCents: euros(cost) }).run();
  }

  // Equipment: [commune, type, name, address, owner, capacity, area, condition, pmr, occupancy, running cost]
  type Eq = [string, string, string, string, string, number | null, number | null, string, string, number | null, number | null];
  const equipments: Eq[] = [
    [FAY, 'accueil_loisirs', 'Accueil de loisirs Les Oliviers', 'Chemin des Oliviers, 83440 Fayence', 'commune', 96, 620, 'bon', 'oui', 78, 42_000],
    [FAY, 'maison_jeunes', 'Maison des jeunes', 'Place de la République, 83440 Fayence', 'commune', 40, 180, 'correct', 'partiel', 55, 18_000],
    [FAY, 'salle_fetes', 'Salle des fêtes', 'Avenue Saint-Christophe, 83440 Fayence', 'commune', 300, 450, 'correct', 'oui', 35, 25_000],
    [FAY, 'eaje', 'Crèche Les Petits Pas', 'Quartier du Château, 83440 Fayence', 'epci', 30, 320, 'bon', 'oui', 92, 60_000],
    [FAY, 'gymnase', 'Gymnase intercommunal', 'Route de Tourrettes, 83440 Fayence', 'epci', 200, 1200, 'degrade', 'partiel', 70, 38_000],
    [SEI, 'accueil_loisirs', 'Accueil de loisirs du Plan', 'Quartier du Plan, 83440 Seillans', 'commune', 48, 260, 'correct', 'non', 64, 16_000],
    [SEI, 'salle_fetes', 'Salle polyvalente', 'Place du Thouron, 83440 Seillans', 'commune', 180, 300, 'degrade', 'partiel', 28, 12_500],
    [SEI, 'mediatheque', 'Médiathèque', 'Rue de l’Église, 83440 Seillans', 'commune', 30, 140, 'bon', 'oui', null, 9_000],
    [MTX, 'accueil_loisirs', 'Centre de loisirs municipal', 'Chemin de la Colle, 83440 Montauroux', 'commune', 120, 700, 'bon', 'oui', 81, 51_000],
    [MTX, 'maison_jeunes', 'Maison des jeunes', 'Place du Clos, 83440 Montauroux', 'commune', 35, 150, 'tres_degrade', 'non', 47, 14_000],
    [MTX, 'eaje', 'Multi-accueil Les Lucioles', 'Avenue de Fayence, 83440 Montauroux', 'commune', 24, 260, 'bon', 'oui', 88, 48_000],
    [MTX, 'mediatheque', 'Médiathèque', 'Place du Clos, 83440 Montauroux', 'commune', 40, 220, 'bon', 'oui', 41, 22_000],
    [TOU, 'salle_fetes', 'Salle des fêtes', 'Place de la Mairie, 83440 Tourrettes', 'commune', 150, 260, 'correct', 'oui', 30, 9_500],
    [CAL, 'salle_fetes', 'Salle Émile-Nouveau', '83440 Callian', 'commune', 200, null, 'correct', 'oui', null, null],
  ];
  for (const [c, type, name, address, owner, capacity, areaM2, condition, accessibility, occupancyPct, cost] of equipments) {
    tx.insert(diagEquipements).values({ ...base(c), id: newId('deq_'), type, name, address, owner, capacity, areaM2, condition, accessibility, occupancyPct, runningCostCents: cost === null ? null : euros(cost) }).run();
  }

  // Finances: [commune, AC, operating revenue, children under 3]
  const finances: [string, number, number, number | null][] = [
    [FAY, 412_000, 7_800_000, 160], [SEI, 285_000, 3_900_000, 55], [MTX, 640_000, 9_100_000, 190], [TOU, -35_000, 4_200_000, 80], [CAL, 301_000, 4_600_000, null],
  ];
  for (const [c, ac, rrf, under3] of finances) {
    tx.insert(diagFinances).values({ ...base(c), id: newId('dfi_'), year: 2025, acCents: euros(ac), operatingRevenueCents: euros(rrf), childrenUnder3: under3, comment: FICTIVE }).run();
  }

  const u = s.userId;
  const need = (kind: 'besoin' | 'souhait', text: string, missionKey: string | null = null) => ({ id: newId('dne_'), kind, text, missionKey });
  const consultations = [
    {
      date: '2026-09-29', kind: 'entretien_elus', title: 'Entretien avec l’adjoint à la jeunesse de Fayence', communeIds: [s.communeId(FAY)], partnerId: null,
      participants: 'Jean Roux (adjoint à la jeunesse), Luc Bernard (coordinateur enfance-jeunesse), Claire Martin (vice-présidente)',
      participantUserIds: [u('elu.fayence@demo.mutualab.fr'), u('tech.fayence@demo.mutualab.fr'), u('vp@demo.mutualab.fr')],
      minutes: 'L’accueil de loisirs est saturé le mercredi. La commune est prête à partager son PIJ si les autres communes participent à son financement.',
      needs: [need('besoin', 'Plus de places le mercredi à l’accueil de loisirs', 'accueil_loisirs'), need('souhait', 'Un PIJ commun avec des permanences dans chaque village', 'point_information_jeunesse')],
    },
    {
      date: '2026-10-06', kind: 'reunion_partenaires', title: 'Visite de l’accueil de loisirs de Fayence avec la CAF', communeIds: [s.communeId(FAY)], partnerId: s.partnerId('CAF du Var'),
      participants: 'Inès Moreau (CAF du Var), Luc Bernard', participantUserIds: [u('caf@demo.mutualab.fr'), u('tech.fayence@demo.mutualab.fr')],
      minutes: 'La CAF rappelle les conditions du bonus territoire de la convention territoriale globale.', needs: [need('besoin', 'Harmoniser les tarifs selon le quotient familial')],
    },
    {
      date: '2026-10-14', kind: 'reunion_partenaires', title: 'Comité technique CAF et département', communeIds: [FAY, SEI, MTX, TOU].map(s.communeId), partnerId: s.partnerId('Conseil départemental du Var'),
      participants: 'Techniciens des quatre communes, CAF du Var, conseil départemental', participantUserIds: [u('tech.epci@demo.mutualab.fr'), u('caf@demo.mutualab.fr')],
      minutes: 'Les partenaires soutiennent un projet éducatif de territoire commun.', needs: [need('souhait', 'Un projet éducatif de territoire à l’échelle intercommunale'), need('besoin', 'Former des animateur·rices au BAFA localement', 'bafa_formation')],
    },
    {
      date: '2026-10-20', kind: 'entretien_elus', title: 'Entretien avec la maire de Seillans', communeIds: [s.communeId(SEI)], partnerId: null,
      participants: 'Sophie Garnier (maire), Nadia Benali', participantUserIds: [u('elu.seillans@demo.mutualab.fr'), u('tech.epci@demo.mutualab.fr')],
      minutes: 'Priorité aux 11-17 ans, aujourd’hui sans offre sur la commune.', needs: [need('besoin', 'Une navette vers l’espace jeunes de Fayence le mercredi', mobility)],
    },
  ];
  for (const c of consultations) tx.insert(diagConsultations).values({ id: newId('dco_'), projectId: s.projectId, ...c, ...stamps() }).run();

  // Completeness: only Fayence and Seillans have élus among the demo accounts, so only they validate or send back.
  const board: [string, string, 'soumis' | 'valide' | 'a_revoir', string | null][] = [
    [FAY, 'besoins', 'valide', null], [FAY, 'services', 'valide', null], [FAY, 'agents', 'soumis', null], [FAY, 'equipements', 'soumis', null], [FAY, 'finances', 'valide', null],
    [SEI, 'besoins', 'soumis', null], [SEI, 'equipements', 'a_revoir', 'Préciser le taux d’occupation de la médiathèque.'], [SEI, 'finances', 'valide', null],
    [MTX, 'besoins', 'soumis', null], [MTX, 'services', 'soumis', null], [MTX, 'agents', 'soumis', null], [MTX, 'equipements', 'soumis', null], [MTX, 'finances', 'soumis', null],
    [TOU, 'services', 'soumis', null], [TOU, 'agents', 'soumis', null], [TOU, 'finances', 'soumis', null],
  ];
  const elu: Record<string, string> = { [FAY]: u('elu.fayence@demo.mutualab.fr'), [SEI]: u('elu.seillans@demo.mutualab.fr') };
  for (const [c, section, status, comment] of board) {
    const reviewed = status !== 'soumis';
    tx.insert(diagCompleteness).values({
      projectId: s.projectId, communeId: s.communeId(c), section, status, comment, updatedAt: AT,
      submittedAt: AT, submittedBy: c === FAY ? techFayence : tech,
      validatedAt: reviewed ? AT : null, validatedBy: reviewed ? elu[c] : null,
    }).run();
  }
}
