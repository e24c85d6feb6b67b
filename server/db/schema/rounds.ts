import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { communes } from './territory.js';
import { users } from './auth.js';
import { documents } from './documents.js';

/** A document version frozen when the round opened: every commune answers on exactly this text. */
export type FrozenVersionRef = { documentId: string; versionId: string; title: string; label: string };

/**
 * Rounds (*tours de table*): an asynchronous consultation of the communes on documents and/or scenarios.
 * `brouillon` → `ouvert` (scope frozen: named versions + scenario figures snapshot) → `clos` (positions frozen,
 * synthesis document generated).
 */
export const rounds = sqliteTable(
  'rounds',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    title: text('title').notNull(),
    question: text('question').notNull(),
    /** `brouillon` | `ouvert` | `clos` (shared/rounds/round.ts). */
    status: text('status').notNull(),
    /** Documents in scope (ids), frozen as named versions at opening. */
    documentIds: text('document_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Scenarios in scope (ids), whose figures are snapshotted at opening. */
    scenarioIds: text('scenario_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Invited communes (participating and outside ones), in display order. */
    invitedCommuneIds: text('invited_commune_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** Whether partners may comment during the round. */
    partnersMayComment: integer('partners_may_comment', { mode: 'boolean' }).notNull().default(false),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    openedAt: text('opened_at'),
    openedBy: text('opened_by').references(() => users.id),
    closedAt: text('closed_at'),
    /** Null when the closing job closed it at the deadline. */
    closedBy: text('closed_by').references(() => users.id),
    /** Set at opening. */
    frozenVersions: text('frozen_versions', { mode: 'json' }).$type<FrozenVersionRef[]>().notNull(),
    /** Figures of the scenarios in scope at opening (whatever the scenarios feature snapshots), null without scenarios. */
    scenarioSnapshot: text('scenario_snapshot', { mode: 'json' }).$type<unknown>(),
    /** The `synthese` document generated at closing. */
    synthesisDocumentId: text('synthesis_document_id').references(() => documents.id),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('rounds_project').on(t.projectId), index('rounds_status').on(t.status)],
);

/** One action's impact in a position: does the proposal reinforce, leave unchanged or weaken it. */
export type ActionImpactRow = { actionId: string; impact: 'renforce' | 'neutre' | 'affaiblit' };

/** A commune's position in a round (one per commune; recording again while open replaces it). */
export const roundPositions = sqliteTable(
  'round_positions',
  {
    roundId: text('round_id').notNull().references(() => rounds.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    /** `favorable` | `favorable_avec_reserves` | `defavorable` | `abstention`. */
    kind: text('kind').notNull(),
    motivation: text('motivation'),
    conditions: text('conditions', { mode: 'json' }).$type<string[]>().notNull(),
    actionImpacts: text('action_impacts', { mode: 'json' }).$type<ActionImpactRow[]>().notNull(),
    authorId: text('author_id').notNull().references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.communeId] })],
);

/** Reminders already sent (`ouverture`, `avant_cloture`, `cloture`), so the periodic job never sends one twice. */
export const roundReminders = sqliteTable(
  'round_reminders',
  {
    roundId: text('round_id').notNull().references(() => rounds.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    moment: text('moment').notNull(),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.communeId, t.moment] })],
);
