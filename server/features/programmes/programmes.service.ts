/**
 * Programmes communaux: each commune lists the actions of its programme relevant to the project (title, description,
 * planned year, budget); rounds then ask whether the proposal reinforces, leaves unchanged or weakens each of them.
 * Removing an action keeps its row (`deletedAt`): positions recorded earlier still name it.
 */
import { and, eq } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import { participations } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { participationGrantsAccess, type ParticipationState } from '../../../shared/projects/participation.js';
import { PROGRAMME_MAX_ACTIONS, type CreateProgrammeActionInput, type UpdateProgrammeActionInput } from '../../../shared/rounds/programme.js';
import { listProgramme, programmesRepo, type ProgrammeActionRow } from './programmes.repo.js';

type Ctx = { user: SessionUser; requestId?: string };

/** Throws 404 unless the commune takes part in the project (participating, invited or observing; not withdrawn). */
export function checkCommuneInProject(deps: AppDeps, projectId: string, communeId: string): void {
  const p = deps.db
    .select({ state: participations.state })
    .from(participations)
    .where(and(eq(participations.projectId, projectId), eq(participations.communeId, communeId)))
    .get();
  if (!participationGrantsAccess(p?.state as ParticipationState | undefined)) {
    throw notFound('Cette commune ne fait pas partie du projet.', 'commune_not_in_project');
  }
}

/** The current action, or `404 programme_action_not_found` (removed actions included). */
export function getActionOr404(deps: AppDeps, actionId: string): ProgrammeActionRow {
  const row = programmesRepo.byId(deps.db, actionId);
  if (!row || row.deletedAt) throw notFound('Action du programme introuvable.', 'programme_action_not_found');
  return row;
}

function publish(deps: AppDeps, row: ProgrammeActionRow) {
  deps.events.publish(row.projectId, 'programme.changed', { communeId: row.communeId, actionId: row.id }, { ability: 'programme.read' });
}

/** Adds an action at the end of the commune's programme. */
export function createAction(deps: AppDeps, projectId: string, communeId: string, input: CreateProgrammeActionInput, ctx: Ctx): ProgrammeActionRow {
  checkCommuneInProject(deps, projectId, communeId);
  const now = deps.clock.now().toISOString();
  const id = newId('pga_');
  deps.db.transaction((tx) => {
    if (listProgramme(tx, projectId, communeId).length >= PROGRAMME_MAX_ACTIONS) {
      throw conflict(`Le programme d’une commune compte ${PROGRAMME_MAX_ACTIONS} actions au plus : regroupez-en.`, undefined, 'programme_full');
    }
    const values = { title: input.title.trim(), description: (input.description ?? '').trim(), plannedYear: input.plannedYear ?? null, budgetEuros: input.budgetEuros ?? null };
    programmesRepo.insert(tx, { id, projectId, communeId, ...values, position: programmesRepo.nextPosition(tx, projectId, communeId), createdBy: ctx.user.id, createdAt: now, updatedBy: ctx.user.id, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'programme.action_created', targetType: 'programme_action', targetId: id, projectId, after: { communeId, ...values }, requestId: ctx.requestId });
  });
  const row = getActionOr404(deps, id);
  publish(deps, row);
  return row;
}

/** Edits an action (the route checked `programme.write` on its commune). */
export function updateAction(deps: AppDeps, actionId: string, input: UpdateProgrammeActionInput, ctx: Ctx): ProgrammeActionRow {
  const before = getActionOr404(deps, actionId);
  const patch = {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(input.plannedYear !== undefined ? { plannedYear: input.plannedYear } : {}),
    ...(input.budgetEuros !== undefined ? { budgetEuros: input.budgetEuros } : {}),
  };
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    programmesRepo.update(tx, actionId, { ...patch, updatedBy: ctx.user.id, updatedAt: now });
    const was = { title: before.title, description: before.description, plannedYear: before.plannedYear, budgetEuros: before.budgetEuros };
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'programme.action_updated', targetType: 'programme_action', targetId: actionId, projectId: before.projectId, before: was, after: patch, requestId: ctx.requestId });
  });
  const row = getActionOr404(deps, actionId);
  publish(deps, row);
  return row;
}

/** Removes an action from the programme (kept for the positions that mention it). */
export function deleteAction(deps: AppDeps, actionId: string, ctx: Ctx): void {
  const before = getActionOr404(deps, actionId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    programmesRepo.update(tx, actionId, { deletedAt: now, updatedBy: ctx.user.id, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'programme.action_deleted', targetType: 'programme_action', targetId: actionId, projectId: before.projectId, before: { communeId: before.communeId, title: before.title }, requestId: ctx.requestId });
  });
  publish(deps, before);
}
