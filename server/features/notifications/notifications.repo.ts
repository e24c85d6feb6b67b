/** Reads and writes of the notification centre (drizzle); rows are always filtered by their owner. */
import { and, desc, eq, isNull, lt, sql, count } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';

/** A stored notification. */
export type NotificationRow = typeof notifications.$inferSelect;

export const notificationsRepo = {
  /** A user's notifications, newest first; `before` is the `createdAt` of the last one already shown (paging). */
  list: (db: DbLike, userId: string, opts: { unreadOnly: boolean; limit: number; before?: string }) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined, opts.before ? lt(notifications.createdAt, opts.before) : undefined))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit)
      .all(),
  /** Unread counts by project (null project included) for one user. */
  unreadByProject: (db: DbLike, userId: string) =>
    db
      .select({ projectId: notifications.projectId, n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .groupBy(notifications.projectId)
      .all(),
  mine: (db: DbLike, userId: string, id: string) =>
    db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).get(),
  markRead: (db: DbLike, userId: string, id: string, at: string) =>
    db.update(notifications).set({ readAt: at }).where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt))).run(),
  /** Marks every unread notification of the user read (optionally only one project's); returns how many changed. */
  markAllRead: (db: DbLike, userId: string, at: string, projectId?: string) =>
    db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), projectId ? eq(notifications.projectId, projectId) : sql`1 = 1`))
      .run().changes,
};
