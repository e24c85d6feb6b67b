import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { communes } from './territory.js';
import { users } from './auth.js';

/**
 * Programmes communaux: the actions of a commune's political programme relevant to a project ("la mutualisation
 * renforcera-t-elle les actions prévues ?"). Removed actions are kept (`deletedAt`) because positions recorded in
 * rounds refer to them by id and the synthesis must still name them.
 */
export const programmeActions = sqliteTable(
  'programme_actions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    communeId: text('commune_id').notNull().references(() => communes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Year the commune plans the action (e.g. 2027), if known. */
    plannedYear: integer('planned_year'),
    /** Planned budget in whole euros, if known. */
    budgetEuros: integer('budget_euros'),
    /** Display order within the commune's programme. */
    position: integer('position').notNull().default(0),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedBy: text('updated_by').notNull().references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('programme_actions_project_commune').on(t.projectId, t.communeId)],
);
