/**
 * Everything references are checked and file cells resolved against, loaded once per request: the project's
 * communes, the territory's communes (residence of users), missions, services, partners and the people of the project.
 */
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { notFound } from '../../lib/errors.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { CellContext } from '../../../shared/diagnostic/cells.js';
import { diagnosticRepo } from './diagnostic.repo.js';

export type DiagContext = ReturnType<typeof loadContext>;

/** Loads the context of a project's diagnostic (404 for an unknown project). */
export function loadContext(deps: AppDeps, policy: Policy, projectId: string) {
  const project = diagnosticRepo.project(deps.db, projectId);
  if (!project) throw notFound('Projet introuvable.', 'project_not_found');
  const communes = diagnosticRepo.communes(deps.db, projectId);
  const territoryCommunes = diagnosticRepo.territoryCommunes(deps.db, project.territoryId);
  const people = diagnosticRepo
    .users(deps.db)
    .filter((u) => !u.disabledAt && policy.can({ id: u.id, role: u.role as Role, communeId: u.communeId, partnerId: u.partnerId }, 'project.read', { projectId }));
  return {
    project,
    communes,
    communeIds: new Set(communes.map((c) => c.id)),
    territoryCommunes,
    missions: diagnosticRepo.missions(deps.db, projectId),
    services: diagnosticRepo.list(deps.db, 'services', projectId).map((s) => ({ id: s.id, name: s.name as string, communeId: s.communeId as string })),
    partners: diagnosticRepo.partners(deps.db, project.territoryId),
    people,
  };
}

/** The context as the cell parser/formatter sees it (any commune of the territory may be named; checks come after). */
export function cellContext(ctx: DiagContext): CellContext {
  return {
    communes: ctx.territoryCommunes,
    missions: ctx.missions,
    services: ctx.services,
    partners: ctx.partners,
    people: ctx.people.map((p) => ({ id: p.id, name: p.name, email: p.email })),
  };
}

/** Name of a commune of the territory (for messages), or its id. */
export function communeName(ctx: DiagContext, id: string): string {
  return ctx.territoryCommunes.find((c) => c.id === id)?.name ?? id;
}
