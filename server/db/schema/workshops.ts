import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';
import { users } from './auth.js';
import { documents } from './documents.js';
import type { AgendaItemDto, FollowTarget } from '../../../shared/workshops/types.js';
import type { SeanceEvent } from '../../../shared/workshops/seance.js';
import type { SpeakingState } from '../../../shared/workshops/speaking.js';

/**
 * Séances (live workshops). The machine is stored as its accepted commands (`events`, timestamped by the server):
 * status, current item and every clock are replayed from them, so a restart mid-séance resumes exactly where it was.
 * `status` repeats the replayed status for listing. The speaking queue is stored as its state (it is small and
 * changes as a whole); `revision` grows with every change of the public state (clients keep the highest).
 */
export const seances = sqliteTable(
  'seances',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id),
    title: text('title').notNull(),
    /** copil | cotech | conference_maires | groupe_travail */
    body: text('body').notNull(),
    startsAt: text('starts_at').notNull(),
    location: text('location').notNull().default(''),
    videoUrl: text('video_url'),
    invitedCommuneIds: text('invited_commune_ids', { mode: 'json' }).$type<string[]>().notNull(),
    invitedUserIds: text('invited_user_ids', { mode: 'json' }).$type<string[]>().notNull(),
    agenda: text('agenda', { mode: 'json' }).$type<AgendaItemDto[]>().notNull(),
    status: text('status').notNull(),
    events: text('events', { mode: 'json' }).$type<SeanceEvent[]>().notNull(),
    follow: text('follow', { mode: 'json' }).$type<FollowTarget | null>(),
    speaking: text('speaking', { mode: 'json' }).$type<SpeakingState>().notNull(),
    compteRenduId: text('compte_rendu_id').references(() => documents.id),
    revision: integer('revision').notNull().default(0),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('seances_project').on(t.projectId, t.startsAt), index('seances_status').on(t.status)],
);

/** Quick polls of a séance; `closedAt` set once results are recorded. */
export const seancePolls = sqliteTable(
  'seance_polls',
  {
    id: text('id').primaryKey(),
    seanceId: text('seance_id').notNull().references(() => seances.id),
    itemId: text('item_id'),
    question: text('question').notNull(),
    kind: text('kind').notNull(),
    choices: text('choices', { mode: 'json' }).$type<string[]>().notNull(),
    /** personne | commune */
    scope: text('scope').notNull(),
    status: text('status').notNull(),
    passage: text('passage', { mode: 'json' }).$type<{ documentId: string; quote: string } | null>(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [index('seance_polls_seance').on(t.seanceId)],
);

/** One ballot per key: `personne:<id>` or `commune:<id>` (a later vote with the same key replaces it). */
export const seanceVotes = sqliteTable(
  'seance_votes',
  {
    pollId: text('poll_id').notNull().references(() => seancePolls.id),
    ballotKey: text('ballot_key').notNull(),
    voterId: text('voter_id').notNull().references(() => users.id),
    communeId: text('commune_id'),
    value: text('value', { mode: 'json' }).$type<string | number>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.ballotKey] })],
);

/**
 * Who attended: first seen connected to a document of the séance while it ran (from the server's connection
 * registry) and/or checked in (by themself or by the facilitator). Live presence is the registry itself.
 */
export const seanceAttendance = sqliteTable(
  'seance_attendance',
  {
    seanceId: text('seance_id').notNull().references(() => seances.id),
    personId: text('person_id').notNull().references(() => users.id),
    communeId: text('commune_id'),
    connectedAt: text('connected_at'),
    checkedInAt: text('checked_in_at'),
    checkedInBy: text('checked_in_by'),
  },
  (t) => [primaryKey({ columns: [t.seanceId, t.personId] })],
);

/** The relevé de décisions: decisions and open questions, linked to agenda items, polls, amendments, arbitrations. */
export const seanceDecisions = sqliteTable(
  'seance_decisions',
  {
    id: text('id').primaryKey(),
    seanceId: text('seance_id').notNull().references(() => seances.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    itemId: text('item_id'),
    pollId: text('poll_id'),
    amendmentId: text('amendment_id'),
    arbitrationId: text('arbitration_id'),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('seance_decisions_seance').on(t.seanceId)],
);
