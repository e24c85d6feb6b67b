/**
 * After the arbitration: the action plan (strategic objectives and actions), the convention of a project with its
 * generated documents, each council's deliberation (on the convention or on an avenant) and its history, avenants of
 * adhesion, withdrawals and annual evaluations. Money in integer cents; dates YYYY-MM-DD; instants ISO 8601.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './auth.js';
import { communes, partners } from './territory.js';
import { documents } from './documents.js';
import type { EvaluationIndicator } from '../../../shared/convention/evaluation.js';

/** Objectives of the cadre stratégique that actions are linked to (seeded from the retained scenario). */
export const strategicObjectives = sqliteTable(
  'strategic_objectives',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
  },
  (t) => [index('strategic_objectives_project').on(t.projectId, t.position)],
);

/** Actions of the action plan. */
export const planActions = sqliteTable(
  'plan_actions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    objectiveId: text('objective_id').references(() => strategicObjectives.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** epci | commune | partenaire */
    leadKind: text('lead_kind').notNull(),
    leadCommuneId: text('lead_commune_id').references(() => communes.id),
    leadPartnerId: text('lead_partner_id').references(() => partners.id),
    partners: text('partners', { mode: 'json' }).$type<string[]>().notNull(),
    startDate: text('start_date'),
    deadline: text('deadline'),
    budgetCents: integer('budget_cents'),
    indicator: text('indicator').notNull().default(''),
    /** a_lancer | en_cours | terminee | abandonnee */
    status: text('status').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull().references(() => users.id),
  },
  (t) => [index('plan_actions_project').on(t.projectId)],
);

/** The convention of a project (one per project) and the documents generated for it. */
export const conventions = sqliteTable('conventions', {
  projectId: text('project_id').primaryKey().references(() => projects.id),
  /** The retained scenario the texts were generated from (no foreign key: scenarios belong to another feature). */
  scenarioId: text('scenario_id').notNull(),
  scenarioTitle: text('scenario_title').notNull(),
  instrument: text('instrument').notNull(),
  cadreDocumentId: text('cadre_document_id').references(() => documents.id),
  documentId: text('document_id').references(() => documents.id),
  ficheImpactDocumentId: text('fiche_impact_document_id').references(() => documents.id),
  /** brouillon | signee */
  status: text('status').notNull(),
  signedAt: text('signed_at'),
  /** The named version frozen at signature (document_versions.id). */
  signedVersionId: text('signed_version_id'),
  annexesGeneratedAt: text('annexes_generated_at'),
  arretePrefectoralDate: text('arrete_prefectoral_date'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull().references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});

/** Avenants of adhesion: a commune joins the signed convention through its own document and deliberations. */
export const avenants = sqliteTable(
  'avenants',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    number: integer('number').notNull(),
    kind: text('kind').notNull(),
    communeId: text('commune_id').notNull().references(() => communes.id),
    documentId: text('document_id').notNull().references(() => documents.id),
    /** en_cours | adopte */
    status: text('status').notNull(),
    effectiveOn: text('effective_on'),
    adoptedAt: text('adopted_at'),
    signedVersionId: text('signed_version_id'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
  },
  (t) => [uniqueIndex('avenants_project_number').on(t.projectId, t.number)],
);

/** One council's deliberation on the convention (`avenantId` null) or on an avenant. */
export const deliberations = sqliteTable(
  'deliberations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    avenantId: text('avenant_id').references(() => avenants.id),
    /** epci | commune | autre */
    bodyKind: text('body_kind').notNull(),
    communeId: text('commune_id').references(() => communes.id),
    /** The party's name (commune, EPCI). */
    name: text('name').notNull(),
    /** The deliberating body: « Conseil municipal de Fayence », « Conseil communautaire ». */
    body: text('body').notNull(),
    position: integer('position').notNull(),
    /** shared/scenarios/deliberations.ts DELIBERATION_STATES */
    state: text('state').notNull(),
    number: text('number'),
    date: text('date'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstention: integer('votes_abstention'),
    membersInOffice: integer('members_in_office'),
    castingVoteFor: integer('casting_vote_for', { mode: 'boolean' }),
    result: text('result'),
    cstDate: text('cst_date'),
    cstOpinion: text('cst_opinion'),
    notifiedOn: text('notified_on'),
    signedOn: text('signed_on'),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [index('deliberations_project').on(t.projectId, t.avenantId, t.position)],
);

/** Every change of a deliberation: from, to, who, when, why and what was recorded. */
export const deliberationEvents = sqliteTable(
  'deliberation_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliberationId: text('deliberation_id').notNull().references(() => deliberations.id),
    projectId: text('project_id').notNull().references(() => projects.id),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    at: text('at').notNull(),
    byUserId: text('by_user_id').notNull().references(() => users.id),
    reason: text('reason'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('deliberation_events_deliberation').on(t.deliberationId, t.id)],
);

/** A commune's withdrawal (retrait) from the convention: dates and effects. */
export const withdrawals = sqliteTable(
  'withdrawals',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    decidedOn: text('decided_on').notNull(),
    effectiveOn: text('effective_on').notNull(),
    effects: text('effects').notNull(),
    deliberationRef: text('deliberation_ref'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
  },
  (t) => [uniqueIndex('withdrawals_project_commune').on(t.projectId, t.communeId)],
);

/** The yearly review of a convention in force: indicators recomputed, comments, decisions. */
export const annualEvaluations = sqliteTable(
  'annual_evaluations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    year: integer('year').notNull(),
    indicators: text('indicators', { mode: 'json' }).$type<EvaluationIndicator[]>().notNull(),
    comments: text('comments').notNull().default(''),
    decisions: text('decisions', { mode: 'json' }).$type<string[]>().notNull(),
    computedAt: text('computed_at').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull().references(() => users.id),
  },
  (t) => [uniqueIndex('annual_evaluations_project_year').on(t.projectId, t.year)],
);
