import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../../db/client.js';
import { documents, users } from '../../db/schema/index.js';

const creator = alias(users, 'creator');
const locker = alias(users, 'locker');

/** The columns the presenter needs: the row plus the names of its creator and of whoever locked it. */
const withNames = {
  d: documents,
  createdByName: creator.name,
  lockedByName: locker.name,
};

/** Reads and writes of the documents feature (drizzle), kept apart from the rules in the service. */
export const documentsRepo = {
  byId: (db: DbLike, id: string) => db.select().from(documents).where(eq(documents.id, id)).get(),
  /** One document with names resolved, for the presenter. */
  named: (db: DbLike, id: string) =>
    db
      .select(withNames)
      .from(documents)
      .innerJoin(creator, eq(creator.id, documents.createdBy))
      .leftJoin(locker, eq(locker.id, documents.lockedBy))
      .where(eq(documents.id, id))
      .get(),
  /** A project's documents, most recently changed first; archived ones only when asked. */
  listNamed: (db: DbLike, projectId: string, includeArchived: boolean) =>
    db
      .select(withNames)
      .from(documents)
      .innerJoin(creator, eq(creator.id, documents.createdBy))
      .leftJoin(locker, eq(locker.id, documents.lockedBy))
      .where(includeArchived ? eq(documents.projectId, projectId) : and(eq(documents.projectId, projectId), isNull(documents.archivedAt)))
      .orderBy(desc(documents.updatedAt), asc(documents.title))
      .all(),
  insert: (db: DbLike, row: typeof documents.$inferInsert) => db.insert(documents).values(row).run(),
  update: (db: DbLike, id: string, patch: Partial<typeof documents.$inferInsert>) =>
    db.update(documents).set(patch).where(eq(documents.id, id)).run(),
};

export type NamedDocumentRow = NonNullable<ReturnType<typeof documentsRepo.named>>;
