import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import type { ProjectDto, ProjectSummaryDto, PhaseTransitionDto, ParticipationEventDto, AuditEventDto } from '../../../shared/api/types.js';
import type { Phase } from '../../../shared/projects/phases.js';
import type { ParticipationState } from '../../../shared/projects/participation.js';
import type { ProjectDomain } from '../../../shared/projects/domains.js';
import type { Role } from '../../../shared/auth/roles.js';
import { projectsRepo } from './projects.repo.js';

type ProjectRow = NonNullable<ReturnType<typeof projectsRepo.byId>>;

/** Summaries for the project list, with the facilitator's name and participant count resolved in two queries. */
export function presentSummaries(deps: AppDeps, rows: ProjectRow[]): ProjectSummaryDto[] {
  const counts = new Map(projectsRepo.participantCounts(deps.db).map((r) => [r.projectId, r.n]));
  const names = new Map(projectsRepo.userNames(deps.db, rows.map((r) => r.facilitatorId).filter((x): x is string => !!x)).map((u) => [u.id, u.name]));
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    domains: p.domains as ProjectDomain[],
    phase: p.phase as Phase,
    territoryId: p.territoryId,
    facilitatorId: p.facilitatorId,
    facilitatorName: p.facilitatorId ? (names.get(p.facilitatorId) ?? null) : null,
    participantCount: counts.get(p.id) ?? 0,
  }));
}

/** The project detail of contracts.md, with what the viewer may do on it. */
export function presentProject(deps: AppDeps, policy: Policy, row: ProjectRow, viewer: SessionUser): ProjectDto {
  const [summary] = presentSummaries(deps, [row]);
  return {
    ...summary,
    description: row.description,
    createdAt: row.createdAt,
    participations: projectsRepo.participations(deps.db, row.id).map(({ p, c }) => ({
      communeId: c.id,
      communeName: c.name,
      inseeCode: c.inseeCode,
      member: c.member,
      state: p.state as ParticipationState,
      since: p.since,
    })),
    plannedDates: Object.fromEntries(projectsRepo.plans(deps.db, row.id).map((p) => [p.phase, p.plannedDate])),
    members: projectsRepo.members(deps.db, row.id).map((m) => ({ userId: m.userId, name: m.name, role: m.role as Role, ...(m.partnerName ? { partnerName: m.partnerName } : {}) })),
    myAbilities: policy.abilitiesForProject(viewer, row.id),
  };
}

export function presentPhaseHistory(deps: AppDeps, projectId: string): PhaseTransitionDto[] {
  return projectsRepo.phaseHistory(deps.db, projectId).map(({ t, name }) => ({
    id: t.id,
    from: (t.fromPhase as Phase) ?? null,
    to: t.toPhase as Phase,
    at: t.at,
    by: { id: t.byUserId, name },
    reason: t.reason,
  }));
}

export function presentParticipationHistory(deps: AppDeps, projectId: string): ParticipationEventDto[] {
  return projectsRepo.participationHistory(deps.db, projectId).map(({ e, byName, communeName }) => ({
    id: e.id,
    communeId: e.communeId,
    communeName,
    from: (e.fromState as ParticipationState) ?? null,
    to: e.toState as ParticipationState,
    at: e.at,
    by: { id: e.byUserId, name: byName },
    note: e.note,
  }));
}

export function presentAudit(deps: AppDeps, projectId: string, limit = 500): AuditEventDto[] {
  return projectsRepo.audit(deps.db, projectId, limit).map(({ a, name }) => ({
    id: a.id,
    at: a.at,
    user: a.userId ? { id: a.userId, name: name ?? '—' } : null,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    before: a.before,
    after: a.after,
    requestId: a.requestId,
  }));
}
