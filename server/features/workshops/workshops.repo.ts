import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { communes, documents, participations, seanceAttendance, seanceDecisions, seancePolls, seances, seanceVotes, users } from '../../db/schema/index.js';

export type SeanceRow = typeof seances.$inferSelect;
export type PollRow = typeof seancePolls.$inferSelect;
export type VoteRow = typeof seanceVotes.$inferSelect;
export type AttendanceRow = typeof seanceAttendance.$inferSelect;
export type DecisionRow = typeof seanceDecisions.$inferSelect;

/** Reads and writes of the workshops feature (drizzle), kept apart from the rules in the services. */
export const workshopsRepo = {
  byId: (db: DbLike, id: string) => db.select().from(seances).where(eq(seances.id, id)).get(),
  /** A project's séances, the most recent date first. */
  list: (db: DbLike, projectId: string) =>
    db.select().from(seances).where(eq(seances.projectId, projectId)).orderBy(desc(seances.startsAt), asc(seances.title)).all(),
  /** Séances running or paused (their attendance follows the connection registry). */
  live: (db: DbLike, projectId: string) =>
    db.select().from(seances).where(and(eq(seances.projectId, projectId), inArray(seances.status, ['en_cours', 'en_pause']))).all(),
  insert: (db: DbLike, row: typeof seances.$inferInsert) => db.insert(seances).values(row).run(),
  /** Applies a patch and bumps the revision in the same statement (the public state changed). */
  update: (db: DbLike, id: string, patch: Partial<typeof seances.$inferInsert>) =>
    db.update(seances).set({ ...patch, revision: sql`${seances.revision} + 1` }).where(eq(seances.id, id)).run(),

  polls: (db: DbLike, seanceId: string) =>
    db.select().from(seancePolls).where(eq(seancePolls.seanceId, seanceId)).orderBy(asc(seancePolls.createdAt), asc(sql`${seancePolls}.rowid`)).all(),
  poll: (db: DbLike, seanceId: string, pollId: string) =>
    db.select().from(seancePolls).where(and(eq(seancePolls.id, pollId), eq(seancePolls.seanceId, seanceId))).get(),
  insertPoll: (db: DbLike, row: typeof seancePolls.$inferInsert) => db.insert(seancePolls).values(row).run(),
  closePoll: (db: DbLike, pollId: string, closedAt: string) =>
    db.update(seancePolls).set({ status: 'clos', closedAt }).where(and(eq(seancePolls.id, pollId), eq(seancePolls.status, 'ouvert'))).run(),
  votes: (db: DbLike, pollIds: string[]) =>
    pollIds.length === 0 ? [] : db.select().from(seanceVotes).where(inArray(seanceVotes.pollId, pollIds)).orderBy(asc(seanceVotes.at)).all(),
  /** Casting again under the same key replaces the ballot (the change of vote). */
  upsertVote: (db: DbLike, row: typeof seanceVotes.$inferInsert) =>
    db
      .insert(seanceVotes)
      .values(row)
      .onConflictDoUpdate({ target: [seanceVotes.pollId, seanceVotes.ballotKey], set: { voterId: row.voterId, communeId: row.communeId, value: row.value, at: row.at } })
      .run(),

  attendance: (db: DbLike, seanceId: string) => db.select().from(seanceAttendance).where(eq(seanceAttendance.seanceId, seanceId)).all(),
  /** Records a first connection; later connections of the same person keep the first time. */
  markConnected: (db: DbLike, seanceId: string, personId: string, communeId: string | null, at: string) =>
    db
      .insert(seanceAttendance)
      .values({ seanceId, personId, communeId, connectedAt: at })
      .onConflictDoUpdate({ target: [seanceAttendance.seanceId, seanceAttendance.personId], set: { connectedAt: sql`coalesce(${seanceAttendance.connectedAt}, ${at})` } })
      .run(),
  checkIn: (db: DbLike, seanceId: string, personId: string, communeId: string | null, at: string, by: string) =>
    db
      .insert(seanceAttendance)
      .values({ seanceId, personId, communeId, checkedInAt: at, checkedInBy: by })
      .onConflictDoUpdate({ target: [seanceAttendance.seanceId, seanceAttendance.personId], set: { checkedInAt: at, checkedInBy: by } })
      .run(),

  decisions: (db: DbLike, seanceId: string) =>
    db.select().from(seanceDecisions).where(eq(seanceDecisions.seanceId, seanceId)).orderBy(asc(seanceDecisions.createdAt), asc(sql`${seanceDecisions}.rowid`)).all(),
  decision: (db: DbLike, seanceId: string, decisionId: string) =>
    db.select().from(seanceDecisions).where(and(eq(seanceDecisions.id, decisionId), eq(seanceDecisions.seanceId, seanceId))).get(),
  insertDecision: (db: DbLike, row: typeof seanceDecisions.$inferInsert) => db.insert(seanceDecisions).values(row).run(),
  deleteDecision: (db: DbLike, decisionId: string) => db.delete(seanceDecisions).where(eq(seanceDecisions.id, decisionId)).run(),

  /** Documents by id, limited to one project (an id from another project is treated as unknown). */
  documents: (db: DbLike, projectId: string, ids: string[]) =>
    ids.length === 0
      ? []
      : db
          .select({ id: documents.id, title: documents.title, kind: documents.kind, lockedAt: documents.lockedAt, archivedAt: documents.archivedAt })
          .from(documents)
          .where(and(eq(documents.projectId, projectId), inArray(documents.id, ids)))
          .all(),
  users: (db: DbLike, ids: string[]) =>
    ids.length === 0
      ? []
      : db.select({ id: users.id, name: users.name, role: users.role, communeId: users.communeId }).from(users).where(inArray(users.id, ids)).all(),
  user: (db: DbLike, id: string) =>
    db.select({ id: users.id, name: users.name, role: users.role, communeId: users.communeId, disabledAt: users.disabledAt }).from(users).where(eq(users.id, id)).get(),
  /** Enabled accounts of the given roles in the given communes (élus of invited communes). */
  usersOfCommunes: (db: DbLike, communeIds: string[], roles: string[]) =>
    communeIds.length === 0
      ? []
      : db
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.communeId, communeIds), inArray(users.role, roles), sql`${users.disabledAt} is null`))
          .all()
          .map((u) => u.id),
  /** Every enabled account (the invitation list filters them by access to the project). */
  allUsers: (db: DbLike) =>
    db.select({ id: users.id, name: users.name, role: users.role, communeId: users.communeId, partnerId: users.partnerId }).from(users).where(sql`${users.disabledAt} is null`).orderBy(asc(users.name)).all(),
  communeNames: (db: DbLike, ids: string[]) =>
    ids.length === 0 ? [] : db.select({ id: communes.id, name: communes.name }).from(communes).where(inArray(communes.id, ids)).all(),
  /** Communes taking part in the project (participation `participante`), the default reference of the quorum. */
  participatingCommuneIds: (db: DbLike, projectId: string) =>
    db
      .select({ communeId: participations.communeId })
      .from(participations)
      .where(and(eq(participations.projectId, projectId), eq(participations.state, 'participante')))
      .all()
      .map((p) => p.communeId),
  /** Communes with any participation in the project (those that may be invited). */
  projectCommuneIds: (db: DbLike, projectId: string) =>
    db.select({ communeId: participations.communeId }).from(participations).where(eq(participations.projectId, projectId)).all().map((p) => p.communeId),
};
