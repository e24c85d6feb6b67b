/**
 * The séances API: request schemas (zod, shared by the server's validation and the client's forms) and the response
 * shapes. The live state (`SeanceStateDto`) is what the server publishes on the project's event stream after every
 * change, with a `revision` that only grows so that clients ignore stale copies.
 */
import { z } from 'zod';
import type { Role } from '../auth/roles.js';
import type { DocumentKind } from '../documents/kinds.js';
import { SEANCE_BODIES, type SeanceBody } from './bodies.js';
import { POLL_KINDS, type PollKind, type PollResults, type PollScope } from './polls.js';
import type { Attendance, QuorumRule } from './attendance.js';
import type { AgendaOutcome, ItemClock, SeanceStatus } from './seance.js';
import type { QueueEntry, Turn } from './speaking.js';
import type { AmendmentDecisionSummary } from '../comments/types.js';

/** Expected outcomes of an agenda item, with their French labels. */
export const AGENDA_OUTCOMES = ['information', 'debat', 'decision'] as const satisfies readonly AgendaOutcome[];
export const AGENDA_OUTCOME_LABELS: Record<AgendaOutcome, string> = { information: 'Information', debat: 'Débat', decision: 'Décision' };

/** Diagnostic views an agenda item may point at (sub-pages of the project's diagnostic). */
export const DIAGNOSTIC_VIEWS = ['synthese', 'equipements', 'consultations'] as const;
export type DiagnosticView = (typeof DIAGNOSTIC_VIEWS)[number];
export const DIAGNOSTIC_VIEW_LABELS: Record<DiagnosticView, string> = {
  synthese: 'Synthèse du diagnostic',
  equipements: 'Équipements',
  consultations: 'Consultations',
};

/** Kinds of entries of the relevé de décisions. */
export const DECISION_KINDS = ['decision', 'question_ouverte'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = { decision: 'Décision', question_ouverte: 'Question ouverte' };

const id = z.string().trim().min(1).max(64);
const optionalId = id.nullable().optional();
const shortText = (max: number) => z.string().trim().max(max);

/** One agenda item as the facilitator writes it; `id` is kept for existing items, generated for new ones. */
export const AgendaItemInputSchema = z
  .object({
    id: id.optional(),
    title: z.string().trim().min(1, 'Chaque point a besoin d’un titre').max(200),
    plannedMinutes: z.number().int('Durée en minutes entières').min(1, 'Au moins une minute').max(600, 'Au plus 10 heures'),
    outcome: z.enum(AGENDA_OUTCOMES),
    documentId: optionalId,
    sectionId: shortText(200).nullable().optional(),
    sectionTitle: shortText(200).nullable().optional(),
    scenarioId: optionalId,
    roundId: optionalId,
    diagnosticView: z.enum(DIAGNOSTIC_VIEWS).nullable().optional(),
    notes: shortText(1000).optional(),
  })
  .strict();
export type AgendaItemInput = z.infer<typeof AgendaItemInputSchema>;

const isoDateTime = z.iso
  .datetime({ offset: true, message: 'Date et heure attendues (ISO 8601)' })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, 'Date hors des limites (années 2000 à 2100)');
const httpsUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      return new URL(v).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Lien de visioconférence attendu en https://');

const seanceFields = {
  title: z.string().trim().min(3, 'Titre trop court (3 caractères au moins)').max(200),
  body: z.enum(SEANCE_BODIES, { error: 'Instance inconnue' }),
  startsAt: isoDateTime,
  location: shortText(300),
  videoUrl: httpsUrl.nullable(),
  invitedCommuneIds: z.array(id).max(100),
  invitedUserIds: z.array(id).max(300),
  agenda: z.array(AgendaItemInputSchema).max(50, 'Au plus 50 points'),
};

/** `POST /api/projects/:projectId/seances`. */
export const CreateSeanceSchema = z
  .object({
    ...seanceFields,
    location: seanceFields.location.default(''),
    videoUrl: seanceFields.videoUrl.default(null),
    invitedCommuneIds: seanceFields.invitedCommuneIds.default([]),
    invitedUserIds: seanceFields.invitedUserIds.default([]),
    agenda: seanceFields.agenda.default([]),
  })
  .strict();
export type CreateSeanceInput = z.input<typeof CreateSeanceSchema>;

/** `PATCH /api/seances/:seanceId`: any subset of the fields. */
export const UpdateSeanceSchema = z.object(seanceFields).partial().strict();
export type UpdateSeanceInput = z.infer<typeof UpdateSeanceSchema>;

/** `POST /api/seances/:seanceId/commands`: the facilitator steers (`next` goes to the item after the current one). */
export const SeanceCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['start', 'pause', 'resume', 'end', 'next']) }).strict(),
  z.object({ type: z.literal('goto'), itemId: id }).strict(),
]);
export type SeanceCommandInput = z.infer<typeof SeanceCommandSchema>;

/** `PUT /api/seances/:seanceId/follow`: what « Suivre l'animatrice » shows (null document: nothing to follow). */
export const FollowSchema = z
  .object({ documentId: id.nullable(), sectionId: shortText(200).nullable().optional(), sectionTitle: shortText(200).nullable().optional() })
  .strict();
export type FollowInput = z.infer<typeof FollowSchema>;

/** `POST /api/seances/:seanceId/locks`: one document of the séance, or all of them when `documentId` is absent. */
export const LockSchema = z.object({ documentId: id.optional(), locked: z.boolean() }).strict();

/** `POST /api/seances/:seanceId/speaking`. `personId` defaults to the caller (raise, lower). */
export const SpeakingSchema = z
  .object({ type: z.enum(['raise', 'lower', 'give_floor', 'end_turn']), personId: id.optional() })
  .strict();
export type SpeakingInput = z.infer<typeof SpeakingSchema>;

/** `POST /api/seances/:seanceId/check-ins`: oneself, or someone in the room (facilitator). */
export const CheckInSchema = z.object({ personId: id.optional() }).strict();

/** `POST /api/seances/:seanceId/polls`. */
export const CreatePollSchema = z
  .object({
    question: z.string().trim().min(1, 'Le sondage a besoin d’une question').max(300),
    kind: z.enum(POLL_KINDS),
    choices: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
    scope: z.enum(['personne', 'commune']),
    itemId: optionalId,
    passage: z.object({ documentId: id, quote: z.string().trim().min(1).max(1000) }).strict().nullable().optional(),
  })
  .strict();
export type CreatePollInput = z.infer<typeof CreatePollSchema>;

/** `POST /api/seances/:seanceId/polls/:pollId/votes`. */
export const VoteSchema = z.object({ value: z.union([z.string().trim().min(1).max(100), z.number().int().min(1).max(5)]) }).strict();

/** `POST /api/seances/:seanceId/decisions`: links are ids (agenda item, poll, amendment, arbitration). */
export const CreateDecisionSchema = z
  .object({
    kind: z.enum(DECISION_KINDS),
    text: z.string().trim().min(1, 'Rédigez la décision').max(2000),
    itemId: optionalId,
    pollId: optionalId,
    amendmentId: optionalId,
    arbitrationId: optionalId,
  })
  .strict();
export type CreateDecisionInput = z.infer<typeof CreateDecisionSchema>;

/** Formats of the agenda and summary exports. */
export const SEANCE_EXPORT_FORMATS = ['docx', 'pdf'] as const;

// ——— Responses

/** An agenda item as stored and served. */
export type AgendaItemDto = {
  id: string;
  title: string;
  plannedMinutes: number;
  outcome: AgendaOutcome;
  documentId: string | null;
  sectionId: string | null;
  sectionTitle: string | null;
  scenarioId: string | null;
  roundId: string | null;
  diagnosticView: DiagnosticView | null;
  notes: string;
};

/** A séance in the list. */
export type SeanceListItemDto = {
  id: string;
  projectId: string;
  title: string;
  body: SeanceBody;
  startsAt: string;
  location: string;
  videoUrl: string | null;
  status: SeanceStatus;
  plannedMinutes: number;
  itemCount: number;
};

/** What « Suivre l'animatrice » points at. */
export type FollowTarget = { itemId: string | null; documentId: string; sectionId: string | null; sectionTitle: string | null; at: string };

/** A poll with its live (or recorded) results; per-commune polls show each commune's ballot. */
export type PollDto = {
  id: string;
  itemId: string | null;
  question: string;
  kind: PollKind;
  choices: string[];
  scope: PollScope;
  status: 'ouvert' | 'clos';
  passage: { documentId: string; quote: string } | null;
  createdAt: string;
  closedAt: string | null;
  results: PollResults;
  /** People who voted (ids), so that screens show who still has to; values of per-person polls stay private. */
  voterIds: string[];
  communeBallots: { communeId: string; value: string | number; voterId: string }[];
};

/** An entry of the relevé de décisions. */
export type DecisionDto = {
  id: string;
  kind: DecisionKind;
  text: string;
  itemId: string | null;
  pollId: string | null;
  amendmentId: string | null;
  arbitrationId: string | null;
  createdAt: string;
  createdBy: string;
};

/** A document of the séance (compte rendu, documents of the agenda) and its lock. */
export type SeanceDocumentDto = { id: string; title: string; kind: DocumentKind; locked: boolean; archived: boolean };

/** The public live state of a séance, as published in `seance.state` and returned by `GET /api/seances/:id`. */
export type SeanceStateDto = {
  id: string;
  projectId: string;
  title: string;
  body: SeanceBody;
  startsAt: string;
  location: string;
  videoUrl: string | null;
  invitedCommuneIds: string[];
  invitedUserIds: string[];
  agenda: AgendaItemDto[];
  compteRenduId: string | null;
  revision: number;
  /** Server time when the state was computed: clients correct their clock skew with it. */
  serverNow: string;
  status: SeanceStatus;
  startedAt: string | null;
  endedAt: string | null;
  currentItemId: string | null;
  clock: { items: ItemClock[]; totalPlannedMs: number; totalElapsedMs: number };
  follow: FollowTarget | null;
  documents: SeanceDocumentDto[];
  speaking: { queue: QueueEntry[]; speaker: Turn | null; byPerson: Record<string, number>; byCommune: Record<string, number> };
  polls: PollDto[];
  attendance: Attendance & { rule: QuorumRule; ruleText: string; quorumCommuneIds: string[] };
  decisions: DecisionDto[];
  /** Names of everyone the state mentions. */
  people: Record<string, { name: string; role: Role; communeId: string | null }>;
  communes: Record<string, string>;
};

/** `GET /api/seances/:id`: the public state plus what concerns the caller. */
export type SeanceViewDto = SeanceStateDto & { myVotes: Record<string, string | number> };

/** `GET /api/seances/:id/summary`: the record of a séance. */
export type SeanceSummaryDto = {
  seance: Pick<SeanceStateDto, 'id' | 'projectId' | 'title' | 'body' | 'startsAt' | 'location' | 'status' | 'startedAt' | 'endedAt' | 'compteRenduId'>;
  agenda: { id: string; title: string; outcome: AgendaOutcome; plannedMinutes: number; spentMinutes: number }[];
  attendance: { communeId: string | null; communeName: string; people: { id: string; name: string; role: Role; source: 'connexion' | 'pointage' | 'les_deux' }[] }[];
  quorum: { required: number; reached: boolean; represented: number } | null;
  decisions: (DecisionDto & { itemTitle: string | null })[];
  openQuestions: (DecisionDto & { itemTitle: string | null })[];
  polls: PollDto[];
  speakingByCommune: { communeId: string | null; communeName: string; minutes: number }[];
  speakingByPerson: { personId: string; name: string; minutes: number }[];
  /** Amendments accepted while the séance ran (from the comments feature). */
  amendments: AmendmentDecisionSummary[];
};
