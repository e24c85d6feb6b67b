import { and, eq } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { projects, participations, participationEvents, phasePlans, phaseTransitions, projectMembers, users, communes } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { checkTransition, type Phase, type PhaseGate } from '../../../shared/projects/phases.js';
import type { ParticipationState } from '../../../shared/projects/participation.js';
import { FACILITATOR_ROLES, type Role } from '../../../shared/auth/roles.js';
import { projectsRepo } from './projects.repo.js';

type Ctx = { user: SessionUser; requestId?: string };

/** Gates registered by later features (e.g. `en_vigueur` once the convention is adopted). */
type GateProvider = (deps: AppDeps, projectId: string) => PhaseGate;
const gateProviders: GateProvider[] = [];

/** Lets a feature forbid entering a phase until its condition holds; the gate explains why in French. */
export function registerPhaseGate(provider: GateProvider): void {
  gateProviders.push(provider);
}

/** What happened when a project changed phase (after the transaction committed). */
export type PhaseChange = { projectId: string; from: Phase; to: Phase; ctx: Ctx };
type PhaseListener = (change: PhaseChange) => void | Promise<void>;
/** Per app (keyed by its deps), so that several apps in one process (tests) do not call each other's listeners. */
const phaseListeners = new WeakMap<AppDeps, Set<PhaseListener>>();

/**
 * Lets a feature react to a committed phase change (e.g. versions snapshot every document). Listeners run after the
 * response is decided: a failing or slow listener never undoes nor delays the phase change; errors are logged.
 * Returns the unsubscribe function.
 */
export function onPhaseChanged(deps: AppDeps, listener: PhaseListener): () => void {
  let set = phaseListeners.get(deps);
  if (!set) phaseListeners.set(deps, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function notifyPhaseChanged(deps: AppDeps, change: PhaseChange): void {
  for (const listener of phaseListeners.get(deps) ?? []) {
    try {
      Promise.resolve(listener(change)).catch((err) => deps.logger.error('phase change listener failed', { projectId: change.projectId, error: String(err) }));
    } catch (err) {
      deps.logger.error('phase change listener failed', { projectId: change.projectId, error: String(err) });
    }
  }
}

export function getProjectOr404(deps: AppDeps, projectId: string) {
  const p = projectsRepo.byId(deps.db, projectId);
  if (!p) throw notFound('Projet introuvable.', 'project_not_found');
  return p;
}

/** Projects the user may open (the policy decides per project). */
export function listVisibleProjects(deps: AppDeps, policy: Policy, user: SessionUser) {
  return projectsRepo.all(deps.db).filter((p) => policy.can(user, 'project.read', { projectId: p.id }));
}

function assertFacilitator(deps: AppDeps, facilitatorId: string) {
  const u = deps.db.select().from(users).where(eq(users.id, facilitatorId)).get();
  if (!u) throw badRequest("L'animateur·rice désigné·e n'existe pas.", undefined, 'unknown_facilitator');
  if (!FACILITATOR_ROLES.includes(u.role as Role)) {
    throw badRequest("L'animation d'un projet revient à un·e élu·e (ou un·e administrateur·rice).", undefined, 'facilitator_not_elected');
  }
}

export type CreateProjectInput = {
  territoryId: string;
  title: string;
  description?: string;
  domains: string[];
  facilitatorId?: string | null;
  communeIds?: string[];
};

/** Creates a project in its first phase, with the listed communes invited, in one transaction. */
export function createProject(deps: AppDeps, input: CreateProjectInput, ctx: Ctx) {
  if (input.facilitatorId) assertFacilitator(deps, input.facilitatorId);
  const now = deps.clock.now().toISOString();
  const id = newId('prj_');
  const territoryCommunes = new Set(deps.db.select({ id: communes.id }).from(communes).where(eq(communes.territoryId, input.territoryId)).all().map((c) => c.id));
  for (const cid of input.communeIds ?? []) {
    if (!territoryCommunes.has(cid)) throw badRequest(`La commune ${cid} n'appartient pas au territoire.`, undefined, 'unknown_commune');
  }
  deps.db.transaction((tx) => {
    tx.insert(projects)
      .values({ id, territoryId: input.territoryId, title: input.title, description: input.description ?? '', domains: input.domains, facilitatorId: input.facilitatorId ?? null, phase: 'besoins', createdAt: now, createdBy: ctx.user.id })
      .run();
    tx.insert(phaseTransitions).values({ projectId: id, fromPhase: null, toPhase: 'besoins', byUserId: ctx.user.id, at: now, reason: 'Création du projet' }).run();
    for (const communeId of new Set(input.communeIds ?? [])) {
      tx.insert(participations).values({ projectId: id, communeId, state: 'invitee', since: now }).run();
      tx.insert(participationEvents).values({ projectId: id, communeId, fromState: null, toState: 'invitee', at: now, byUserId: ctx.user.id }).run();
    }
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.created', targetType: 'project', targetId: id, projectId: id, after: { title: input.title, facilitatorId: input.facilitatorId ?? null }, requestId: ctx.requestId });
  });
  return getProjectOr404(deps, id);
}

/** Updates title, description, domains or facilitator; a facilitator change is audited (it moves permissions). */
export function updateProject(deps: AppDeps, projectId: string, patch: Partial<Pick<CreateProjectInput, 'title' | 'description' | 'domains' | 'facilitatorId'>>, ctx: Ctx) {
  const before = getProjectOr404(deps, projectId);
  if (patch.facilitatorId) assertFacilitator(deps, patch.facilitatorId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    tx.update(projects).set(patch).where(eq(projects.id, projectId)).run();
    recordAudit(tx, {
      at: now,
      userId: ctx.user.id,
      action: patch.facilitatorId !== undefined && patch.facilitatorId !== before.facilitatorId ? 'project.facilitator_changed' : 'project.updated',
      targetType: 'project',
      targetId: projectId,
      projectId,
      before: { title: before.title, domains: before.domains, facilitatorId: before.facilitatorId },
      after: patch,
      requestId: ctx.requestId,
    });
  });
  deps.events.publish(projectId, 'project.updated', { projectId });
  return getProjectOr404(deps, projectId);
}

/** Sets (or clears with null) the planned start date of phases. */
export function setPlannedDates(deps: AppDeps, projectId: string, dates: Partial<Record<Phase, string | null>>, ctx: Ctx) {
  getProjectOr404(deps, projectId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    for (const [phase, date] of Object.entries(dates)) {
      tx.delete(phasePlans).where(and(eq(phasePlans.projectId, projectId), eq(phasePlans.phase, phase))).run();
      if (date) tx.insert(phasePlans).values({ projectId, phase, plannedDate: date }).run();
    }
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.plan_changed', targetType: 'project', targetId: projectId, projectId, after: dates, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'project.updated', { projectId });
}

/** Moves the project to another phase following the phase machine; records who, when, from, to and why. */
export function changePhase(deps: AppDeps, policy: Policy, projectId: string, to: Phase, reason: string | null | undefined, ctx: Ctx) {
  const project = getProjectOr404(deps, projectId);
  const from = project.phase as Phase;
  const verdict = checkTransition({
    from,
    to,
    reason,
    actorMayControl: policy.can(ctx.user, 'project.phase.change', { projectId }),
    gates: gateProviders.map((g) => g(deps, projectId)),
  });
  if (!verdict.ok) {
    if (verdict.code === 'not_allowed') throw forbidden(verdict.message);
    if (verdict.code === 'reason_required') throw badRequest(verdict.message, undefined, verdict.code);
    throw conflict(verdict.message, { from, to }, verdict.code);
  }
  const now = deps.clock.now().toISOString();
  const cleanReason = reason?.trim() || null;
  deps.db.transaction((tx) => {
    // Compare-and-set on the phase so two concurrent moves cannot both apply.
    const res = tx.update(projects).set({ phase: to }).where(and(eq(projects.id, projectId), eq(projects.phase, from))).run();
    if (res.changes !== 1) throw conflict('La phase a changé entre-temps ; rechargez la page.', undefined, 'phase_changed_concurrently');
    tx.insert(phaseTransitions).values({ projectId, fromPhase: from, toPhase: to, byUserId: ctx.user.id, at: now, reason: cleanReason }).run();
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.phase_changed', targetType: 'project', targetId: projectId, projectId, before: { phase: from }, after: { phase: to, reason: cleanReason }, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'project.phase_changed', { projectId, from, to, by: ctx.user.id, reason: cleanReason });
  notifyPhaseChanged(deps, { projectId, from, to, ctx });
  return getProjectOr404(deps, projectId);
}

/** Sets a commune's participation state (progressive membership); outside communes are allowed. */
export function setParticipation(deps: AppDeps, projectId: string, communeId: string, state: ParticipationState, note: string | null | undefined, ctx: Ctx) {
  const project = getProjectOr404(deps, projectId);
  const commune = deps.db.select().from(communes).where(eq(communes.id, communeId)).get();
  if (!commune || commune.territoryId !== project.territoryId) throw notFound("Cette commune n'appartient pas au territoire du projet.", 'commune_not_found');
  const current = projectsRepo.participation(deps.db, projectId, communeId);
  if (current?.state === state) throw conflict(`La commune est déjà dans l'état « ${state} ».`, undefined, 'same_state');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    if (current) tx.update(participations).set({ state, since: now }).where(and(eq(participations.projectId, projectId), eq(participations.communeId, communeId))).run();
    else tx.insert(participations).values({ projectId, communeId, state, since: now }).run();
    tx.insert(participationEvents).values({ projectId, communeId, fromState: current?.state ?? null, toState: state, at: now, byUserId: ctx.user.id, note: note?.trim() || null }).run();
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.participation_changed', targetType: 'commune', targetId: communeId, projectId, before: current ? { state: current.state } : null, after: { state, note: note ?? null }, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'project.participation_changed', { projectId, communeId, from: (current?.state as ParticipationState) ?? null, to: state });
}

/** Adds a partner or an observer to a project (they then read it; partners comment where invited). */
export function addMember(deps: AppDeps, projectId: string, userId: string, ctx: Ctx) {
  getProjectOr404(deps, projectId);
  const u = deps.db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw notFound('Utilisateur·rice introuvable.', 'user_not_found');
  if (u.role !== 'partenaire' && u.role !== 'observateur') {
    throw badRequest('Seuls les partenaires et observateur·rices sont ajouté·es individuellement à un projet.', undefined, 'not_individual_member');
  }
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    tx.insert(projectMembers).values({ projectId, userId, addedAt: now, addedBy: ctx.user.id }).onConflictDoNothing().run();
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.member_added', targetType: 'user', targetId: userId, projectId, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'project.updated', { projectId });
}

export function removeMember(deps: AppDeps, projectId: string, userId: string, ctx: Ctx) {
  getProjectOr404(deps, projectId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    const res = tx.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))).run();
    if (res.changes === 0) throw notFound("Cette personne n'est pas membre du projet.", 'member_not_found');
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.member_removed', targetType: 'user', targetId: userId, projectId, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'project.updated', { projectId });
}
