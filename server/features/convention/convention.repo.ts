/** Reads and writes of the convention side (drizzle): convention row, deliberations, avenants, withdrawals, evaluations. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { annualEvaluations, avenants, communes, conventions, deliberationEvents, deliberations, documents, users, withdrawals } from '../../db/schema/index.js';

export type ConventionRow = typeof conventions.$inferSelect;
export type DeliberationRow = typeof deliberations.$inferSelect;
export type AvenantRow = typeof avenants.$inferSelect;

export const conventionRepo = {
  byProject: (db: DbLike, projectId: string) => db.select().from(conventions).where(eq(conventions.projectId, projectId)).get(),
  insert: (db: DbLike, row: typeof conventions.$inferInsert) => db.insert(conventions).values(row).run(),
  update: (db: DbLike, projectId: string, patch: Partial<typeof conventions.$inferInsert>) => db.update(conventions).set(patch).where(eq(conventions.projectId, projectId)).run(),
  /** Compare-and-set on the status, so that two concurrent signatures freeze only once. */
  markSigned: (db: DbLike, projectId: string, patch: Partial<typeof conventions.$inferInsert>) =>
    db.update(conventions).set({ ...patch, status: 'signee' }).where(and(eq(conventions.projectId, projectId), eq(conventions.status, 'brouillon'))).run().changes === 1,
  docTitle: (db: DbLike, id: string | null) => (id ? (db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.id, id)).get() ?? null) : null),

  /** Deliberations of the convention (`avenantId` null) or of one avenant, in board order. */
  deliberations: (db: DbLike, projectId: string, avenantId: string | null) =>
    db
      .select({ d: deliberations, population: communes.population })
      .from(deliberations)
      .leftJoin(communes, eq(communes.id, deliberations.communeId))
      .where(and(eq(deliberations.projectId, projectId), avenantId ? eq(deliberations.avenantId, avenantId) : isNull(deliberations.avenantId)))
      .orderBy(asc(deliberations.position))
      .all(),
  allDeliberations: (db: DbLike, projectId: string) => db.select().from(deliberations).where(eq(deliberations.projectId, projectId)).all(),
  deliberation: (db: DbLike, projectId: string, id: string) => db.select().from(deliberations).where(and(eq(deliberations.projectId, projectId), eq(deliberations.id, id))).get(),
  insertDeliberation: (db: DbLike, row: typeof deliberations.$inferInsert) => db.insert(deliberations).values(row).run(),
  /** Compare-and-set on the state: a concurrent move of the same deliberation makes this one fail. */
  moveDeliberation: (db: DbLike, id: string, from: string, patch: Partial<typeof deliberations.$inferInsert>) =>
    db.update(deliberations).set(patch).where(and(eq(deliberations.id, id), eq(deliberations.state, from))).run().changes === 1,
  updateDeliberation: (db: DbLike, id: string, patch: Partial<typeof deliberations.$inferInsert>) => db.update(deliberations).set(patch).where(eq(deliberations.id, id)).run(),
  addDeliberationEvent: (db: DbLike, row: typeof deliberationEvents.$inferInsert) => db.insert(deliberationEvents).values(row).run(),

  avenants: (db: DbLike, projectId: string) => db.select().from(avenants).where(eq(avenants.projectId, projectId)).orderBy(asc(avenants.number)).all(),
  avenant: (db: DbLike, projectId: string, id: string) => db.select().from(avenants).where(and(eq(avenants.projectId, projectId), eq(avenants.id, id))).get(),
  nextAvenantNumber: (db: DbLike, projectId: string) => (db.select({ m: sql<number | null>`max(${avenants.number})` }).from(avenants).where(eq(avenants.projectId, projectId)).get()?.m ?? 0) + 1,
  insertAvenant: (db: DbLike, row: typeof avenants.$inferInsert) => db.insert(avenants).values(row).run(),
  markAvenantAdopted: (db: DbLike, id: string, patch: Partial<typeof avenants.$inferInsert>) =>
    db.update(avenants).set({ ...patch, status: 'adopte' }).where(and(eq(avenants.id, id), eq(avenants.status, 'en_cours'))).run().changes === 1,

  withdrawals: (db: DbLike, projectId: string) =>
    db
      .select({ w: withdrawals, communeName: communes.name, byName: users.name })
      .from(withdrawals)
      .innerJoin(communes, eq(communes.id, withdrawals.communeId))
      .innerJoin(users, eq(users.id, withdrawals.createdBy))
      .where(eq(withdrawals.projectId, projectId))
      .orderBy(asc(withdrawals.decidedOn))
      .all(),
  withdrawnIds: (db: DbLike, projectId: string) => new Set(db.select({ id: withdrawals.communeId }).from(withdrawals).where(eq(withdrawals.projectId, projectId)).all().map((w) => w.id)),
  insertWithdrawal: (db: DbLike, row: typeof withdrawals.$inferInsert) => db.insert(withdrawals).values(row).run(),

  evaluations: (db: DbLike, projectId: string) =>
    db
      .select({ e: annualEvaluations, byName: users.name })
      .from(annualEvaluations)
      .innerJoin(users, eq(users.id, annualEvaluations.createdBy))
      .where(eq(annualEvaluations.projectId, projectId))
      .orderBy(asc(annualEvaluations.year))
      .all(),
  evaluation: (db: DbLike, projectId: string, id: string) => db.select().from(annualEvaluations).where(and(eq(annualEvaluations.projectId, projectId), eq(annualEvaluations.id, id))).get(),
  evaluationOfYear: (db: DbLike, projectId: string, year: number) => db.select().from(annualEvaluations).where(and(eq(annualEvaluations.projectId, projectId), eq(annualEvaluations.year, year))).get(),
  insertEvaluation: (db: DbLike, row: typeof annualEvaluations.$inferInsert) => db.insert(annualEvaluations).values(row).run(),
  updateEvaluation: (db: DbLike, id: string, patch: Partial<typeof annualEvaluations.$inferInsert>) => db.update(annualEvaluations).set(patch).where(eq(annualEvaluations.id, id)).run(),
};
