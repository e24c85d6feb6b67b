/**
 * Diagnostic of a project: per commune, the needs questionnaire, existing services and their usage, agents,
 * equipment, finances, plus consultations and the completeness workflow. Every record has a stable opaque id so that
 * comments and history stay attached across edits and re-imports. Money is in integer cents.
 */
import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { communes, partners } from './territory.js';
import { users } from './auth.js';

/** Who created and last changed a record, and when. */
const stamps = () => ({
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull().references(() => users.id),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull().references(() => users.id),
});

/** Project-level settings of the diagnostic (a notice shown as a banner, e.g. « données fictives de démonstration »). */
export const diagSettings = sqliteTable('diag_settings', {
  projectId: text('project_id').primaryKey().references(() => projects.id),
  notice: text('notice'),
});

/** Missions a project adds to the built-in list (their key is their id). */
export const diagMissions = sqliteTable(
  'diag_missions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    ...stamps(),
  },
  (t) => [index('diag_missions_project').on(t.projectId)],
);

export const diagBesoins = sqliteTable(
  'diag_besoins',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    missionKey: text('mission_key').notNull(),
    existing: text('existing'),
    providedBy: text('provided_by'),
    unmetNeed: integer('unmet_need', { mode: 'boolean' }),
    unmetNeedDetails: text('unmet_need_details'),
    poolingWish: text('pooling_wish'),
    priority: text('priority'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [uniqueIndex('diag_besoins_unique').on(t.projectId, t.communeId, t.missionKey)],
);

export const diagServices = sqliteTable(
  'diag_services',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    name: text('name').notNull(),
    missions: text('missions', { mode: 'json' }).$type<string[]>(),
    publicServed: text('public_served'),
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    openingPeriods: text('opening_periods', { mode: 'json' }).$type<string[]>(),
    year: integer('year'),
    operatingBudgetCents: integer('operating_budget_cents'),
    investmentBudgetCents: integer('investment_budget_cents'),
    investmentYearlyGainCents: integer('investment_yearly_gain_cents'),
    cafRevenueCents: integer('caf_revenue_cents'),
    otherRevenueCents: integer('other_revenue_cents'),
    usageUnit: text('usage_unit'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [index('diag_services_project').on(t.projectId, t.communeId)],
);

/** Usage of a service by commune of residence of its users (in the service's usage unit). */
export const diagUsages = sqliteTable(
  'diag_usages',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    /** Commune of the service (denormalised: whose data it is, for permissions and the board). */
    communeId: text('commune_id').notNull().references(() => communes.id),
    serviceId: text('service_id').notNull().references(() => diagServices.id),
    /** A commune id, or `hors_territoire`. */
    residence: text('residence').notNull(),
    units: real('units').notNull(),
    year: integer('year'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [index('diag_usages_project').on(t.projectId, t.communeId), index('diag_usages_service').on(t.serviceId)],
);

export const diagAgents = sqliteTable(
  'diag_agents',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    jobTitle: text('job_title').notNull(),
    employer: text('employer').notNull(),
    cadreEmplois: text('cadre_emplois'),
    category: text('category'),
    status: text('status'),
    quotitePct: real('quotite_pct'),
    serviceSharePct: real('service_share_pct'),
    qualifications: text('qualifications', { mode: 'json' }).$type<string[]>(),
    annualCostCents: integer('annual_cost_cents'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [index('diag_agents_project').on(t.projectId, t.communeId)],
);

export const diagEquipements = sqliteTable(
  'diag_equipements',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    type: text('type').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    owner: text('owner'),
    capacity: integer('capacity'),
    areaM2: integer('area_m2'),
    condition: text('condition'),
    accessibility: text('accessibility'),
    occupancyPct: real('occupancy_pct'),
    runningCostCents: integer('running_cost_cents'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [index('diag_equipements_project').on(t.projectId, t.communeId)],
);

/** Finances and population facts of a commune used by the scenarios (one record per commune and project). */
export const diagFinances = sqliteTable(
  'diag_finances',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    year: integer('year'),
    acCents: integer('ac_cents'),
    operatingRevenueCents: integer('operating_revenue_cents'),
    childrenUnder3: integer('children_under3'),
    comment: text('comment'),
    ...stamps(),
  },
  (t) => [uniqueIndex('diag_finances_unique').on(t.projectId, t.communeId)],
);

/** Meetings, interviews and questionnaires with élus and partners, and what they expressed. */
export const diagConsultations = sqliteTable(
  'diag_consultations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeIds: text('commune_ids', { mode: 'json' }).$type<string[]>().notNull(),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    partnerId: text('partner_id').references(() => partners.id),
    participants: text('participants'),
    participantUserIds: text('participant_user_ids', { mode: 'json' }).$type<string[]>().notNull(),
    minutes: text('minutes'),
    /** Needs and wishes expressed, each with its own stable id. */
    needs: text('needs', { mode: 'json' }).$type<{ id: string; kind: string; text: string; missionKey: string | null }[]>().notNull(),
    ...stamps(),
  },
  (t) => [index('diag_consultations_project').on(t.projectId, t.date)],
);

/** Stored completeness status of a commune's board section (absent = derived from whether data exists). */
export const diagCompleteness = sqliteTable(
  'diag_completeness',
  {
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    section: text('section').notNull(),
    status: text('status').notNull(),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by').references(() => users.id),
    validatedAt: text('validated_at'),
    validatedBy: text('validated_by').references(() => users.id),
    comment: text('comment'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.communeId, t.section] })],
);
