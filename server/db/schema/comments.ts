import { sqliteTable, text, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './auth.js';
import { documents } from './documents.js';

/** A toolkit text anchor as stored (shared/editor `Anchor`: relative positions + quote + context). */
export type StoredTextAnchor = { start: string; end: string; quote: string; prefix?: string; suffix?: string };

/**
 * A comment thread: its type, status and first message's author (commune and role as they were when the thread was
 * opened, so a later role change does not rewrite who spoke for whom). `roundId` is set when the thread was opened
 * during a round (*tour de table*); it is stored as given (the rounds feature owns its meaning).
 */
export const commentThreads = sqliteTable(
  'comment_threads',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    /** shared/comments/types.ts `COMMENT_TYPES`. */
    type: text('type').notNull(),
    /** `open` | `resolved`. */
    status: text('status').notNull(),
    roundId: text('round_id'),
    authorId: text('author_id').notNull().references(() => users.id),
    authorRole: text('author_role').notNull(),
    authorCommuneId: text('author_commune_id'),
    createdAt: text('created_at').notNull(),
    /** Last activity (reply, edit, resolve…): threads are listed most recently active first. */
    updatedAt: text('updated_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by').references(() => users.id),
  },
  (t) => [index('comment_threads_project').on(t.projectId, t.updatedAt), index('comment_threads_round').on(t.roundId)],
);

/**
 * What a thread is about: 1..n anchors, in the order given. `kind`: `text` (a range of a document: `documentId` +
 * `textAnchor`), `diagnostic` (`recordType` = section key, `recordId`, optional `field`), or a kind registered by
 * another feature (`scenario`: `targetId` + optional `field`). `communeIds` are the communes whose data the anchor
 * designates (diagnostic records), used by filters and "comments on my commune's data". `sectionId`/`sectionTitle`
 * record the section of a text anchor when the thread was opened (the live value is computed on read).
 */
export const commentAnchors = sqliteTable(
  'comment_anchors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: text('thread_id').notNull().references(() => commentThreads.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    documentId: text('document_id').references(() => documents.id),
    textAnchor: text('text_anchor', { mode: 'json' }).$type<StoredTextAnchor>(),
    sectionId: text('section_id'),
    sectionTitle: text('section_title'),
    recordType: text('record_type'),
    recordId: text('record_id'),
    targetId: text('target_id'),
    field: text('field'),
    communeIds: text('commune_ids', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [
    index('comment_anchors_thread').on(t.threadId, t.position),
    index('comment_anchors_document').on(t.documentId),
    index('comment_anchors_record').on(t.recordType, t.recordId),
  ],
);

/** Messages of a thread; the first one is the comment itself, the others are replies. Deletion is soft. */
export const commentMessages = sqliteTable(
  'comment_messages',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id').notNull().references(() => commentThreads.id),
    authorId: text('author_id').notNull().references(() => users.id),
    authorRole: text('author_role').notNull(),
    authorCommuneId: text('author_commune_id'),
    body: text('body').notNull(),
    /** Ids of the people @mentioned (checked to have access to the project when written). */
    mentions: text('mentions', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
    editedAt: text('edited_at'),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('comment_messages_thread').on(t.threadId, t.createdAt)],
);

/** Earlier bodies of an edited message (history kept): one row per edit, holding the text it replaced. */
export const commentEdits = sqliteTable(
  'comment_edits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: text('message_id').notNull().references(() => commentMessages.id),
    previousBody: text('previous_body').notNull(),
    editedAt: text('edited_at').notNull(),
    editedBy: text('edited_by').notNull().references(() => users.id),
  },
  (t) => [index('comment_edits_message').on(t.messageId, t.id)],
);

/**
 * The amendment carried by a `proposition_amendement` thread: the text it replaces (as it was when proposed), the
 * replacement, and the decision (who, when; the text actually replaced and the new one; the motivation of a
 * rejection). The decision row is written in the same SQLite transaction as the Yjs update that applies it.
 */
export const amendments = sqliteTable(
  'amendments',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id').notNull().references(() => commentThreads.id),
    projectId: text('project_id').notNull().references(() => projects.id),
    documentId: text('document_id').notNull().references(() => documents.id),
    originalText: text('original_text').notNull(),
    replacementText: text('replacement_text').notNull(),
    /** shared/rounds/amendments.ts `AMENDMENT_STATUSES`: `proposee` | `acceptee` | `rejetee`. */
    status: text('status').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    /** The text the decision replaced (accept) or left in place (reject). */
    decidedOriginalText: text('decided_original_text'),
    newText: text('new_text'),
    motivation: text('motivation'),
  },
  (t) => [
    uniqueIndex('amendments_thread').on(t.threadId),
    index('amendments_project_decided').on(t.projectId, t.decidedAt),
    index('amendments_document').on(t.documentId),
  ],
);

/** Support / opposition to an amendment: one stance per person (the latest replaces the earlier one). */
export const amendmentVotes = sqliteTable(
  'amendment_votes',
  {
    amendmentId: text('amendment_id').notNull().references(() => amendments.id),
    userId: text('user_id').notNull().references(() => users.id),
    communeId: text('commune_id'),
    /** `soutien` | `opposition`. */
    stance: text('stance').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.userId] })],
);
