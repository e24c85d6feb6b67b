/**
 * Data of a round's synthesis (the `synthese` document, DOCX/PDF/CSV exports), as a pure function of stored inputs.
 * The server renders it; the facilitator then edits the document. Nothing here reads the database or the clock, so the
 * same inputs always give the same synthesis (exports and the document agree).
 */
import { latestPositions, POSITION_KINDS, type ActionImpact, type Position, type PositionKind } from './positions.js';
import type { Round } from './round.js';

/** Types of structured comments (issue 6). */
export const COMMENT_TYPES = [
  'question',
  'objection',
  'soutien',
  'correction_donnee',
  'proposition_amendement',
  'information',
] as const;
/** One of `COMMENT_TYPES`. */
export type CommentType = (typeof COMMENT_TYPES)[number];

/** French labels of comment types. */
export const COMMENT_TYPE_LABELS: Record<CommentType, string> = {
  question: 'Question',
  objection: 'Objection',
  soutien: 'Soutien',
  correction_donnee: 'Correction de donnée',
  proposition_amendement: "Proposition d'amendement",
  information: 'Information',
};

/** What a comment points at: a document section, a diagnostic record (or one field), or a scenario. */
export type CommentTarget = { kind: 'section' | 'record' | 'scenario'; id: string; label: string };

/** A comment made during the round, as the synthesis needs it (root comments of threads). */
export type RoundComment = {
  id: string;
  type: CommentType;
  status: 'open' | 'resolved';
  authorId: string;
  authorCommuneId: string | null;
  body: string;
  targets: readonly CommentTarget[];
  createdAt: string;
};

/** A programme action of a commune, for labels in the impact tally. */
export type ProgrammeAction = { id: string; communeId: string; title: string };

/** Stored facts the synthesis is built from. */
export type SynthesisInput = {
  round: Round;
  positions: readonly Position[];
  comments: readonly RoundComment[];
  actions: readonly ProgrammeAction[];
  /** Commune names by id, for readable rows. */
  communeNames: Readonly<Record<string, string>>;
};

type ImpactCounts = Record<ActionImpact, number>;

/** The synthesis data rendered into the `synthese` document and exports. */
export type Synthesis = {
  positionsByCommune: {
    communeId: string;
    communeName: string;
    kind: PositionKind | null;
    motivation: string | null;
    conditions: string[];
  }[];
  positionCounts: Record<PositionKind | 'sans_position', number>;
  programmeImpact: {
    total: ImpactCounts;
    byCommune: { communeId: string; counts: ImpactCounts }[];
    byAction: { actionId: string; communeId: string; title: string; impact: ActionImpact }[];
  };
  commentsByType: { type: CommentType; comments: RoundComment[] }[];
  commentsByTarget: { target: CommentTarget; comments: RoundComment[] }[];
  openObjections: RoundComment[];
};

const zeroImpacts = (): ImpactCounts => ({ renforce: 0, neutre: 0, affaiblit: 0 });

/** Builds the synthesis: rows follow the invitation order, comments are sorted by creation time. */
export function buildSynthesis(input: SynthesisInput): Synthesis {
  const { round } = input;
  const positions = latestPositions(input.positions.filter((p) => p.roundId === round.id));
  const actionsById = new Map(input.actions.map((a) => [a.id, a]));

  const positionCounts = Object.fromEntries([...POSITION_KINDS, 'sans_position'].map((k) => [k, 0])) as Synthesis['positionCounts'];
  const total = zeroImpacts();
  const byCommune: Synthesis['programmeImpact']['byCommune'] = [];
  const byAction: Synthesis['programmeImpact']['byAction'] = [];

  const positionsByCommune = round.invitedCommuneIds.map((communeId) => {
    const p = positions.get(communeId);
    positionCounts[p ? p.kind : 'sans_position'] += 1;
    if (p) {
      const counts = zeroImpacts();
      for (const { actionId, impact } of p.actionImpacts) {
        counts[impact] += 1;
        total[impact] += 1;
        byAction.push({ actionId, communeId, title: actionsById.get(actionId)?.title ?? actionId, impact });
      }
      byCommune.push({ communeId, counts });
    }
    return {
      communeId,
      communeName: input.communeNames[communeId] ?? communeId,
      kind: p?.kind ?? null,
      motivation: p?.motivation ?? null,
      conditions: p ? [...p.conditions] : [],
    };
  });

  const comments = [...input.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const commentsByType = COMMENT_TYPES.map((type) => ({ type, comments: comments.filter((c) => c.type === type) })).filter(
    (g) => g.comments.length > 0,
  );
  // A comment on several targets (a passage and the budget line it relies on) appears under each of them.
  const targets = new Map<string, { target: CommentTarget; comments: RoundComment[] }>();
  for (const c of comments) {
    for (const t of c.targets) {
      const key = `${t.kind}:${t.id}`;
      const group = targets.get(key) ?? { target: t, comments: [] };
      group.comments.push(c);
      targets.set(key, group);
    }
  }

  return {
    positionsByCommune,
    positionCounts,
    programmeImpact: { total, byCommune, byAction },
    commentsByType,
    commentsByTarget: [...targets.values()],
    openObjections: comments.filter((c) => c.type === 'objection' && c.status === 'open'),
  };
}

