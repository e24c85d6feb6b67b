/**
 * Comments and amendments: types of comment with their French labels, anchors (what a thread is about), the input
 * schemas of the API and the DTOs it returns (`CommentView` = one thread with its messages and amendment).
 */
import { z } from 'zod';
import type { Role } from '../auth/roles.js';
import { SECTIONS, type SectionKey } from '../diagnostic/sections.js';
import type { AmendmentStance, AmendmentStatus, AmendmentTally } from '../rounds/amendments.js';

/** The six types of comment of issue #6. */
export const COMMENT_TYPES = ['question', 'objection', 'soutien', 'correction_donnee', 'proposition_amendement', 'information'] as const;
/** One of `COMMENT_TYPES`. */
export type CommentType = (typeof COMMENT_TYPES)[number];

/** French labels of comment types (filters, badges, type chooser). */
export const COMMENT_TYPE_LABELS: Record<CommentType, string> = {
  question: 'Question',
  objection: 'Objection',
  soutien: 'Soutien',
  correction_donnee: 'Correction de donnée',
  proposition_amendement: "Proposition d'amendement",
  information: 'Information',
};

/** A thread is open until someone resolves it; it can be reopened. */
export const COMMENT_STATUSES = ['open', 'resolved'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = { open: 'Ouvert', resolved: 'Résolu' };

/** Anchor kinds built in; other features may register more on the server (`scenario` is registered by scenarios). */
export const ANCHOR_KINDS = ['text', 'diagnostic', 'scenario'] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

/** Limits of what people write. */
export const COMMENT_BODY_MAX = 5000;
export const AMENDMENT_TEXT_MAX = 5000;
export const MOTIVATION_MAX = 2000;
export const MAX_ANCHORS = 5;
export const MAX_MENTIONS = 20;

const id = z.string().trim().min(1).max(64);
const body = z
  .string({ error: 'Texte attendu.' })
  .trim()
  .min(1, 'Écrivez votre commentaire.')
  .max(COMMENT_BODY_MAX, `${COMMENT_BODY_MAX} caractères au plus.`);

/** The toolkit's text anchor (shared/editor `Anchor`): two encoded relative positions, the quote and its context. */
export const TextAnchorSchema = z
  .object({
    start: z.string().min(1).max(2000),
    end: z.string().min(1).max(2000),
    quote: z.string().min(1, 'Sélectionnez un passage.').max(AMENDMENT_TEXT_MAX),
    prefix: z.string().max(200).optional(),
    suffix: z.string().max(200).optional(),
  })
  .strict();

/** What a comment may be about (input): a text range, a diagnostic record or one of its fields, a scenario. */
export const AnchorInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), documentId: id, anchor: TextAnchorSchema }).strict(),
  z
    .object({
      kind: z.literal('diagnostic'),
      recordType: z.enum(SECTIONS, { error: 'Rubrique du diagnostic inconnue.' }),
      recordId: id,
      field: z.string().trim().min(1).max(64).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('scenario'), scenarioId: id, field: z.string().trim().min(1).max(64).optional() }).strict(),
]);
export type AnchorInput = z.infer<typeof AnchorInputSchema>;
export type TextAnchorInput = Extract<AnchorInput, { kind: 'text' }>;
export type DiagnosticAnchorInput = Extract<AnchorInput, { kind: 'diagnostic' }>;
export type ScenarioAnchorInput = Extract<AnchorInput, { kind: 'scenario' }>;

const mentions = z.array(id).max(MAX_MENTIONS, `${MAX_MENTIONS} mentions au plus.`).optional();

/** `POST /api/projects/:projectId/comments`: opens a thread. An amendment needs a text anchor and `replacementText`. */
export const CreateCommentSchema = z
  .object({
    type: z.enum(COMMENT_TYPES, { error: 'Type de commentaire inconnu.' }),
    body,
    anchors: z.array(AnchorInputSchema).min(1, 'Un commentaire porte sur au moins un élément.').max(MAX_ANCHORS, `${MAX_ANCHORS} éléments au plus.`),
    mentions,
    roundId: id.nullable().optional(),
    /** Only for `proposition_amendement`: the text that would replace the anchored passage (may be empty: deletion). */
    replacementText: z.string().max(AMENDMENT_TEXT_MAX, `${AMENDMENT_TEXT_MAX} caractères au plus.`).optional(),
  })
  .strict();
export type CreateCommentInput = z.infer<typeof CreateCommentSchema>;

/** `POST /api/comments/:threadId/replies`. */
export const ReplySchema = z.object({ body, mentions }).strict();
export type ReplyInput = z.infer<typeof ReplySchema>;

/** `PATCH /api/comments/:threadId/messages/:messageId` (own messages only; the previous text is kept). */
export const EditMessageSchema = z.object({ body, mentions }).strict();
export type EditMessageInput = z.infer<typeof EditMessageSchema>;

/** `POST /api/amendments/:amendmentId/votes`. */
export const VoteSchema = z.object({ stance: z.enum(['soutien', 'opposition'], { error: 'Soutien ou opposition.' }) }).strict();

/** `POST /api/amendments/:amendmentId/reject`: a rejection is motivated. */
export const RejectSchema = z
  .object({ motivation: z.string({ error: 'Motivez le rejet.' }).trim().min(3, 'Motivez le rejet.').max(MOTIVATION_MAX) })
  .strict();

/** `PUT /api/projects/:projectId/amendment-settings`. */
export const AmendmentSettingsSchema = z.object({ editorsDecideAmendments: z.boolean() }).strict();

/** Filters of `GET /api/projects/:projectId/comments` (all optional, combined with AND). */
export type CommentFilters = {
  communeId?: string;
  type?: CommentType;
  status?: CommentStatus;
  authorId?: string;
  documentId?: string;
  sectionId?: string;
  recordType?: SectionKey;
  recordId?: string;
  scenarioId?: string;
  roundId?: string;
};

/** A person as comments show them: name, role and commune (at the time they wrote). */
export type CommentPerson = { id: string; name: string; role: Role; communeId: string | null; communeName: string | null };

/** Someone who can be @mentioned (`GET /api/projects/:projectId/comment-people`). */
export type MentionablePerson = { id: string; name: string; role: Role; communeName: string | null };

/** An anchor as the API returns it. Text anchors are resolved against the current document on read. */
export type CommentAnchorView =
  | {
      kind: 'text';
      documentId: string;
      documentTitle: string;
      anchor: z.infer<typeof TextAnchorSchema>;
      /** The passage as it was quoted when the comment was written (kept when orphaned). */
      quote: string;
      /** The passage today (null when orphaned). */
      currentText: string | null;
      /** True when the commented text was deleted: the quote is all that remains. */
      orphaned: boolean;
      /** True when the passage today differs from the quote. */
      changed: boolean;
      /** Section (heading) holding the passage today, else the one recorded when the comment was written. */
      sectionId: string | null;
      sectionTitle: string | null;
    }
  | {
      kind: 'diagnostic';
      recordType: SectionKey;
      recordId: string;
      field: string | null;
      /** E.g. « Agent — Dupont Marie », « Équipement — Maison des jeunes · Capacité ». */
      label: string;
      communeIds: string[];
      /** The record was deleted since. */
      missing: boolean;
    }
  | { kind: 'scenario'; scenarioId: string; field: string | null; communeIds: string[] };

/** One message of a thread (the first one is the comment itself). */
export type CommentMessageView = {
  id: string;
  author: CommentPerson;
  /** Empty when deleted: the trace says who deleted it and when. */
  body: string;
  mentions: { id: string; name: string }[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Earlier bodies, oldest first (empty unless edited). */
  history: { body: string; editedAt: string }[];
  can: { edit: boolean; delete: boolean };
};

/** The amendment of a `proposition_amendement` thread. */
export type AmendmentView = {
  id: string;
  documentId: string;
  status: AmendmentStatus;
  originalText: string;
  replacementText: string;
  tally: AmendmentTally;
  /** The signed-in user's stance (the author counts as a supporter). */
  myStance: AmendmentStance | null;
  supporters: { id: string; name: string }[];
  opponents: { id: string; name: string }[];
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  /** The text replaced (accept) or left (reject) when decided. */
  decidedOriginalText: string | null;
  newText: string | null;
  motivation: string | null;
  can: { vote: boolean; decide: boolean };
};

/** One thread as the API returns it (`CommentView`). */
export type CommentThreadView = {
  id: string;
  projectId: string;
  type: CommentType;
  status: CommentStatus;
  roundId: string | null;
  author: CommentPerson;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  anchors: CommentAnchorView[];
  messages: CommentMessageView[];
  amendment: AmendmentView | null;
  can: { reply: boolean; resolve: boolean };
};
/** Alias used by other features. */
export type CommentView = CommentThreadView;

/** `GET /api/projects/:projectId/comment-counts`: open threads per document, section, diagnostic record, scenario. */
export type CommentCountsDto = {
  documents: Record<string, number>;
  /** Keyed by section id (the heading's relative position), per document. */
  sections: Record<string, Record<string, number>>;
  /** Keyed by record id; `fields` by `recordId` then field key. */
  records: Record<string, number>;
  fields: Record<string, Record<string, number>>;
  scenarios: Record<string, number>;
};

/** A thread as the rounds synthesis reads it (`listCommentsForRound`). */
export type RoundCommentSummary = {
  id: string;
  type: CommentType;
  typeLabel: string;
  status: CommentStatus;
  body: string;
  createdAt: string;
  author: CommentPerson;
  anchors: {
    kind: string;
    documentId: string | null;
    documentTitle: string | null;
    sectionTitle: string | null;
    quote: string | null;
    recordType: string | null;
    recordId: string | null;
    targetId: string | null;
    field: string | null;
    communeIds: string[];
  }[];
  replyCount: number;
  amendment: { id: string; status: AmendmentStatus; replacementText: string } | null;
};

/** An accepted or rejected amendment (`listAmendmentDecisions`, séance minutes). */
export type AmendmentDecisionSummary = {
  amendmentId: string;
  threadId: string;
  documentId: string;
  documentTitle: string;
  status: 'acceptee' | 'rejetee';
  proposedBy: { id: string; name: string };
  decidedBy: { id: string; name: string };
  decidedAt: string;
  /** The text that was replaced (accept) or left in place (reject). */
  originalText: string;
  /** The replacement text (accepted) or the proposal that was rejected. */
  newText: string;
  motivation: string | null;
};
