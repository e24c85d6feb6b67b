/** Rounds (*tours de table*): request schemas and response shapes of the API, shared by server and client. */
import { z } from 'zod';
import type { UserRefDto } from '../documents/kinds.js';
import type { ParticipationState } from '../projects/participation.js';
import { ACTION_IMPACTS, POSITION_KINDS, type ActionImpact, type PositionKind } from './positions.js';
import type { BoardStatus } from './reminders.js';
import type { RoundStatus } from './round.js';
import type { Synthesis } from './synthesis.js';

export const ROUND_TITLE_MAX = 200;
export const ROUND_QUESTION_MAX = 2000;
export const ROUND_MAX_SCOPE = 20;
export const ROUND_MAX_COMMUNES = 100;
export const POSITION_TEXT_MAX = 4000;
export const POSITION_MAX_CONDITIONS = 20;

const id = z.string().min(1).max(64);
const ids = (max: number, what: string) =>
  z
    .array(id)
    .max(max, `${max} ${what} au plus`)
    .refine((a) => new Set(a).size === a.length, { message: `Un même élément est cité deux fois (${what})` });
const dateTime = z.iso.datetime({ offset: true, error: 'Date-heure ISO 8601 attendue (ex. 2026-12-01T09:00:00Z)' });

const roundFields = {
  title: z
    .string()
    .trim()
    .min(3, 'Titre trop court (3 caractères au moins)')
    .max(ROUND_TITLE_MAX, `Titre trop long (${ROUND_TITLE_MAX} caractères au plus)`),
  question: z
    .string()
    .trim()
    .min(3, 'Question trop courte (3 caractères au moins)')
    .max(ROUND_QUESTION_MAX, `Question trop longue (${ROUND_QUESTION_MAX} caractères au plus)`),
  documentIds: ids(ROUND_MAX_SCOPE, 'documents'),
  scenarioIds: ids(ROUND_MAX_SCOPE, 'scénarios'),
  invitedCommuneIds: ids(ROUND_MAX_COMMUNES, 'communes').refine((a) => a.length > 0, { message: 'Invitez au moins une commune' }),
  opensAt: dateTime,
  closesAt: dateTime,
  partnersMayComment: z.boolean(),
};

/** `POST /api/projects/:projectId/rounds`: a draft round (opened by `POST /api/rounds/:roundId/open`). */
export const CreateRoundSchema = z
  .object({ ...roundFields, documentIds: roundFields.documentIds.default([]), scenarioIds: roundFields.scenarioIds.default([]), partnersMayComment: roundFields.partnersMayComment.default(false) })
  .strict();
/** `PATCH /api/rounds/:roundId` (drafts only). */
export const UpdateRoundSchema = z
  .object(Object.fromEntries(Object.entries(roundFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof roundFields]: z.ZodOptional<(typeof roundFields)[K]> })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Indiquez au moins un champ à modifier' });

/** `POST /api/rounds/:roundId/extend`: a later deadline for an open round, and why (shown to the communes). */
export const ExtendRoundSchema = z
  .object({
    closesAt: dateTime,
    reason: z.string().trim().min(3, 'Indiquez la raison du délai (3 caractères au moins)').max(1000, 'Raison trop longue (1 000 caractères au plus)'),
  })
  .strict();

/** `PUT /api/rounds/:roundId/positions/:communeId`. */
export const PositionSchema = z
  .object({
    kind: z.enum(POSITION_KINDS, { error: 'Position inconnue : favorable, favorable_avec_reserves, defavorable ou abstention' }),
    motivation: z.string().max(POSITION_TEXT_MAX, `Motivation trop longue (${POSITION_TEXT_MAX} caractères au plus)`).nullable().default(null),
    conditions: z
      .array(z.string().max(1000, 'Condition trop longue (1 000 caractères au plus)'))
      .max(POSITION_MAX_CONDITIONS, `${POSITION_MAX_CONDITIONS} conditions au plus`)
      .default([]),
    actionImpacts: z
      .array(z.object({ actionId: id, impact: z.enum(ACTION_IMPACTS, { error: 'Impact inconnu : renforce, neutre ou affaiblit' }) }).strict())
      .max(200)
      .default([]),
  })
  .strict();

export type CreateRoundInput = z.input<typeof CreateRoundSchema>;
export type UpdateRoundInput = z.input<typeof UpdateRoundSchema>;
export type PositionBody = z.input<typeof PositionSchema>;
export type ExtendRoundInput = z.input<typeof ExtendRoundSchema>;

/** A version frozen at opening. */
export type FrozenVersionDto = { documentId: string; versionId: string; title: string; label: string };

/** A round as listed. `effectiveStatus` is what users see now (an open round past its deadline is closed). */
export type RoundSummaryDto = {
  id: string;
  projectId: string;
  title: string;
  question: string;
  status: RoundStatus;
  effectiveStatus: RoundStatus;
  opensAt: string;
  closesAt: string;
  openedAt: string | null;
  closedAt: string | null;
  partnersMayComment: boolean;
  invitedCount: number;
  answeredCount: number;
  synthesisDocumentId: string | null;
  /** Scope, so that a document or scenario page can find the open round it belongs to (and attach comments to it). */
  documentIds: string[];
  scenarioIds: string[];
};

/** A commune invited to a round. */
export type InvitedCommuneDto = { id: string; name: string; member: boolean; participation: ParticipationState | null };

/** A recorded position, with the programme actions' titles resolved. */
export type PositionDto = {
  communeId: string;
  communeName: string;
  kind: PositionKind;
  motivation: string | null;
  conditions: string[];
  actionImpacts: { actionId: string; title: string; impact: ActionImpact }[];
  author: UserRefDto;
  recordedAt: string;
};

/** One row of the tracking board. */
export type BoardRowDto = { communeId: string; communeName: string; status: BoardStatus; kind: PositionKind | null; answeredAt: string | null };

/** `GET /api/rounds/:roundId`. */
export type RoundDetailDto = RoundSummaryDto & {
  /** Documents in scope, with their current title. */
  documents: { id: string; title: string; kind: string }[];
  frozenVersions: FrozenVersionDto[];
  /** Scenario figures at opening (shape owned by the scenarios feature), null without scenarios. */
  scenarioSnapshot: unknown;
  invitedCommunes: InvitedCommuneDto[];
  positions: PositionDto[];
  board: { rows: BoardRowDto[]; counts: Record<BoardStatus, number> };
  createdBy: UserRefDto;
  /** What the signed-in user may do here (the server decides; the client only hides controls). */
  me: { canManage: boolean; positionCommuneId: string | null; canComment: boolean };
};

/** `POST /api/rounds/:roundId/reminders`: the communes reminded now and how many people were notified. */
export type RemindNowDto = { communeIds: string[]; notified: number };

/** `GET /api/rounds/:roundId/synthesis`: the synthesis data (also rendered into the `synthese` document). */
export type SynthesisDto = Synthesis & { roundId: string; synthesisDocumentId: string | null };
