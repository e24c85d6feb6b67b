/**
 * Progressive membership after adoption: a commune joins through an avenant (its own document, annexes 1 and 2
 * with the new perimeter and allocation, its own deliberations) — the signed convention is never modified; a
 * commune leaves through a withdrawal (retrait) recorded with its dates and effects.
 */
import { and, eq } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { communes } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { INSTRUMENT_DEFS } from '../../../shared/scenarios/instruments.js';
import { citeRefs } from '../../../shared/scenarios/types.js';
import { applyAnnexes, fillSections } from '../../../shared/convention/annex-blocks.js';
import { buildAvenantAnnexes } from '../../../shared/convention/annexes.js';
import { avenantBodies } from '../../../shared/convention/avenant-text.js';
import type { WithdrawalInput } from '../../../shared/convention/schemas.js';
import { createDocument } from '../documents/documents.service.js';
import { getProjectOr404, setParticipation } from '../projects/projects.service.js';
import { projectsRepo } from '../projects/projects.repo.js';
import { announce, generatedScenarioOr409, GENERATION_ORIGIN } from '../convention/convention.service.js';
import { loadFacts } from '../convention/convention.facts.js';
import { conventionRepo } from '../convention/convention.repo.js';
import { insertDeliberations } from '../convention/convention.parties.js';
import { freezeConventionIfSigned } from './deliberations.freeze.js';

type Ctx = { user: SessionUser; requestId?: string };

/** Communes party to the convention today: its own communes and those of adopted avenants. */
export function partyCommuneIds(deps: AppDeps, projectId: string): { own: string[]; joined: string[] } {
  const own = conventionRepo.deliberations(deps.db, projectId, null).map((r) => r.d.communeId).filter((id): id is string => !!id);
  const joined = conventionRepo.avenants(deps.db, projectId).filter((a) => a.status === 'adopte').map((a) => a.communeId);
  return { own, joined };
}

function conventionOr409(deps: AppDeps, projectId: string) {
  getProjectOr404(deps, projectId);
  const row = conventionRepo.byProject(deps.db, projectId);
  if (!row?.documentId) throw conflict('La convention n’a pas encore été générée.', undefined, 'convention_missing');
  return row as typeof row & { documentId: string };
}

/**
 * Creates the avenant of adhesion of a commune to the signed convention: document pre-filled with the parties and the
 * new allocation, annexes 1 and 2 of the new perimeter, one `prevue` deliberation for the commune (and for the EPCI
 * when it is a party). The commune is associated with the project (invited) so that its élus can record their vote.
 */
export async function createAvenant(deps: AppDeps, collaboration: Collaboration, projectId: string, input: { communeId: string; effectiveOn?: string | null }, ctx: Ctx) {
  const conv = conventionOr409(deps, projectId);
  if (conv.status !== 'signee') throw conflict('Une adhésion se fait par avenant à la convention signée : la convention n’est pas encore signée par toutes les parties.', undefined, 'convention_not_signed');
  const project = getProjectOr404(deps, projectId);
  const commune = deps.db.select().from(communes).where(and(eq(communes.id, input.communeId), eq(communes.territoryId, project.territoryId))).get();
  if (!commune) throw notFound('Cette commune n’appartient pas au territoire du projet.', 'commune_not_found');
  if (conventionRepo.withdrawnIds(deps.db, projectId).has(commune.id)) throw conflict(`${commune.name} s’est retirée de la convention : elle ne peut pas y adhérer de nouveau par avenant.`, undefined, 'commune_withdrawn');
  const { own, joined } = partyCommuneIds(deps, projectId);
  if (own.includes(commune.id) || joined.includes(commune.id)) throw conflict(`${commune.name} est déjà partie à la convention.`, undefined, 'already_party');
  if (conventionRepo.avenants(deps.db, projectId).some((a) => a.communeId === commune.id && a.status === 'en_cours')) throw conflict(`Un avenant d’adhésion de ${commune.name} est déjà en cours.`, undefined, 'avenant_pending');
  const def = INSTRUMENT_DEFS[conv.instrument as keyof typeof INSTRUMENT_DEFS];
  if (def.communes === 'membres' && !commune.member) {
    throw conflict(`${def.label} : ${commune.name} n’est pas membre de l’EPCI ; seules ses communes membres peuvent y adhérer (${citeRefs(def.basis)}).`, undefined, 'commune_not_member');
  }
  if (!projectsRepo.participation(deps.db, projectId, commune.id)) setParticipation(deps, projectId, commune.id, 'invitee', 'Adhésion demandée par avenant', ctx);

  const scenario = generatedScenarioOr409(deps, projectId);
  const before = loadFacts(deps, scenario, joined);
  const after = loadFacts(deps, scenario, [...joined, commune.id]);
  const joiner = after.communes.find((c) => c.id === commune.id)!;
  const number = conventionRepo.nextAvenantNumber(deps.db, projectId);
  const conventionTitle = conventionRepo.docTitle(deps.db, conv.documentId)?.title ?? 'Convention';
  const bodies = avenantBodies(before, after, { number, commune: joiner, conventionTitle, signedOn: conv.signedAt?.slice(0, 10) ?? null, effectiveOn: input.effectiveOn ?? null });
  const doc = await createDocument(deps, collaboration, projectId, { kind: 'avenant', title: `Avenant n° ${number} — adhésion de ${commune.name}`.slice(0, 200) }, ctx);
  await collaboration.edit(doc.d.id, (y) => {
    fillSections(y, bodies, GENERATION_ORIGIN);
    applyAnnexes(y, buildAvenantAnnexes(after), GENERATION_ORIGIN);
  });
  const id = newId('avn_');
  const now = deps.clock.now().toISOString();
  const epci = conventionRepo.deliberations(deps.db, projectId, null).find((r) => r.d.bodyKind === 'epci')?.d;
  deps.db.transaction((tx) => {
    conventionRepo.insertAvenant(tx, { id, projectId, number, kind: 'adhesion', communeId: commune.id, documentId: doc.d.id, status: 'en_cours', effectiveOn: input.effectiveOn ?? null, createdAt: now, createdBy: ctx.user.id });
    insertDeliberations(tx, projectId, id, [
      { bodyKind: 'commune', communeId: commune.id, name: commune.name, body: `Conseil municipal — ${commune.name}` },
      ...(epci ? [{ bodyKind: 'epci' as const, communeId: null, name: epci.name, body: epci.body }] : []),
    ], now);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'avenant.created', targetType: 'avenant', targetId: id, projectId, after: { number, communeId: commune.id, documentId: doc.d.id }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'avenant');
  return { id, number, documentId: doc.d.id };
}

/**
 * Records a commune's withdrawal: dates, effects, reference of its deliberation. The commune no longer counts as a
 * party (adoption rule, evaluation) and its participation in the project becomes « retirée ».
 */
export async function recordWithdrawal(deps: AppDeps, collaboration: Collaboration, projectId: string, input: WithdrawalInput, ctx: Ctx) {
  conventionOr409(deps, projectId);
  if (input.effectiveOn < input.decidedOn) throw badRequest('La date d’effet du retrait ne peut pas précéder sa décision.', undefined, 'invalid_dates');
  const { own, joined } = partyCommuneIds(deps, projectId);
  const commune = deps.db.select().from(communes).where(eq(communes.id, input.communeId)).get();
  if (!commune || !(own.includes(commune.id) || joined.includes(commune.id))) throw conflict('Seule une commune partie à la convention peut s’en retirer.', undefined, 'not_a_party');
  if (conventionRepo.withdrawnIds(deps.db, projectId).has(commune.id)) throw conflict(`Le retrait de ${commune.name} est déjà enregistré.`, undefined, 'already_withdrawn');
  const id = newId('wdr_');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    conventionRepo.insertWithdrawal(tx, { id, projectId, communeId: commune.id, decidedOn: input.decidedOn, effectiveOn: input.effectiveOn, effects: input.effects, deliberationRef: input.deliberationRef ?? null, createdAt: now, createdBy: ctx.user.id });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'commune.withdrawn', targetType: 'commune', targetId: commune.id, projectId, after: { decidedOn: input.decidedOn, effectiveOn: input.effectiveOn, effects: input.effects, deliberationRef: input.deliberationRef ?? null }, requestId: ctx.requestId });
  });
  if (projectsRepo.participation(deps.db, projectId, commune.id)?.state !== 'retiree') {
    setParticipation(deps, projectId, commune.id, 'retiree', `Retrait de la convention au ${input.effectiveOn}`, ctx);
  }
  announce(deps, projectId, ctx.user.id, 'withdrawal');
  // The last party that had not signed may be the one leaving: the others' signatures then complete the convention.
  await freezeConventionIfSigned(deps, collaboration, projectId, ctx);
  return id;
}
