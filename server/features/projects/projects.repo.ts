import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import {
  projects,
  participations,
  participationEvents,
  phasePlans,
  phaseTransitions,
  projectMembers,
  communes,
  users,
  partners,
  auditEvents,
} from '../../db/schema/index.js';

/** Reads of the projects feature (drizzle), kept apart from the rules in the service. */
export const projectsRepo = {
  byId: (db: DbLike, id: string) => db.select().from(projects).where(eq(projects.id, id)).get(),
  all: (db: DbLike) => db.select().from(projects).orderBy(desc(projects.createdAt)).all(),
  participations: (db: DbLike, projectId: string) =>
    db
      .select({ p: participations, c: communes })
      .from(participations)
      .innerJoin(communes, eq(communes.id, participations.communeId))
      .where(eq(participations.projectId, projectId))
      .orderBy(desc(communes.member), desc(communes.population))
      .all(),
  participation: (db: DbLike, projectId: string, communeId: string) =>
    db.select().from(participations).where(and(eq(participations.projectId, projectId), eq(participations.communeId, communeId))).get(),
  participantCounts: (db: DbLike) =>
    db
      .select({ projectId: participations.projectId, n: sql<number>`count(*)` })
      .from(participations)
      .where(eq(participations.state, 'participante'))
      .groupBy(participations.projectId)
      .all(),
  plans: (db: DbLike, projectId: string) => db.select().from(phasePlans).where(eq(phasePlans.projectId, projectId)).all(),
  members: (db: DbLike, projectId: string) =>
    db
      .select({ userId: users.id, name: users.name, role: users.role, partnerName: partners.name })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .leftJoin(partners, eq(partners.id, users.partnerId))
      .where(eq(projectMembers.projectId, projectId))
      .orderBy(asc(users.name))
      .all(),
  userNames: (db: DbLike, ids: string[]) =>
    ids.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all() : [],
  phaseHistory: (db: DbLike, projectId: string) =>
    db
      .select({ t: phaseTransitions, name: users.name })
      .from(phaseTransitions)
      .innerJoin(users, eq(users.id, phaseTransitions.byUserId))
      .where(eq(phaseTransitions.projectId, projectId))
      .orderBy(asc(phaseTransitions.id))
      .all(),
  participationHistory: (db: DbLike, projectId: string) =>
    db
      .select({ e: participationEvents, byName: users.name, communeName: communes.name })
      .from(participationEvents)
      .innerJoin(users, eq(users.id, participationEvents.byUserId))
      .innerJoin(communes, eq(communes.id, participationEvents.communeId))
      .where(eq(participationEvents.projectId, projectId))
      .orderBy(asc(participationEvents.id))
      .all(),
  audit: (db: DbLike, projectId: string, limit: number) =>
    db
      .select({ a: auditEvents, name: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .where(eq(auditEvents.projectId, projectId))
      .orderBy(desc(auditEvents.id))
      .limit(limit)
      .all(),
};
