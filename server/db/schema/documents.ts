import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './auth.js';

/** Co-written documents (their text lives in Yjs; these are the resource's facts). */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    archivedAt: text('archived_at'),
    lockedAt: text('locked_at'),
    lockedBy: text('locked_by'),
  },
  (t) => [index('documents_project').on(t.projectId)],
);

/** Append-only Yjs update log: every update is a row, committed before it is broadcast. */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: text('document_id').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('doc_updates_document').on(t.documentId, t.id)],
);

/** Compacted state: the merged update of every log row up to `lastUpdateId` (inclusive). */
export const docSnapshots = sqliteTable('doc_snapshots', {
  documentId: text('document_id').primaryKey(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  lastUpdateId: integer('last_update_id').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Live events of a project (SSE): ids increase so a client resumes with Last-Event-ID. */
export const projectEvents = sqliteTable(
  'project_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id').notNull(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    /** Who may receive it: an ability name evaluated per receiver, and/or explicit user ids. */
    audience: text('audience', { mode: 'json' }).$type<{ ability?: string; userIds?: string[] }>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('project_events_project').on(t.projectId, t.id)],
);
