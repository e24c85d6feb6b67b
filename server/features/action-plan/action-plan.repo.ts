/** Reads and writes of the action plan (drizzle): strategic objectives and actions. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { communes, participations, partners, planActions, projects, strategicObjectives, users } from '../../db/schema/index.js';

export type ActionRow = typeof planActions.$inferSelect;
export type ObjectiveRow = typeof strategicObjectives.$inferSelect;

export const actionPlanRepo = {
  objectives: (db: DbLike, projectId: string) =>
    db.select().from(strategicObjectives).where(eq(strategicObjectives.projectId, projectId)).orderBy(asc(strategicObjectives.position), asc(strategicObjectives.createdAt)).all(),
  objective: (db: DbLike, projectId: string, id: string) =>
    db.select().from(strategicObjectives).where(and(eq(strategicObjectives.projectId, projectId), eq(strategicObjectives.id, id))).get(),
  nextObjectivePosition: (db: DbLike, projectId: string) =>
    (db.select({ m: sql<number | null>`max(${strategicObjectives.position})` }).from(strategicObjectives).where(eq(strategicObjectives.projectId, projectId)).get()?.m ?? 0) + 1,
  insertObjective: (db: DbLike, row: typeof strategicObjectives.$inferInsert) => db.insert(strategicObjectives).values(row).run(),
  updateObjective: (db: DbLike, id: string, label: string) => db.update(strategicObjectives).set({ label }).where(eq(strategicObjectives.id, id)).run(),
  deleteObjective: (db: DbLike, id: string) => db.delete(strategicObjectives).where(eq(strategicObjectives.id, id)).run(),
  actionsOfObjective: (db: DbLike, objectiveId: string) => db.select({ id: planActions.id }).from(planActions).where(eq(planActions.objectiveId, objectiveId)).all().length,

  actions: (db: DbLike, projectId: string) =>
    db
      .select({ a: planActions, updatedByName: users.name })
      .from(planActions)
      .innerJoin(users, eq(users.id, planActions.updatedBy))
      .where(eq(planActions.projectId, projectId))
      .orderBy(asc(planActions.createdAt), asc(sql`${planActions}.rowid`))
      .all(),
  action: (db: DbLike, projectId: string, id: string) => db.select().from(planActions).where(and(eq(planActions.projectId, projectId), eq(planActions.id, id))).get(),
  insertAction: (db: DbLike, row: typeof planActions.$inferInsert) => db.insert(planActions).values(row).run(),
  updateAction: (db: DbLike, id: string, patch: Partial<typeof planActions.$inferInsert>) => db.update(planActions).set(patch).where(eq(planActions.id, id)).run(),
  deleteAction: (db: DbLike, id: string) => db.delete(planActions).where(eq(planActions.id, id)).run(),

  /** Communes that may lead an action: those associated with the project, withdrawn ones excepted. */
  leadCommunes: (db: DbLike, projectId: string) =>
    db
      .select({ id: communes.id, name: communes.name, state: participations.state })
      .from(participations)
      .innerJoin(communes, eq(communes.id, participations.communeId))
      .where(eq(participations.projectId, projectId))
      .orderBy(asc(communes.name))
      .all()
      .filter((c) => c.state !== 'retiree')
      .map(({ id, name }) => ({ id, name })),
  /** Partner organisations of the project's territory. */
  leadPartners: (db: DbLike, projectId: string) =>
    db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .innerJoin(projects, eq(projects.territoryId, partners.territoryId))
      .where(eq(projects.id, projectId))
      .orderBy(asc(partners.name))
      .all(),
};
