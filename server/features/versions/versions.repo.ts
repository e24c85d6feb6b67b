import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { documents, documentVersions, users } from '../../db/schema/index.js';

/** Listing columns: everything but the (large) Yjs state and content, plus the author's name. */
const listed = {
  id: documentVersions.id,
  documentId: documentVersions.documentId,
  kind: documentVersions.kind,
  label: documentVersions.label,
  createdAt: documentVersions.createdAt,
  createdBy: documentVersions.createdBy,
  createdByName: users.name,
};

/** Reads and writes of the versions feature (drizzle). */
export const versionsRepo = {
  insert: (db: DbLike, row: typeof documentVersions.$inferInsert) => db.insert(documentVersions).values(row).run(),
  /** A document's versions, newest first (insertion order breaks ties between equal timestamps). */
  list: (db: DbLike, documentId: string) =>
    db
      .select(listed)
      .from(documentVersions)
      .innerJoin(users, eq(users.id, documentVersions.createdBy))
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(desc(documentVersions.createdAt), desc(sql`${documentVersions}.rowid`))
      .all(),
  /** One version of one document (never another document's, even with a valid id). */
  byId: (db: DbLike, documentId: string, versionId: string) =>
    db
      .select({ ...listed, content: documentVersions.content })
      .from(documentVersions)
      .innerJoin(users, eq(users.id, documentVersions.createdBy))
      .where(and(eq(documentVersions.id, versionId), eq(documentVersions.documentId, documentId)))
      .get(),
  /** The Yjs state of a version (kept for exact reconstruction; not served by the API). */
  yjsState: (db: DbLike, versionId: string) =>
    db.select({ yjsState: documentVersions.yjsState }).from(documentVersions).where(eq(documentVersions.id, versionId)).get()?.yjsState ?? null,
  /** Ids of a project's documents that are not archived (the automatic phase versions cover them). */
  activeDocumentIds: (db: DbLike, projectId: string) =>
    db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.projectId, projectId), isNull(documents.archivedAt)))
      .all()
      .map((d) => d.id),
};

export type ListedVersionRow = ReturnType<typeof versionsRepo.list>[number];
