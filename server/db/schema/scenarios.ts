/**
 * Scenarios of a project and the arbitration that retains one of them. A scenario is edited as a whole by its
 * form, so its perimeter, posts, equipment decisions, costs and allocation key are JSON columns of one row
 * (written in one statement, guarded by `revision`); its status history and the arbitrations are relational.
 * Money is in integer cents.
 */
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './auth.js';
import { documents } from './documents.js';
import type {
  ManagingBody, ScenarioCommune, ScenarioOtherParty, ScenarioPost, ScenarioEquipment, ScenarioOneOffCost, ScenarioRevenue,
} from '../../../shared/scenarios/model.js';
import type { AllocationKey } from '../../../shared/scenarios/allocation.js';

export const scenarios = sqliteTable(
  'scenarios',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** brouillon | presente | retenu | ecarte (shared/scenarios/model.ts). */
    status: text('status').notNull(),
    instrument: text('instrument').notNull(),
    epciParty: integer('epci_party', { mode: 'boolean' }).notNull(),
    managingBody: text('managing_body', { mode: 'json' }).$type<ManagingBody>().notNull(),
    communes: text('communes', { mode: 'json' }).$type<ScenarioCommune[]>().notNull(),
    otherParties: text('other_parties', { mode: 'json' }).$type<ScenarioOtherParty[]>().notNull(),
    posts: text('posts', { mode: 'json' }).$type<ScenarioPost[]>().notNull(),
    equipment: text('equipment', { mode: 'json' }).$type<ScenarioEquipment[]>().notNull(),
    otherRunningCents: integer('other_running_cents').notNull().default(0),
    oneOffCosts: text('one_off_costs', { mode: 'json' }).$type<ScenarioOneOffCost[]>().notNull(),
    revenues: text('revenues', { mode: 'json' }).$type<ScenarioRevenue[]>().notNull(),
    allocationKey: text('allocation_key', { mode: 'json' }).$type<AllocationKey | null>(),
    usageUnit: text('usage_unit'),
    financingMode: text('financing_mode'),
    prestationSharePct: real('prestation_share_pct'),
    /** The narrative `scenario` document. */
    documentId: text('document_id').references(() => documents.id),
    /** Increases at every change: an update sent with a stale revision is refused (409). */
    revision: integer('revision').notNull().default(1),
    presentedAt: text('presented_at'),
    decidedAt: text('decided_at'),
    arbitrationId: text('arbitration_id'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull().references(() => users.id),
  },
  (t) => [index('scenarios_project').on(t.projectId)],
);

/** Every status change of a scenario (creation, presentation, back to draft, retained or discarded by an arbitration). */
export const scenarioStatusEvents = sqliteTable(
  'scenario_status_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scenarioId: text('scenario_id').notNull().references(() => scenarios.id),
    projectId: text('project_id').notNull().references(() => projects.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: text('at').notNull(),
    byUserId: text('by_user_id').notNull().references(() => users.id),
    reason: text('reason'),
    arbitrationId: text('arbitration_id'),
  },
  (t) => [index('scenario_status_events_scenario').on(t.scenarioId, t.id)],
);

/**
 * The decision that retains a scenario: when, by which body, why, after which rounds. A later arbitration
 * supersedes the current one (kept, with `supersededAt`), so the history of decisions is never lost.
 */
export const arbitrations = sqliteTable(
  'arbitrations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    retainedScenarioId: text('retained_scenario_id').notNull().references(() => scenarios.id),
    /** Date of the meeting that decided (YYYY-MM-DD). */
    decisionDate: text('decision_date').notNull(),
    body: text('body').notNull(),
    bodyLabel: text('body_label'),
    reasons: text('reasons').notNull(),
    roundIds: text('round_ids', { mode: 'json' }).$type<string[]>().notNull(),
    discardedScenarioIds: text('discarded_scenario_ids', { mode: 'json' }).$type<string[]>().notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    supersededAt: text('superseded_at'),
    supersededBy: text('superseded_by'),
  },
  (t) => [index('arbitrations_project').on(t.projectId, t.recordedAt)],
);
