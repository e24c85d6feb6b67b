/**
 * Sends in-app notifications: one row per recipient, then a `notification.created` live event addressed to that
 * recipient only. Every feature notifies through this function (mentions, replies, rounds, amendments, séances).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { notifications } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import type { NotificationKind } from '../../../shared/notifications/types.js';

export type NotifyInput = {
  /** Recipients; duplicates and the `exceptUserId` (usually the author of the action) are dropped. */
  userIds: readonly string[];
  exceptUserId?: string;
  projectId: string | null;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** In-app path the notification opens. */
  link: string;
  /** When set, a recipient who already has a notification with this key gets no second one (reminders). */
  dedupeKey?: string;
};

/**
 * Records the notifications and pushes the live events. Synchronous (better-sqlite3): call it inside the caller's
 * transaction when the notification must exist exactly when the action does. Returns the ids created.
 */
export function notify(deps: Pick<AppDeps, 'db' | 'clock' | 'events'>, input: NotifyInput): string[] {
  let recipients = [...new Set(input.userIds)].filter((id) => id !== input.exceptUserId);
  if (input.dedupeKey && recipients.length) {
    const already = deps.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.dedupeKey, input.dedupeKey), inArray(notifications.userId, recipients)))
      .all()
      .map((r) => r.userId);
    recipients = recipients.filter((id) => !already.includes(id));
  }
  const createdAt = deps.clock.now().toISOString();
  const ids: string[] = [];
  for (const userId of recipients) {
    const id = newId('ntf_');
    deps.db
      .insert(notifications)
      .values({ id, userId, projectId: input.projectId, kind: input.kind, title: input.title, body: input.body ?? '', link: input.link, createdAt, dedupeKey: input.dedupeKey ?? null })
      .run();
    ids.push(id);
    if (input.projectId) {
      deps.events.publish(input.projectId, 'notification.created', { notificationId: id, kind: input.kind, title: input.title, link: input.link }, { userIds: [userId] });
    }
  }
  return ids;
}
