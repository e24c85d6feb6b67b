/**
 * Reads and writes of comments and amendments (drizzle). Also the two read contracts other features use:
 * `listCommentsForRound` (rounds synthesis) and `listAmendmentDecisions` (séance minutes).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import {
  amendmentVotes,
  amendments,
  commentAnchors,
  commentEdits,
  commentMessages,
  commentThreads,
  communes,
  documents,
  users,
} from '../../db/schema/index.js';
import type { Role } from '../../../shared/auth/roles.js';
import {
  COMMENT_TYPE_LABELS,
  type AmendmentDecisionSummary,
  type CommentPerson,
  type CommentStatus,
  type CommentType,
  type RoundCommentSummary,
} from '../../../shared/comments/types.js';
import type { AmendmentStatus } from '../../../shared/rounds/amendments.js';

export type ThreadRow = typeof commentThreads.$inferSelect;
export type AnchorRow = typeof commentAnchors.$inferSelect;
export type MessageRow = typeof commentMessages.$inferSelect;
export type EditRow = typeof commentEdits.$inferSelect;
export type AmendmentRow = typeof amendments.$inferSelect;
export type VoteRow = typeof amendmentVotes.$inferSelect;

/** A thread with everything the presenter needs, loaded in a fixed number of queries. */
export type ThreadBundle = {
  thread: ThreadRow;
  anchors: AnchorRow[];
  messages: MessageRow[];
  edits: Map<string, EditRow[]>;
  amendment: AmendmentRow | null;
  votes: VoteRow[];
};

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Chunks `inArray` lists: SQLite limits bound parameters per statement. */
function chunked<T, R>(ids: T[], run: (part: T[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...run(ids.slice(i, i + 500)));
  return out;
}

export const commentsRepo = {
  threadById: (db: DbLike, id: string) => db.select().from(commentThreads).where(eq(commentThreads.id, id)).get(),
  messageById: (db: DbLike, id: string) => db.select().from(commentMessages).where(eq(commentMessages.id, id)).get(),
  amendmentById: (db: DbLike, id: string) => db.select().from(amendments).where(eq(amendments.id, id)).get(),
  amendmentOfThread: (db: DbLike, threadId: string) => db.select().from(amendments).where(eq(amendments.threadId, threadId)).get(),
  votesOf: (db: DbLike, amendmentId: string) => db.select().from(amendmentVotes).where(eq(amendmentVotes.amendmentId, amendmentId)).all(),
  anchorsOfThread: (db: DbLike, threadId: string) =>
    db.select().from(commentAnchors).where(eq(commentAnchors.threadId, threadId)).orderBy(asc(commentAnchors.position)).all(),

  /** Threads of a project, most recently active first. */
  threadsOfProject: (db: DbLike, projectId: string) =>
    db.select().from(commentThreads).where(eq(commentThreads.projectId, projectId)).orderBy(desc(commentThreads.updatedAt), desc(commentThreads.id)).all(),

  /** Open threads of a project with their anchors (badge counts). */
  openAnchors: (db: DbLike, projectId: string) =>
    db
      .select({ anchor: commentAnchors })
      .from(commentAnchors)
      .innerJoin(commentThreads, eq(commentThreads.id, commentAnchors.threadId))
      .where(and(eq(commentThreads.projectId, projectId), eq(commentThreads.status, 'open')))
      .all()
      .map((r) => r.anchor),

  /** Loads anchors, messages, edits, amendments and votes of the given threads (order of `threads` kept). */
  bundles(db: DbLike, threads: ThreadRow[]): ThreadBundle[] {
    const ids = threads.map((t) => t.id);
    if (ids.length === 0) return [];
    const anchors = groupBy(
      chunked(ids, (part) => db.select().from(commentAnchors).where(inArray(commentAnchors.threadId, part)).orderBy(asc(commentAnchors.position)).all()),
      (a) => a.threadId,
    );
    const messageRows = chunked(ids, (part) =>
      db.select().from(commentMessages).where(inArray(commentMessages.threadId, part)).orderBy(asc(commentMessages.createdAt), asc(commentMessages.id)).all(),
    );
    const messages = groupBy(messageRows, (m) => m.threadId);
    const editedIds = messageRows.filter((m) => m.editedAt).map((m) => m.id);
    const edits = groupBy(
      chunked(editedIds, (part) => db.select().from(commentEdits).where(inArray(commentEdits.messageId, part)).orderBy(asc(commentEdits.id)).all()),
      (e) => e.messageId,
    );
    const amendmentRows = chunked(ids, (part) => db.select().from(amendments).where(inArray(amendments.threadId, part)).all());
    const byThread = new Map(amendmentRows.map((a) => [a.threadId, a]));
    const votes = groupBy(
      chunked(amendmentRows.map((a) => a.id), (part) => db.select().from(amendmentVotes).where(inArray(amendmentVotes.amendmentId, part)).all()),
      (v) => v.amendmentId,
    );
    return threads.map((thread) => {
      const amendment = byThread.get(thread.id) ?? null;
      const own = messages.get(thread.id) ?? [];
      return {
        thread,
        anchors: anchors.get(thread.id) ?? [],
        messages: own,
        edits: new Map(own.map((m) => [m.id, edits.get(m.id) ?? []])),
        amendment,
        votes: amendment ? (votes.get(amendment.id) ?? []) : [],
      };
    });
  },

  /** Names, roles and communes of people (for authors, mentions, deciders). */
  people(db: DbLike, ids: string[]): Map<string, { id: string; name: string; role: Role; communeId: string | null }> {
    const unique = [...new Set(ids)];
    const rows = chunked(unique, (part) =>
      db.select({ id: users.id, name: users.name, role: users.role, communeId: users.communeId }).from(users).where(inArray(users.id, part)).all(),
    );
    return new Map(rows.map((r) => [r.id, { ...r, role: r.role as Role }]));
  },

  communeNames(db: DbLike, ids: string[]): Map<string, string> {
    const unique = [...new Set(ids)];
    const rows = chunked(unique, (part) => db.select({ id: communes.id, name: communes.name }).from(communes).where(inArray(communes.id, part)).all());
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  documentTitles(db: DbLike, ids: string[]): Map<string, string> {
    const unique = [...new Set(ids)];
    const rows = chunked(unique, (part) => db.select({ id: documents.id, title: documents.title }).from(documents).where(inArray(documents.id, part)).all());
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  insertThread: (db: DbLike, row: typeof commentThreads.$inferInsert) => db.insert(commentThreads).values(row).run(),
  insertAnchor: (db: DbLike, row: typeof commentAnchors.$inferInsert) => db.insert(commentAnchors).values(row).run(),
  insertMessage: (db: DbLike, row: typeof commentMessages.$inferInsert) => db.insert(commentMessages).values(row).run(),
  insertEdit: (db: DbLike, row: typeof commentEdits.$inferInsert) => db.insert(commentEdits).values(row).run(),
  insertAmendment: (db: DbLike, row: typeof amendments.$inferInsert) => db.insert(amendments).values(row).run(),
  updateThread: (db: DbLike, id: string, patch: Partial<typeof commentThreads.$inferInsert>) =>
    db.update(commentThreads).set(patch).where(eq(commentThreads.id, id)).run(),
  updateMessage: (db: DbLike, id: string, patch: Partial<typeof commentMessages.$inferInsert>) =>
    db.update(commentMessages).set(patch).where(eq(commentMessages.id, id)).run(),
  /** Stores the latest stance of a person (replacing an earlier one). */
  upsertVote: (db: DbLike, row: typeof amendmentVotes.$inferInsert) =>
    db
      .insert(amendmentVotes)
      .values(row)
      .onConflictDoUpdate({ target: [amendmentVotes.amendmentId, amendmentVotes.userId], set: { stance: row.stance, communeId: row.communeId, at: row.at } })
      .run(),
  /**
   * Records a decision only if the amendment is still proposed; returns false when another decision got there first
   * (the caller answers 409).
   */
  decide(db: DbLike, id: string, patch: { status: 'acceptee' | 'rejetee'; decidedBy: string; decidedAt: string; decidedOriginalText: string; newText: string | null; motivation: string | null }): boolean {
    return db.update(amendments).set(patch).where(and(eq(amendments.id, id), eq(amendments.status, 'proposee'))).run().changes === 1;
  },
};

/** The author of a thread or message as comments show them (snapshot of role and commune when they wrote). */
export function personOf(
  people: Map<string, { name: string }>,
  communeNames: Map<string, string>,
  id: string,
  role: string,
  communeId: string | null,
): CommentPerson {
  return {
    id,
    name: people.get(id)?.name ?? 'Compte supprimé',
    role: role as Role,
    communeId,
    communeName: communeId ? (communeNames.get(communeId) ?? null) : null,
  };
}

/**
 * Threads opened during a round, oldest first, for the round synthesis: type, first message, author with commune and
 * role, anchors (document title and the section recorded when the comment was written; quotes of text anchors),
 * status, number of replies and the amendment if any. Deleted first messages read as an empty body.
 */
export function listCommentsForRound(db: DbLike, roundId: string): RoundCommentSummary[] {
  const threads = db.select().from(commentThreads).where(eq(commentThreads.roundId, roundId)).orderBy(asc(commentThreads.createdAt), asc(commentThreads.id)).all();
  const bundles = commentsRepo.bundles(db, threads);
  const people = commentsRepo.people(db, threads.map((t) => t.authorId));
  const communeNames = commentsRepo.communeNames(db, threads.flatMap((t) => (t.authorCommuneId ? [t.authorCommuneId] : [])));
  const titles = commentsRepo.documentTitles(db, bundles.flatMap((b) => b.anchors.flatMap((a) => (a.documentId ? [a.documentId] : []))));
  return bundles.map(({ thread, anchors, messages, amendment }) => {
    const first = messages[0];
    return {
      id: thread.id,
      type: thread.type as CommentType,
      typeLabel: COMMENT_TYPE_LABELS[thread.type as CommentType] ?? thread.type,
      status: thread.status as CommentStatus,
      body: first && !first.deletedAt ? first.body : '',
      createdAt: thread.createdAt,
      author: personOf(people, communeNames, thread.authorId, thread.authorRole, thread.authorCommuneId),
      anchors: anchors.map((a) => ({
        kind: a.kind,
        documentId: a.documentId,
        documentTitle: a.documentId ? (titles.get(a.documentId) ?? null) : null,
        sectionTitle: a.sectionTitle,
        quote: a.textAnchor?.quote ?? null,
        recordType: a.recordType,
        recordId: a.recordId,
        targetId: a.targetId,
        field: a.field,
        communeIds: a.communeIds,
      })),
      replyCount: messages.filter((m, i) => i > 0 && !m.deletedAt).length,
      amendment: amendment ? { id: amendment.id, status: amendment.status as AmendmentStatus, replacementText: amendment.replacementText } : null,
    };
  });
}

/**
 * Amendments of a project accepted or rejected between two instants (inclusive ISO 8601 bounds), in decision order:
 * who proposed and who decided, when, the text replaced (or left) and the new (or refused) text, the motivation.
 */
export function listAmendmentDecisions(db: DbLike, projectId: string, sinceIso: string, untilIso: string): AmendmentDecisionSummary[] {
  const rows = db
    .select({ a: amendments, proposedBy: commentThreads.authorId })
    .from(amendments)
    .innerJoin(commentThreads, eq(commentThreads.id, amendments.threadId))
    .where(and(eq(amendments.projectId, projectId), isNotNull(amendments.decidedAt), gte(amendments.decidedAt, sinceIso), lte(amendments.decidedAt, untilIso)))
    .orderBy(asc(amendments.decidedAt), asc(amendments.id))
    .all();
  const people = commentsRepo.people(db, rows.flatMap((r) => [r.proposedBy, r.a.decidedBy ?? '']));
  const titles = commentsRepo.documentTitles(db, rows.map((r) => r.a.documentId));
  const ref = (id: string) => ({ id, name: people.get(id)?.name ?? 'Compte supprimé' });
  return rows.map(({ a, proposedBy }) => ({
    amendmentId: a.id,
    threadId: a.threadId,
    documentId: a.documentId,
    documentTitle: titles.get(a.documentId) ?? '',
    status: a.status as 'acceptee' | 'rejetee',
    proposedBy: ref(proposedBy),
    decidedBy: ref(a.decidedBy ?? ''),
    decidedAt: a.decidedAt!,
    originalText: a.decidedOriginalText ?? a.originalText,
    newText: a.newText ?? a.replacementText,
    motivation: a.motivation,
  }));
}
