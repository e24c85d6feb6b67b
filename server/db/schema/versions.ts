import { sqliteTable, text, blob, index } from 'drizzle-orm/sqlite-core';
import type { JSONContent } from '@tiptap/core';
import { documents } from './documents.js';
import { users } from './auth.js';

/**
 * Named versions of a co-written document. Each keeps the full Yjs state (`Y.encodeStateAsUpdate`, to be able to
 * rebuild exactly that replica later) AND the ProseMirror JSON of that moment, so viewing, comparing and restoring
 * never need to load Yjs. Rows are never updated: a restore creates a new change (and a `restore_backup` version).
 */
export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => documents.id),
    /** `manual` | `phase` (automatic at a phase change) | `restore_backup` (automatic before a restore). */
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    yjsState: blob('yjs_state', { mode: 'buffer' }).notNull(),
    content: text('content', { mode: 'json' }).$type<JSONContent>().notNull(),
  },
  (t) => [index('document_versions_document').on(t.documentId, t.createdAt)],
);
