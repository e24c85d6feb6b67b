/**
 * The action plan of a project: strategic objectives and actions (lead, partners, dates, budget, indicator,
 * status), its progress and timeline. Every change is audited and announced live (`action_plan.changed`).
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { checkDates, planProgress, timeline, type ActionInput, type ActionStatus } from '../../../shared/convention/action-plan.js';
import type { ActionDto, ActionPlanDto, ObjectiveDto } from '../../../shared/convention/api.js';
import { getProjectOr404 } from '../projects/projects.service.js';
import { actionPlanRepo } from './action-plan.repo.js';
import { presentAction, presentObjective } from './action-plan.presenter.js';

type Ctx = { user: SessionUser; requestId?: string };

const today = (deps: AppDeps) => deps.clock.now().toISOString().slice(0, 10);

function announce(deps: AppDeps, projectId: string, by: string, actionId: string | null) {
  deps.events.publish(projectId, 'action_plan.changed', { by, actionId }, { ability: 'scenario.read' });
}

function leadNames(deps: AppDeps, projectId: string) {
  const communes = actionPlanRepo.leadCommunes(deps.db, projectId);
  const partners = actionPlanRepo.leadPartners(deps.db, projectId);
  return { communes, partners, names: new Map([...communes, ...partners].map((x) => [x.id, x.name])) };
}

/** The actions of a project as DTOs. */
export function listActions(deps: AppDeps, projectId: string): ActionDto[] {
  const { names } = leadNames(deps, projectId);
  const day = today(deps);
  return actionPlanRepo.actions(deps.db, projectId).map((r) => presentAction(r.a, r.updatedByName, names, day));
}

/** `GET …/action-plan`: objectives, actions, progress, timeline, who may lead, what the viewer may do. */
export function getPlan(deps: AppDeps, policy: Policy, user: SessionUser, projectId: string): ActionPlanDto {
  getProjectOr404(deps, projectId);
  const { communes, partners } = leadNames(deps, projectId);
  const objectives = actionPlanRepo.objectives(deps.db, projectId).map(presentObjective);
  const actions = listActions(deps, projectId);
  const day = today(deps);
  return {
    objectives,
    actions,
    progress: planProgress(actions, objectives.map((o) => o.id), day),
    timeline: timeline(actions, day),
    leads: { communes, partners },
    can: { write: policy.can(user, 'action_plan.write', { projectId }) },
    today: day,
  };
}

/** Checks the references of an action (objective of this project, a lead of the right kind) and its dates. */
function validate(deps: AppDeps, projectId: string, a: Pick<ActionInput, 'objectiveId' | 'leadKind' | 'leadId' | 'startDate' | 'deadline'>) {
  if (a.objectiveId && !actionPlanRepo.objective(deps.db, projectId, a.objectiveId)) throw badRequest('Cet objectif n’appartient pas au cadre stratégique du projet.', undefined, 'unknown_objective');
  const { communes, partners } = leadNames(deps, projectId);
  if (a.leadKind === 'epci' && a.leadId) throw badRequest('Un pilotage intercommunal ne désigne ni commune ni partenaire (leadId vide).', undefined, 'invalid_lead');
  if (a.leadKind === 'commune' && !communes.some((c) => c.id === a.leadId)) throw badRequest('Choisissez une commune associée au projet comme pilote.', undefined, 'invalid_lead');
  if (a.leadKind === 'partenaire' && !partners.some((p) => p.id === a.leadId)) throw badRequest('Choisissez un partenaire du territoire comme pilote.', undefined, 'invalid_lead');
  const dates = checkDates(a);
  if (dates) throw badRequest(dates, undefined, 'invalid_dates');
}

const leadColumns = (a: Pick<ActionInput, 'leadKind' | 'leadId'>) => ({
  leadKind: a.leadKind,
  leadCommuneId: a.leadKind === 'commune' ? a.leadId : null,
  leadPartnerId: a.leadKind === 'partenaire' ? a.leadId : null,
});

function actionOr404(deps: AppDeps, projectId: string, actionId: string) {
  const row = actionPlanRepo.action(deps.db, projectId, actionId);
  if (!row) throw notFound('Action introuvable.', 'action_not_found');
  return row;
}

function actionDto(deps: AppDeps, projectId: string, actionId: string): ActionDto {
  return listActions(deps, projectId).find((a) => a.id === actionId)!;
}

/** Creates an action. */
export function createAction(deps: AppDeps, projectId: string, input: ActionInput, ctx: Ctx): ActionDto {
  getProjectOr404(deps, projectId);
  validate(deps, projectId, input);
  const now = deps.clock.now().toISOString();
  const id = newId('act_');
  deps.db.transaction((tx) => {
    actionPlanRepo.insertAction(tx, {
      id,
      projectId,
      objectiveId: input.objectiveId,
      title: input.title,
      description: input.description,
      ...leadColumns(input),
      partners: input.partners,
      startDate: input.startDate,
      deadline: input.deadline,
      budgetCents: input.budgetCents,
      indicator: input.indicator,
      status: input.status,
      createdAt: now,
      createdBy: ctx.user.id,
      updatedAt: now,
      updatedBy: ctx.user.id,
    });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'action_plan.action_created', targetType: 'action', targetId: id, projectId, after: { title: input.title, status: input.status }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, id);
  return actionDto(deps, projectId, id);
}

/** Changes some fields of an action. */
export function updateAction(deps: AppDeps, projectId: string, actionId: string, patch: Partial<ActionInput>, ctx: Ctx): ActionDto {
  const before = actionOr404(deps, projectId, actionId);
  const current = {
    objectiveId: before.objectiveId,
    leadKind: before.leadKind as ActionInput['leadKind'],
    leadId: before.leadKind === 'commune' ? before.leadCommuneId : before.leadKind === 'partenaire' ? before.leadPartnerId : null,
    startDate: before.startDate,
    deadline: before.deadline,
  };
  // Changing the kind of lead without naming the new one means « the EPCI » or must name a commune/partner.
  const merged = { ...current, ...patch, ...(patch.leadKind !== undefined && patch.leadId === undefined ? { leadId: null } : {}) };
  validate(deps, projectId, merged);
  const now = deps.clock.now().toISOString();
  const { leadId: _leadId, leadKind: _leadKind, ...rest } = patch;
  deps.db.transaction((tx) => {
    actionPlanRepo.updateAction(tx, actionId, { ...rest, ...leadColumns(merged), updatedAt: now, updatedBy: ctx.user.id });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'action_plan.action_updated', targetType: 'action', targetId: actionId, projectId, before: { title: before.title, status: before.status as ActionStatus }, after: patch, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, actionId);
  return actionDto(deps, projectId, actionId);
}

/** Deletes an action. */
export function deleteAction(deps: AppDeps, projectId: string, actionId: string, ctx: Ctx): void {
  const before = actionOr404(deps, projectId, actionId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    actionPlanRepo.deleteAction(tx, actionId);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'action_plan.action_deleted', targetType: 'action', targetId: actionId, projectId, before: { title: before.title }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, actionId);
}

/** Adds an objective at the end of the list (used by the cadre generation too). */
export function createObjective(deps: AppDeps, projectId: string, label: string, ctx: Ctx): ObjectiveDto {
  getProjectOr404(deps, projectId);
  const now = deps.clock.now().toISOString();
  const id = newId('obj_');
  deps.db.transaction((tx) => {
    actionPlanRepo.insertObjective(tx, { id, projectId, label, position: actionPlanRepo.nextObjectivePosition(tx, projectId), createdAt: now, createdBy: ctx.user.id });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'action_plan.objective_created', targetType: 'objective', targetId: id, projectId, after: { label }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, null);
  return presentObjective(actionPlanRepo.objective(deps.db, projectId, id)!);
}

function objectiveOr404(deps: AppDeps, projectId: string, objectiveId: string) {
  const row = actionPlanRepo.objective(deps.db, projectId, objectiveId);
  if (!row) throw notFound('Objectif introuvable.', 'objective_not_found');
  return row;
}

/** Renames an objective. */
export function renameObjective(deps: AppDeps, projectId: string, objectiveId: string, label: string, ctx: Ctx): ObjectiveDto {
  const before = objectiveOr404(deps, projectId, objectiveId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    actionPlanRepo.updateObjective(tx, objectiveId, label);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'action_plan.objective_renamed', targetType: 'objective', targetId: objectiveId, projectId, before: { label: before.label }, after: { label }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, null);
  return presentObjective(objectiveOr404(deps, projectId, objectiveId));
}

/** Deletes an objective no action is linked to (409 otherwise: relink or delete the actions first). */
export function deleteObjective(deps: AppDeps, projectId: string, objectiveId: string, ctx: Ctx): void {
  const before = objectiveOr404(deps, projectId, objectiveId);
  const linked = actionPlanRepo.actionsOfObjective(deps.db, objectiveId);
  if (linked > 0) throw conflict(`${linked} action(s) sont rattachées à cet objectif : rattachez-les à un autre objectif avant de le supprimer.`, { actions: linked }, 'objective_in_use');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    actionPlanRepo.deleteObjective(tx, objectiveId);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'action_plan.objective_deleted', targetType: 'objective', targetId: objectiveId, projectId, before: { label: before.label }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, null);
}
