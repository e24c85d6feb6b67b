/**
 * The demo: the real CC du Pays de Fayence (SIREN 200004802) read from official data, one outside commune,
 * two partners, the demo accounts and the project « Mutualisation du service jeunesse » in phase Diagnostic.
 * Runs only on an empty database in demo mode.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../context.js';
import { users, communes, partners, projects, phaseTransitions, participations, participationEvents, phasePlans, projectMembers } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../features/auth/password.js';
import { createTerritoryFromSiren, addOutsideCommune, addPartner } from '../features/territory/territory.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemoDiagnostic } from './demo-diagnostic.js';
import { seedDemoScenarios } from './demo-scenarios.js';
import { seedDemoProgrammes } from '../features/programmes/programmes.demo.js';
import type { Phase } from '../../shared/projects/phases.js';

export const DEMO_SIREN = '200004802';
export const DEMO_OUTSIDE_INSEE = '83001'; // Les Adrets-de-l'Estérel, outside the EPCI
export const DEMO_PROJECT_TITLE = 'Mutualisation du service jeunesse';

/** Participation of the communes in the demo project, by INSEE code. */
const DEMO_PARTICIPATIONS: Record<string, 'participante' | 'invitee' | 'observatrice'> = {
  '83055': 'participante', // Fayence
  '83124': 'participante', // Seillans
  '83081': 'participante', // Montauroux
  '83138': 'participante', // Tourrettes
  '83029': 'invitee', // Callian
  '83080': 'invitee', // Mons
  '83133': 'observatrice', // Tanneron
  [DEMO_OUTSIDE_INSEE]: 'invitee',
};

/** Past transitions (reflection steps done) and planned dates of the coming phases. */
const DEMO_HISTORY: { to: Phase; at: string; reason: string }[] = [
  { to: 'besoins', at: '2026-03-12T09:00:00.000Z', reason: 'Création du projet' },
  { to: 'perimetre', at: '2026-05-05T14:00:00.000Z', reason: 'Besoins partagés en conférence des maires' },
  { to: 'allocation', at: '2026-07-02T09:30:00.000Z', reason: 'Périmètre validé en COPIL' },
  { to: 'diagnostic', at: '2026-09-21T08:00:00.000Z', reason: 'Enveloppe budgétaire cadrée' },
];
const DEMO_PLAN: Partial<Record<Phase, string>> = {
  besoins: '2026-03-01',
  perimetre: '2026-05-01',
  allocation: '2026-07-01',
  diagnostic: '2026-09-15',
  scenarios: '2027-01-11',
  arbitrage: '2027-03-08',
  cadre_strategique: '2027-04-12',
  convention: '2027-05-31',
  deliberations: '2027-09-06',
  en_vigueur: '2028-01-01',
};

/** Seeds the demo; returns false when the database already holds data. */
export async function seedDemo(deps: AppDeps): Promise<boolean> {
  if (deps.db.select({ id: users.id }).from(users).limit(1).get()) return false;
  const now = deps.clock.now().toISOString();
  const hash = await hashPassword(DEMO_PASSWORD);

  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrateur')!;
  const adminId = newId('usr_');
  deps.db.insert(users).values({ id: adminId, email: admin.email, name: admin.name, role: admin.role, passwordHash: hash, createdAt: now }).run();
  const ctx = { userId: adminId, requestId: 'seed' };
  const territory = createTerritoryFromSiren(deps, DEMO_SIREN, ctx);
  addOutsideCommune(deps, territory.id, DEMO_OUTSIDE_INSEE, ctx);
  const caf = addPartner(deps, territory.id, { name: 'CAF du Var', kind: 'caf' }, ctx);
  addPartner(deps, territory.id, { name: 'Conseil départemental du Var', kind: 'departement' }, ctx);

  const communeByInsee = new Map(deps.db.select().from(communes).where(eq(communes.territoryId, territory.id)).all().map((c) => [c.inseeCode, c]));
  const partnerByName = new Map(deps.db.select().from(partners).all().map((p) => [p.name, p]));
  const idByEmail = new Map<string, string>([[admin.email, adminId]]);

  deps.db.transaction((tx) => {
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role !== 'administrateur')) {
      const id = newId('usr_');
      idByEmail.set(a.email, id);
      tx.insert(users)
        .values({
          id,
          email: a.email,
          name: a.name,
          role: a.role,
          title: a.title ?? null,
          communeId: a.communeInsee ? communeByInsee.get(a.communeInsee)!.id : null,
          partnerId: a.partner ? (partnerByName.get(a.partner)?.id ?? caf.id) : null,
          passwordHash: hash,
          createdAt: now,
        })
        .run();
    }
    const vpId = idByEmail.get('vp@demo.mutualab.fr')!;
    const projectId = newId('prj_');
    tx.insert(projects)
      .values({
        id: projectId,
        territoryId: territory.id,
        title: DEMO_PROJECT_TITLE,
        description:
          "Les communes du Pays de Fayence étudient la mutualisation de leurs accueils de loisirs, points information jeunesse et animations ados : un service commun porté par la communauté de communes, avec des animateur·rices communaux et communautaires.",
        domains: ['jeunesse'],
        facilitatorId: vpId,
        phase: 'diagnostic',
        createdAt: DEMO_HISTORY[0].at,
        createdBy: vpId,
      })
      .run();
    let from: Phase | null = null;
    for (const step of DEMO_HISTORY) {
      tx.insert(phaseTransitions).values({ projectId, fromPhase: from, toPhase: step.to, byUserId: vpId, at: step.at, reason: step.reason }).run();
      from = step.to;
    }
    for (const [phase, plannedDate] of Object.entries(DEMO_PLAN)) tx.insert(phasePlans).values({ projectId, phase, plannedDate }).run();
    for (const [insee, state] of Object.entries(DEMO_PARTICIPATIONS)) {
      const communeId = communeByInsee.get(insee)!.id;
      const invitedAt = DEMO_HISTORY[0].at;
      tx.insert(participationEvents).values({ projectId, communeId, fromState: null, toState: 'invitee', at: invitedAt, byUserId: vpId }).run();
      if (state !== 'invitee') {
        tx.insert(participationEvents).values({ projectId, communeId, fromState: 'invitee', toState: state, at: DEMO_HISTORY[1].at, byUserId: vpId, note: 'Délibération de principe du conseil municipal' }).run();
      }
      tx.insert(participations).values({ projectId, communeId, state, since: state === 'invitee' ? invitedAt : DEMO_HISTORY[1].at }).run();
    }
    for (const a of DEMO_ACCOUNTS.filter((x) => x.projectMember)) {
      tx.insert(projectMembers).values({ projectId, userId: idByEmail.get(a.email)!, addedAt: DEMO_HISTORY[1].at, addedBy: vpId }).run();
    }
    seedDemoDiagnostic(tx, { projectId, communeId: (insee) => communeByInsee.get(insee)!.id, userId: (email) => idByEmail.get(email)!, partnerId: (name) => partnerByName.get(name)!.id });
    seedDemoScenarios(tx, { projectId, communeId: (insee) => communeByInsee.get(insee)!.id, userId: (email) => idByEmail.get(email)! });
    seedDemoProgrammes(tx, { projectId, communeId: (insee) => communeByInsee.get(insee)!.id, userId: (email) => idByEmail.get(email)!, at: DEMO_HISTORY[1].at });
  });
  return true;
}
