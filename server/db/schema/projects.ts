import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { territories, communes } from './territory.js';
import { users } from './auth.js';

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  territoryId: text('territory_id').notNull().references(() => territories.id),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  /** JSON array of ProjectDomain. */
  domains: text('domains', { mode: 'json' }).$type<string[]>().notNull(),
  facilitatorId: text('facilitator_id').references(() => users.id),
  phase: text('phase').notNull(),
  /** The facilitator lets the document's editors accept or reject amendments (abilities table, `amendment.decide`). */
  editorsDecideAmendments: integer('editors_decide_amendments', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull().references(() => users.id),
});

/** Planned start date of each phase (YYYY-MM-DD). */
export const phasePlans = sqliteTable(
  'phase_plans',
  {
    projectId: text('project_id').notNull().references(() => projects.id),
    phase: text('phase').notNull(),
    plannedDate: text('planned_date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.phase] })],
);

/** History of phase transitions (who, when, from, to, reason). */
export const phaseTransitions = sqliteTable(
  'phase_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id').notNull().references(() => projects.id),
    fromPhase: text('from_phase'),
    toPhase: text('to_phase').notNull(),
    byUserId: text('by_user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('phase_transitions_project').on(t.projectId)],
);

/** Current participation state of each commune in a project. */
export const participations = sqliteTable(
  'participations',
  {
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    state: text('state').notNull(),
    since: text('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.communeId] })],
);

/** Every participation change, so the history of progressive membership is kept. */
export const participationEvents = sqliteTable(
  'participation_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    at: text('at').notNull(),
    byUserId: text('by_user_id').notNull().references(() => users.id),
    note: text('note'),
  },
  (t) => [index('participation_events_project').on(t.projectId, t.communeId)],
);

/** Partners and observers added to a project individually. */
export const projectMembers = sqliteTable(
  'project_members',
  {
    projectId: text('project_id').notNull().references(() => projects.id),
    userId: text('user_id').notNull().references(() => users.id),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);
