/**
 * The notification centre: a user's own notifications only (rows are filtered by owner; someone else's id is a 404,
 * so ids reveal nothing). Notifications about a project the user can no longer open are hidden (and not counted):
 * the policy decides, at read time, like for live events.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { notFound } from '../../lib/errors.js';
import type { NotificationKind, NotificationView } from '../../../shared/notifications/types.js';
import { notificationsRepo, type NotificationRow } from './notifications.repo.js';

/** Notifications per page (and the cap of `limit`). */
export const NOTIFICATIONS_PAGE_MAX = 100;

function present(row: NotificationRow): NotificationView {
  return { id: row.id, projectId: row.projectId, kind: row.kind as NotificationKind, title: row.title, body: row.body, link: row.link, createdAt: row.createdAt, readAt: row.readAt };
}

/** Memoised `project.read` per project for one request. */
function projectVisibility(policy: Policy, user: SessionUser) {
  const cache = new Map<string, boolean>();
  return (projectId: string | null) => {
    if (projectId === null) return true;
    let ok = cache.get(projectId);
    if (ok === undefined) cache.set(projectId, (ok = policy.can(user, 'project.read', { projectId })));
    return ok;
  };
}

/** The user's notifications, newest first. */
export function listNotifications(deps: AppDeps, policy: Policy, user: SessionUser, opts: { unreadOnly: boolean; limit: number; before?: string }): NotificationView[] {
  const visible = projectVisibility(policy, user);
  const out: NotificationView[] = [];
  let before = opts.before;
  // Hidden rows (projects no longer accessible) are skipped without shortening the page: read on until it is full.
  for (let pass = 0; pass < 5 && out.length < opts.limit; pass += 1) {
    const rows = notificationsRepo.list(deps.db, user.id, { unreadOnly: opts.unreadOnly, limit: opts.limit, before });
    for (const r of rows) if (visible(r.projectId) && out.length < opts.limit) out.push(present(r));
    if (rows.length < opts.limit) break;
    before = rows[rows.length - 1].createdAt;
  }
  return out;
}

/** How many unread notifications the bell shows. */
export function unreadCount(deps: AppDeps, policy: Policy, user: SessionUser): number {
  const visible = projectVisibility(policy, user);
  return notificationsRepo.unreadByProject(deps.db, user.id).reduce((sum, r) => sum + (visible(r.projectId) ? r.n : 0), 0);
}

/** Marks one of the user's notifications read (idempotent); someone else's is `404`. */
export function markRead(deps: AppDeps, user: SessionUser, id: string): NotificationView {
  if (!notificationsRepo.mine(deps.db, user.id, id)) throw notFound('Notification introuvable.', 'notification_not_found');
  notificationsRepo.markRead(deps.db, user.id, id, deps.clock.now().toISOString());
  return present(notificationsRepo.mine(deps.db, user.id, id)!);
}

/** Marks all the user's notifications read (optionally one project's). */
export function markAllRead(deps: AppDeps, user: SessionUser, projectId?: string): { updated: number } {
  return { updated: notificationsRepo.markAllRead(deps.db, user.id, deps.clock.now().toISOString(), projectId) };
}
