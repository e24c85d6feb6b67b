/**
 * The project's own missions, added to the built-in jeunesse list (e.g. « Mobilité des jeunes » in a rural EPCI).
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { diagMissions } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../../lib/audit.js';
import { normalize } from '../../../shared/diagnostic/cells.js';
import type { MissionDto } from '../../../shared/diagnostic/types.js';
import type { DiagContext } from './diagnostic.context.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { announce, type Ctx } from './diagnostic.service.js';

export function addMission(deps: AppDeps, ctx: DiagContext, input: { label: string; description?: string }, c: Ctx): MissionDto {
  const projectId = ctx.project.id;
  if (ctx.missions.some((m) => normalize(m.label) === normalize(input.label))) {
    throw conflict(`La mission « ${input.label} » existe déjà.`, undefined, 'duplicate_mission');
  }
  const id = newId('mis_');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    tx.insert(diagMissions).values({ id, projectId, label: input.label, description: input.description ?? '', createdAt: now, createdBy: c.user.id, updatedAt: now, updatedBy: c.user.id }).run();
    recordAudit(tx, { at: now, userId: c.user.id, action: 'diagnostic.mission.created', targetType: 'diagnostic.mission', targetId: id, projectId, after: input, requestId: c.requestId });
  });
  announce(deps, projectId, { section: 'missions', action: 'created', communeIds: [], recordIds: [id] }, c.user.id);
  return { key: id, label: input.label, description: input.description ?? '', custom: true };
}

/** Removes a project mission nobody refers to (answers, services or expressed needs keep it otherwise). */
export function removeMission(deps: AppDeps, ctx: DiagContext, missionKey: string, c: Ctx): void {
  const projectId = ctx.project.id;
  const mission = diagnosticRepo.customMissions(deps.db, projectId).find((m) => m.id === missionKey);
  if (!mission) throw notFound('Mission introuvable (seules les missions ajoutées au projet peuvent être retirées).', 'mission_not_found');
  const used =
    diagnosticRepo.list(deps.db, 'besoins', projectId).some((b) => b.missionKey === missionKey) ||
    diagnosticRepo.list(deps.db, 'services', projectId).some((s) => ((s.missions as string[] | null) ?? []).includes(missionKey)) ||
    diagnosticRepo.list(deps.db, 'consultations', projectId).some((x) => (x.needs as { missionKey: string | null }[]).some((n) => n.missionKey === missionKey));
  if (used) throw conflict(`La mission « ${mission.label} » est utilisée par des fiches : retirez-la d’abord de ces fiches.`, undefined, 'mission_in_use');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    tx.delete(diagMissions).where(eq(diagMissions.id, missionKey)).run();
    recordAudit(tx, { at: now, userId: c.user.id, action: 'diagnostic.mission.deleted', targetType: 'diagnostic.mission', targetId: missionKey, projectId, before: { label: mission.label, description: mission.description }, requestId: c.requestId });
  });
  announce(deps, projectId, { section: 'missions', action: 'deleted', communeIds: [], recordIds: [missionKey] }, c.user.id);
}
