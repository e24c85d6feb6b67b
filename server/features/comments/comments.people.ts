/** People of a project who can be @mentioned: every active account that may read the project's comments. */
import { asc, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { users } from '../../db/schema/index.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { MentionablePerson } from '../../../shared/comments/types.js';
import { commentsRepo } from './comments.repo.js';

/** Sorted by name; the policy decides who reads the project (the only place that decides). */
export function mentionablePeople(deps: AppDeps, policy: Policy, projectId: string): MentionablePerson[] {
  const rows = deps.db
    .select({ id: users.id, name: users.name, role: users.role, communeId: users.communeId, partnerId: users.partnerId })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name))
    .all()
    .filter((u) => policy.can({ ...u, role: u.role as Role }, 'comment.read', { projectId }));
  const communeNames = commentsRepo.communeNames(deps.db, rows.flatMap((u) => (u.communeId ? [u.communeId] : [])));
  return rows.map((u) => ({ id: u.id, name: u.name, role: u.role as Role, communeName: u.communeId ? (communeNames.get(u.communeId) ?? null) : null }));
}
