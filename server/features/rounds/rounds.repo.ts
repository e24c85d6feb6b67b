/**
 * Reads and writes of rounds (*tours de table*), their positions and sent reminders (drizzle).
 * Other features read rounds through `listRounds` and `getRoundResults` (arbitration links a round's results,
 * séances link a round): keep those two signatures stable.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { communes, roundPositions, roundReminders, rounds } from '../../db/schema/index.js';
import type { Position, PositionKind } from '../../../shared/rounds/positions.js';
import type { ReminderMoment } from '../../../shared/rounds/reminders.js';
import type { Round, RoundStatus } from '../../../shared/rounds/round.js';

/** A stored round. */
export type RoundRow = typeof rounds.$inferSelect;
/** A stored position. */
export type PositionRow = typeof roundPositions.$inferSelect;

/** Id that stands for the scenario figures snapshot among a round's frozen ids (the pure machine counts ids). */
export const scenarioSnapshotRef = (roundId: string) => `scenarios:${roundId}`;

/** A project's rounds, most recent opening/creation first. Contract for other features. */
export function listRounds(db: DbLike, projectId: string): RoundRow[] {
  return db.select().from(rounds).where(eq(rounds.projectId, projectId)).orderBy(desc(rounds.createdAt), desc(rounds.id)).all();
}

/** Results of a round as other features show them: one row per invited commune, in invitation order. */
export type RoundResults = {
  round: { id: string; projectId: string; title: string; question: string; status: RoundStatus; opensAt: string; closesAt: string; closedAt: string | null; synthesisDocumentId: string | null };
  positions: {
    communeId: string;
    communeName: string;
    kind: PositionKind | null;
    motivation: string | null;
    conditions: string[];
    actionImpacts: { actionId: string; impact: 'renforce' | 'neutre' | 'affaiblit' }[];
    recordedAt: string | null;
  }[];
  counts: Record<PositionKind | 'sans_position', number>;
};

/**
 * Positions by commune of a round (null when the round does not exist). `status` is the stored one: an open round
 * past its deadline is closed by the periodic job within a minute.
 */
export function getRoundResults(db: DbLike, roundId: string): RoundResults | null {
  const round = roundsRepo.byId(db, roundId);
  if (!round) return null;
  const byCommune = new Map(roundsRepo.positions(db, roundId).map((p) => [p.communeId, p]));
  const names = communeNames(db, round.invitedCommuneIds);
  const counts: RoundResults['counts'] = { favorable: 0, favorable_avec_reserves: 0, defavorable: 0, abstention: 0, sans_position: 0 };
  const positions = round.invitedCommuneIds.map((communeId) => {
    const p = byCommune.get(communeId);
    counts[p ? (p.kind as PositionKind) : 'sans_position'] += 1;
    return {
      communeId,
      communeName: names[communeId] ?? communeId,
      kind: (p?.kind as PositionKind | undefined) ?? null,
      motivation: p?.motivation ?? null,
      conditions: p?.conditions ?? [],
      actionImpacts: p?.actionImpacts ?? [],
      recordedAt: p?.recordedAt ?? null,
    };
  });
  const { id, projectId, title, question, opensAt, closesAt, closedAt, synthesisDocumentId } = round;
  return { round: { id, projectId, title, question, status: round.status as RoundStatus, opensAt, closesAt, closedAt, synthesisDocumentId }, positions, counts };
}

/** Commune names by id. */
export function communeNames(db: DbLike, ids: readonly string[]): Record<string, string> {
  if (ids.length === 0) return {};
  const rows = db.select({ id: communes.id, name: communes.name }).from(communes).where(inArray(communes.id, [...ids])).all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The round as the pure rules of `shared/rounds` see it. */
export function roundFromRow(row: RoundRow): Round {
  return {
    id: row.id,
    status: row.status as RoundStatus,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    invitedCommuneIds: row.invitedCommuneIds,
    frozenVersionIds: [...row.frozenVersions.map((v) => v.versionId), ...(row.scenarioSnapshot != null ? [scenarioSnapshotRef(row.id)] : [])],
    openedAt: row.openedAt,
    closedAt: row.closedAt,
  };
}

/** A stored position as the pure rules see it. */
export function positionFromRow(row: PositionRow): Position {
  return {
    roundId: row.roundId,
    communeId: row.communeId,
    kind: row.kind as PositionKind,
    motivation: row.motivation,
    conditions: row.conditions,
    actionImpacts: row.actionImpacts,
    authorId: row.authorId,
    recordedAt: row.recordedAt,
  };
}

/** Reads and writes of the rounds feature. */
export const roundsRepo = {
  byId: (db: DbLike, id: string) => db.select().from(rounds).where(eq(rounds.id, id)).get(),
  insert: (db: DbLike, row: typeof rounds.$inferInsert) => db.insert(rounds).values(row).run(),
  update: (db: DbLike, id: string, patch: Partial<typeof rounds.$inferInsert>) => db.update(rounds).set(patch).where(eq(rounds.id, id)).run(),
  /** Compare-and-set on the status, so two concurrent transitions cannot both apply. */
  transition: (db: DbLike, id: string, from: RoundStatus, patch: Partial<typeof rounds.$inferInsert>) =>
    db.update(rounds).set(patch).where(and(eq(rounds.id, id), eq(rounds.status, from))).run().changes === 1,
  delete: (db: DbLike, id: string) => db.delete(rounds).where(eq(rounds.id, id)).run(),
  /** Rounds the periodic job looks at. */
  openRounds: (db: DbLike) => db.select().from(rounds).where(eq(rounds.status, 'ouvert')).orderBy(asc(rounds.closesAt)).all(),
  positions: (db: DbLike, roundId: string) =>
    // Ties (same millisecond) fall back to insertion order: the primary-key index would otherwise order them by commune id.
    db.select().from(roundPositions).where(eq(roundPositions.roundId, roundId)).orderBy(asc(roundPositions.recordedAt), sql`rowid`).all(),
  position: (db: DbLike, roundId: string, communeId: string) =>
    db.select().from(roundPositions).where(and(eq(roundPositions.roundId, roundId), eq(roundPositions.communeId, communeId))).get(),
  /** Inserts or replaces the commune's position (one per commune and round). */
  upsertPosition: (db: DbLike, row: typeof roundPositions.$inferInsert) =>
    db
      .insert(roundPositions)
      .values(row)
      .onConflictDoUpdate({
        target: [roundPositions.roundId, roundPositions.communeId],
        set: { kind: row.kind, motivation: row.motivation, conditions: row.conditions, actionImpacts: row.actionImpacts, authorId: row.authorId, recordedAt: row.recordedAt },
      })
      .run(),
  /** Forgets the scheduled reminders of one moment (a prolonged round reminds again before its new deadline). */
  forgetReminders: (db: DbLike, roundId: string, moment: string) =>
    db.delete(roundReminders).where(and(eq(roundReminders.roundId, roundId), eq(roundReminders.moment, moment))).run(),
  reminders: (db: DbLike, roundId: string) =>
    db
      .select({ communeId: roundReminders.communeId, moment: roundReminders.moment, sentAt: roundReminders.sentAt })
      .from(roundReminders)
      .where(eq(roundReminders.roundId, roundId))
      .all()
      .map((r) => ({ ...r, moment: r.moment as ReminderMoment })),
  /** Records a sent reminder; a second record of the same (round, commune, moment) is ignored. */
  recordReminder: (db: DbLike, row: typeof roundReminders.$inferInsert) => db.insert(roundReminders).values(row).onConflictDoNothing().run(),
};
