import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './auth.js';

/**
 * In-app notifications (mentions, replies, comments on my commune's data, rounds, amendment decisions, séances).
 * One row per recipient; `readAt` null while unread. `link` is an in-app path the notification centre opens.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    projectId: text('project_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link').notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
    /** Makes a notification idempotent (e.g. one "round closing soon" reminder per round and commune). */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [index('notifications_user_unread').on(t.userId, t.readAt), index('notifications_dedupe').on(t.userId, t.dedupeKey)],
);
