/**
 * Reads of the diagnostic (drizzle): records by section, the project's communes and missions, the people and
 * partners that references resolve against, and the stored completeness statuses.
 */
import { and, asc, eq, ne, inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import {
  projects, participations, communes, partners, users, projectMembers, diagMissions, diagCompleteness, diagSettings,
} from '../../db/schema/index.js';
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import { JEUNESSE_MISSIONS } from '../../../shared/diagnostic/missions.js';
import type { MissionDto } from '../../../shared/diagnostic/types.js';
import type { ParticipationState } from '../../../shared/projects/participation.js';
import { SECTION_TABLES, type Row } from './diagnostic.tables.js';

// Generic access to the section tables: their columns share the field names (see diagnostic.tables.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const col = (section: SectionKey, name: string): any => (SECTION_TABLES[section].table as any)[name];

export const diagnosticRepo = {
  project: (db: DbLike, projectId: string) => db.select().from(projects).where(eq(projects.id, projectId)).get(),

  /** Communes of the diagnostic: every commune associated with the project except withdrawn ones. */
  communes: (db: DbLike, projectId: string) =>
    db
      .select({ id: communes.id, name: communes.name, inseeCode: communes.inseeCode, population: communes.population, member: communes.member, participation: participations.state })
      .from(participations)
      .innerJoin(communes, eq(communes.id, participations.communeId))
      .where(and(eq(participations.projectId, projectId), ne(participations.state, 'retiree')))
      .orderBy(asc(communes.name))
      .all()
      .map((c) => ({ ...c, participation: c.participation as ParticipationState })),

  territoryCommunes: (db: DbLike, territoryId: string) =>
    db.select({ id: communes.id, name: communes.name, inseeCode: communes.inseeCode }).from(communes).where(eq(communes.territoryId, territoryId)).all(),

  partners: (db: DbLike, territoryId: string) =>
    db.select({ id: partners.id, name: partners.name }).from(partners).where(eq(partners.territoryId, territoryId)).orderBy(asc(partners.name)).all(),

  /** Candidate participants of consultations: every account (the policy then keeps those who may open the project). */
  users: (db: DbLike) =>
    db.select({ id: users.id, name: users.name, email: users.email, role: users.role, communeId: users.communeId, partnerId: users.partnerId, disabledAt: users.disabledAt }).from(users).orderBy(asc(users.name)).all(),

  memberIds: (db: DbLike, projectId: string) => db.select({ userId: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, projectId)).all().map((m) => m.userId),

  userNames: (db: DbLike, ids: string[]) =>
    ids.length ? new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all().map((u) => [u.id, u.name])) : new Map<string, string>(),

  customMissions: (db: DbLike, projectId: string) => db.select().from(diagMissions).where(eq(diagMissions.projectId, projectId)).orderBy(asc(diagMissions.createdAt)).all(),

  /** The built-in jeunesse missions, then the project's own. */
  missions(db: DbLike, projectId: string): MissionDto[] {
    return [
      ...JEUNESSE_MISSIONS.map((m) => ({ ...m, custom: false })),
      ...this.customMissions(db, projectId).map((m) => ({ key: m.id, label: m.label, description: m.description, custom: true })),
    ];
  },

  notice: (db: DbLike, projectId: string) => db.select().from(diagSettings).where(eq(diagSettings.projectId, projectId)).get()?.notice ?? null,

  /** Records in a stable order: consultations by date, the others as entered (rowid breaks ties of one import). */
  list(db: DbLike, section: SectionKey, projectId: string): Row[] {
    const { table } = SECTION_TABLES[section];
    const first = section === 'consultations' ? col(section, 'date') : col(section, 'createdAt');
    return db.select().from(table).where(eq(col(section, 'projectId'), projectId)).orderBy(asc(first), sql`rowid`).all() as Row[];
  },

  byId(db: DbLike, section: SectionKey, id: string): Row | undefined {
    const { table } = SECTION_TABLES[section];
    return db.select().from(table).where(eq(col(section, 'id'), id)).get() as Row | undefined;
  },

  insert(db: DbLike, section: SectionKey, row: Row): void {
    db.insert(SECTION_TABLES[section].table).values(row).run();
  },

  update(db: DbLike, section: SectionKey, id: string, patch: Record<string, unknown>): void {
    db.update(SECTION_TABLES[section].table).set(patch).where(eq(col(section, 'id'), id)).run();
  },

  remove(db: DbLike, section: SectionKey, id: string): void {
    db.delete(SECTION_TABLES[section].table).where(eq(col(section, 'id'), id)).run();
  },

  completeness: (db: DbLike, projectId: string) => db.select().from(diagCompleteness).where(eq(diagCompleteness.projectId, projectId)).all(),

  completenessOf: (db: DbLike, projectId: string, communeId: string, section: string) =>
    db
      .select()
      .from(diagCompleteness)
      .where(and(eq(diagCompleteness.projectId, projectId), eq(diagCompleteness.communeId, communeId), eq(diagCompleteness.section, section)))
      .get(),
};
