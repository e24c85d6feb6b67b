/**
 * Reads and writes of programmes communaux (drizzle). Other features read a commune's programme through
 * `listProgramme` (rounds for the impact questions, scenarios/arbitration to show what a commune planned).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { programmeActions } from '../../db/schema/index.js';

/** A stored programme action. */
export type ProgrammeActionRow = typeof programmeActions.$inferSelect;

/**
 * The current actions of a commune's programme for a project, in display order (removed ones excluded).
 * Contract for other features: stable signature.
 */
export function listProgramme(db: DbLike, projectId: string, communeId: string): ProgrammeActionRow[] {
  return db
    .select()
    .from(programmeActions)
    .where(and(eq(programmeActions.projectId, projectId), eq(programmeActions.communeId, communeId), isNull(programmeActions.deletedAt)))
    .orderBy(asc(programmeActions.position), asc(programmeActions.createdAt), asc(programmeActions.id))
    .all();
}

/** Every current action of a project (all communes), in commune then display order. */
export function listProjectProgrammes(db: DbLike, projectId: string): ProgrammeActionRow[] {
  return db
    .select()
    .from(programmeActions)
    .where(and(eq(programmeActions.projectId, projectId), isNull(programmeActions.deletedAt)))
    .orderBy(asc(programmeActions.communeId), asc(programmeActions.position), asc(programmeActions.createdAt), asc(programmeActions.id))
    .all();
}

/** Actions by id, removed ones included (positions recorded earlier still name them). */
export function programmeActionsByIds(db: DbLike, ids: readonly string[]): ProgrammeActionRow[] {
  if (ids.length === 0) return [];
  return db.select().from(programmeActions).where(inArray(programmeActions.id, [...ids])).all();
}

/** Writes of the programmes feature. */
export const programmesRepo = {
  byId: (db: DbLike, id: string) => db.select().from(programmeActions).where(eq(programmeActions.id, id)).get(),
  insert: (db: DbLike, row: typeof programmeActions.$inferInsert) => db.insert(programmeActions).values(row).run(),
  update: (db: DbLike, id: string, patch: Partial<typeof programmeActions.$inferInsert>) =>
    db.update(programmeActions).set(patch).where(eq(programmeActions.id, id)).run(),
  /** Next display position at the end of a commune's programme. */
  nextPosition: (db: DbLike, projectId: string, communeId: string) => {
    const rows = listProgramme(db, projectId, communeId);
    return rows.length === 0 ? 0 : Math.max(...rows.map((r) => r.position)) + 1;
  },
};
