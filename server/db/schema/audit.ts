import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Append-only audit log (contracts.md): who, when, action, target, before/after summary, request id. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    projectId: text('project_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    requestId: text('request_id'),
  },
  (t) => [index('audit_project').on(t.projectId), index('audit_at').on(t.at)],
);
