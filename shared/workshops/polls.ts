/**
 * Quick polls (*sondages rapides*) of a séance.
 *
 * Rules:
 * - Kinds: pour/contre/abstention, a 1–5 scale, or a list of choices (at least two distinct).
 * - Each poll says whether it counts one vote per person or one per commune. Per commune, any élu·e communal·e of
 *   the commune casts or changes the commune's single vote (the latest wins: the commune's élus agree in the room and
 *   one of them records it); technicians do not vote for their commune and voters without a commune are refused
 *   (`checkVoter`).
 * - A vote may be changed while the poll is open; a closed poll is a record and refuses any change.
 * - Only the facilitator creates and closes polls.
 */
import { NOT_FACILITATOR, refuse, type Verdict } from './verdict.js';
import type { Role } from '../auth/roles.js';

/** Kinds of quick polls. */
export const POLL_KINDS = ['pour_contre', 'echelle', 'choix'] as const;
/** One of `POLL_KINDS`. */
export type PollKind = (typeof POLL_KINDS)[number];
/** Whether a poll counts one vote per person or one per commune. */
export type PollScope = 'personne' | 'commune';

/** Options of a pour/contre/abstention poll. */
export const POUR_CONTRE = ['pour', 'contre', 'abstention'] as const;
/** Options of a 1–5 scale poll. */
export const SCALE = [1, 2, 3, 4, 5] as const;

/** A ballot; `communeId` comes from the voter's profile, never from the request body. */
export type PollVote = { voterId: string; communeId: string | null; value: string | number; at: string };

/** A poll with its ballots, as stored. */
export type Poll = {
  id: string;
  question: string;
  kind: PollKind;
  /** Options of a `choix` poll; ignored otherwise. */
  choices: readonly string[];
  scope: PollScope;
  status: 'ouvert' | 'clos';
  votes: readonly PollVote[];
  closedAt: string | null;
};

/** Refusal codes of polls (`poll_closed` → 409, `not_facilitator`/`not_allowed` → 403). */
export type PollRefusalCode =
  | 'not_facilitator'
  | 'invalid_poll'
  | 'poll_closed'
  | 'invalid_value'
  | 'commune_required'
  | 'not_allowed';

const CLOSED = 'Le sondage est clos : ses résultats sont enregistrés et ne changent plus.';

/** Creates an open poll after checking the question and, for a choice list, its options. */
export function createPoll(
  input: { id: string; question: string; kind: PollKind; choices?: readonly string[]; scope: PollScope },
  isFacilitator: boolean,
): Verdict<{ poll: Poll }, PollRefusalCode> {
  if (!isFacilitator) return refuse('not_facilitator', NOT_FACILITATOR);
  if (input.question.trim() === '') return refuse('invalid_poll', 'Le sondage a besoin d’une question.');
  const choices = input.kind === 'choix' ? [...new Set((input.choices ?? []).map((c) => c.trim()).filter((c) => c !== ''))] : [];
  if (input.kind === 'choix' && choices.length < 2) return refuse('invalid_poll', 'Une liste de choix demande au moins deux options distinctes.');
  return {
    ok: true,
    poll: { id: input.id, question: input.question.trim(), kind: input.kind, choices, scope: input.scope, status: 'ouvert', votes: [], closedAt: null },
  };
}

/** The options of a poll, in display order. */
export function pollOptions(poll: Poll): (string | number)[] {
  if (poll.kind === 'pour_contre') return [...POUR_CONTRE];
  if (poll.kind === 'echelle') return [...SCALE];
  return [...poll.choices];
}

/** The key a vote is counted under: the person, or their commune for per-commune polls (the server stores it). */
export function ballotKey(poll: Pick<Poll, 'scope'>, v: { voterId: string; communeId: string | null }): string {
  return poll.scope === 'commune' ? `commune:${v.communeId}` : `personne:${v.voterId}`;
}

/** Casts or changes a vote; `mayVote` comes from the abilities (e.g. observers may not vote). */
export function castVote(
  poll: Poll,
  vote: PollVote,
  mayVote: boolean,
): Verdict<{ poll: Poll }, PollRefusalCode> {
  if (poll.status === 'clos') return refuse('poll_closed', CLOSED);
  if (!mayVote) return refuse('not_allowed', 'Vous ne pouvez pas voter à ce sondage.');
  if (!pollOptions(poll).includes(vote.value)) return refuse('invalid_value', 'Cette réponse ne fait pas partie des options du sondage.');
  if (poll.scope === 'commune' && !vote.communeId) {
    return refuse('commune_required', 'Ce sondage compte une voix par commune : il faut voter au nom d’une commune.');
  }
  const key = ballotKey(poll, vote);
  // Replacing rather than appending keeps exactly one ballot per key: that is the "change of vote".
  const votes = [...poll.votes.filter((v) => ballotKey(poll, v) !== key), vote];
  return { ok: true, poll: { ...poll, votes } };
}

/** Closes the poll; its votes are then final. */
export function closePoll(poll: Poll, isFacilitator: boolean, now: string): Verdict<{ poll: Poll }, PollRefusalCode> {
  if (!isFacilitator) return refuse('not_facilitator', NOT_FACILITATOR);
  if (poll.status === 'clos') return refuse('poll_closed', CLOSED);
  return { ok: true, poll: { ...poll, status: 'clos', closedAt: now } };
}

/** Live or recorded results of a poll. */
export type PollResults = {
  /** Counts in option order, zeros included so charts keep a stable shape. */
  counts: { option: string | number; count: number }[];
  ballots: number;
  /** Mean of a 1–5 scale (null otherwise or without votes), rounded to two decimals. */
  mean: number | null;
  final: boolean;
};

/** Live results (or the recorded ones once closed). */
export function pollResults(poll: Poll): PollResults {
  // Defensive: count one ballot per key even if stored votes came from an older rule.
  const latest = new Map<string, PollVote>();
  for (const v of poll.votes) latest.set(ballotKey(poll, v), v);
  const ballots = [...latest.values()];
  const counts = pollOptions(poll).map((option) => ({ option, count: ballots.filter((b) => b.value === option).length }));
  const mean =
    poll.kind === 'echelle' && ballots.length > 0
      ? Math.round((ballots.reduce((s, b) => s + Number(b.value), 0) / ballots.length) * 100) / 100
      : null;
  return { counts, ballots: ballots.length, mean, final: poll.status === 'clos' };
}

/** French labels of the poll scopes, with the rule the UI explains next to the choice. */
export const POLL_SCOPE_LABELS: Record<PollScope, { label: string; rule: string }> = {
  personne: { label: 'Une voix par personne', rule: 'Chaque participant·e vote ; un nouveau vote remplace le précédent.' },
  commune: {
    label: 'Une voix par commune',
    rule: 'Seul·e·s les élu·e·s communaux·ales votent, au nom de leur commune ; le dernier vote d’un·e élu·e de la commune remplace le précédent.',
  },
};

/** French labels of the poll kinds. */
export const POLL_KIND_LABELS: Record<PollKind, string> = {
  pour_contre: 'Pour / contre / abstention',
  echelle: 'Échelle de 1 à 5',
  choix: 'Liste de choix',
};

/**
 * Who may vote in a poll of `scope`: `participates` is the `workshop.participate` ability (observers do not vote);
 * per commune, only an élu·e communal·e votes, for the commune of their profile.
 */
export function checkVoter(
  scope: PollScope,
  voter: { role: Role; communeId: string | null },
  participates: boolean,
): Verdict<object, 'not_allowed' | 'commune_required'> {
  if (!participates) return refuse('not_allowed', 'Vous ne pouvez pas voter à ce sondage.');
  if (scope === 'personne') return { ok: true };
  if (!voter.communeId) return refuse('commune_required', 'Ce sondage compte une voix par commune : il faut voter au nom d’une commune.');
  if (voter.role !== 'elu_communal') {
    return refuse('not_allowed', 'Ce sondage compte une voix par commune : seul·e·s les élu·e·s communaux·ales votent pour leur commune.');
  }
  return { ok: true };
}
