/**
 * Reads and writes of scenarios, their status history and the arbitrations (drizzle). `getScenario`,
 * `listScenarios` and `retainedScenario` are the contract other features read (rounds freeze scenarios, the
 * convention is built from the retained one): they return the full scenario with names resolved.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbLike } from '../../db/client.js';
import { arbitrations, communes, scenarioStatusEvents, scenarios, users } from '../../db/schema/index.js';
import type { ScenarioDto, ScenarioStatusEventDto } from '../../../shared/scenarios/api.js';
import type { Instrument } from '../../../shared/scenarios/instruments.js';
import type { ScenarioStatus } from '../../../shared/scenarios/model.js';
import type { FinancingMode } from '../../../shared/scenarios/types.js';

export type ScenarioRow = typeof scenarios.$inferSelect;
export type ArbitrationRow = typeof arbitrations.$inferSelect;

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

function selectScenarios(db: DbLike) {
  return db
    .select({ s: scenarios, createdByName: creator.name, updatedByName: updater.name })
    .from(scenarios)
    .innerJoin(creator, eq(creator.id, scenarios.createdBy))
    .innerJoin(updater, eq(updater.id, scenarios.updatedBy));
}

type Selected = { s: ScenarioRow; createdByName: string; updatedByName: string };

/** Rows → DTOs, resolving the communes of every perimeter in one query. */
function present(db: DbLike, rows: Selected[]): ScenarioDto[] {
  const ids = [...new Set(rows.flatMap((r) => r.s.communes.map((c) => c.communeId)))];
  const known = new Map(
    ids.length ? db.select({ id: communes.id, insee: communes.inseeCode, name: communes.name, member: communes.member }).from(communes).where(inArray(communes.id, ids)).all().map((c) => [c.id, c]) : [],
  );
  return rows.map(({ s, createdByName, updatedByName }) => ({
    id: s.id,
    projectId: s.projectId,
    title: s.title,
    summary: s.summary,
    status: s.status as ScenarioStatus,
    instrument: s.instrument as Instrument,
    epciParty: s.epciParty,
    managingBody: s.managingBody,
    communes: s.communes.map((c) => {
      const k = known.get(c.communeId);
      return { communeId: c.communeId, overrides: c.overrides ?? {}, insee: k?.insee ?? '', name: k?.name ?? c.communeId, member: k?.member ?? false };
    }),
    otherParties: s.otherParties,
    posts: s.posts,
    equipment: s.equipment,
    otherRunningCents: s.otherRunningCents,
    oneOffCosts: s.oneOffCosts,
    revenues: s.revenues,
    allocationKey: s.allocationKey ?? null,
    usageUnit: s.usageUnit,
    financingMode: s.financingMode as FinancingMode | null,
    prestationSharePct: s.prestationSharePct,
    documentId: s.documentId,
    revision: s.revision,
    presentedAt: s.presentedAt,
    decidedAt: s.decidedAt,
    arbitrationId: s.arbitrationId,
    createdAt: s.createdAt,
    createdBy: { id: s.createdBy, name: createdByName },
    updatedAt: s.updatedAt,
    updatedBy: { id: s.updatedBy, name: updatedByName },
  }));
}

/** One scenario with its perimeter, instrument, managing body, posts by employer, equipment, key and financing; null if unknown. */
export function getScenario(db: DbLike, id: string): ScenarioDto | null {
  const row = selectScenarios(db).where(eq(scenarios.id, id)).get();
  return row ? present(db, [row])[0] : null;
}

/** A project's scenarios in creation order. */
export function listScenarios(db: DbLike, projectId: string): ScenarioDto[] {
  return present(db, selectScenarios(db).where(eq(scenarios.projectId, projectId)).orderBy(asc(scenarios.createdAt), asc(sql`${scenarios}.rowid`)).all());
}

/** The scenario retained by the arbitration in force, or null when none was retained. */
export function retainedScenario(db: DbLike, projectId: string): ScenarioDto | null {
  const row = selectScenarios(db).where(and(eq(scenarios.projectId, projectId), eq(scenarios.status, 'retenu'))).get();
  return row ? present(db, [row])[0] : null;
}

/** Raw writes and reads of the service. */
export const scenariosRepo = {
  row: (db: DbLike, id: string) => db.select().from(scenarios).where(eq(scenarios.id, id)).get(),
  insert: (db: DbLike, row: typeof scenarios.$inferInsert) => db.insert(scenarios).values(row).run(),
  /** Compare-and-set on the revision: false when someone changed the scenario in between. */
  update: (db: DbLike, id: string, revision: number, patch: Partial<typeof scenarios.$inferInsert>) =>
    db.update(scenarios).set({ ...patch, revision: revision + 1 }).where(and(eq(scenarios.id, id), eq(scenarios.revision, revision))).run().changes === 1,
  /** Links the narrative document unless one is linked already (two concurrent calls: the first wins). */
  linkDocument: (db: DbLike, id: string, documentId: string) =>
    db.update(scenarios).set({ documentId }).where(and(eq(scenarios.id, id), isNull(scenarios.documentId))).run().changes === 1,
  remove(db: DbLike, id: string) {
    db.delete(scenarioStatusEvents).where(eq(scenarioStatusEvents.scenarioId, id)).run();
    db.delete(scenarios).where(eq(scenarios.id, id)).run();
  },
  addStatusEvent: (db: DbLike, row: typeof scenarioStatusEvents.$inferInsert) => db.insert(scenarioStatusEvents).values(row).run(),
  history: (db: DbLike, scenarioId: string): ScenarioStatusEventDto[] =>
    db
      .select({ e: scenarioStatusEvents, name: users.name })
      .from(scenarioStatusEvents)
      .innerJoin(users, eq(users.id, scenarioStatusEvents.byUserId))
      .where(eq(scenarioStatusEvents.scenarioId, scenarioId))
      .orderBy(asc(scenarioStatusEvents.id))
      .all()
      .map(({ e, name }) => ({
        id: e.id,
        fromStatus: e.fromStatus as ScenarioStatus | null,
        toStatus: e.toStatus as ScenarioStatus,
        at: e.at,
        by: { id: e.byUserId, name },
        reason: e.reason,
        arbitrationId: e.arbitrationId,
      })),
  insertArbitration: (db: DbLike, row: typeof arbitrations.$inferInsert) => db.insert(arbitrations).values(row).run(),
  /** The arbitration in force (not superseded), if any. */
  currentArbitration: (db: DbLike, projectId: string) =>
    db.select().from(arbitrations).where(and(eq(arbitrations.projectId, projectId), isNull(arbitrations.supersededAt))).get(),
  /** Marks the arbitration in force as superseded; false when it was not in force any more (concurrent decision). */
  supersede: (db: DbLike, id: string, at: string, by: string) =>
    db.update(arbitrations).set({ supersededAt: at, supersededBy: by }).where(and(eq(arbitrations.id, id), isNull(arbitrations.supersededAt))).run().changes === 1,
  arbitrations: (db: DbLike, projectId: string) =>
    db
      .select({ a: arbitrations, name: users.name })
      .from(arbitrations)
      .innerJoin(users, eq(users.id, arbitrations.recordedBy))
      .where(eq(arbitrations.projectId, projectId))
      .orderBy(desc(arbitrations.recordedAt), desc(sql`${arbitrations}.rowid`))
      .all(),
  titles: (db: DbLike, ids: string[]) =>
    new Map(ids.length ? db.select({ id: scenarios.id, title: scenarios.title }).from(scenarios).where(inArray(scenarios.id, ids)).all().map((s) => [s.id, s.title]) : []),
};
