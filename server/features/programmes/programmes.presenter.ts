/** API shape of programme actions (shared/rounds/programme.ts). */
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { communes, users } from '../../db/schema/index.js';
import type { ProgrammeActionDto } from '../../../shared/rounds/programme.js';
import type { ProgrammeActionRow } from './programmes.repo.js';

/** Actions with their commune's name and last editor resolved. */
export function presentActions(deps: AppDeps, rows: readonly ProgrammeActionRow[]): ProgrammeActionDto[] {
  const communeIds = [...new Set(rows.map((r) => r.communeId))];
  const userIds = [...new Set(rows.map((r) => r.updatedBy))];
  const communeNames = new Map(communeIds.length ? deps.db.select({ id: communes.id, name: communes.name }).from(communes).where(inArray(communes.id, communeIds)).all().map((c) => [c.id, c.name]) : []);
  const userNames = new Map(userIds.length ? deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u.name]) : []);
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    communeId: r.communeId,
    communeName: communeNames.get(r.communeId) ?? r.communeId,
    title: r.title,
    description: r.description,
    plannedYear: r.plannedYear,
    budgetEuros: r.budgetEuros,
    position: r.position,
    updatedAt: r.updatedAt,
    updatedBy: { id: r.updatedBy, name: userNames.get(r.updatedBy) ?? 'Compte supprimé' },
  }));
}
