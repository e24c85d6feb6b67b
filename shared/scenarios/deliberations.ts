/**
 * Deliberation of one council (a commune's conseil municipal, the conseil communautaire, another party) on a
 * convention: a small state machine, and the validation of the recorded votes.
 *
 * Rules:
 * - Moves follow `DELIBERATION_MOVES`; anything else is refused with a French explanation (`REFUSALS`).
 * - A vote is decided by the absolute majority of the votes cast (suffrages exprimés): abstentions do not count;
 *   on a tie the president's casting vote decides when the vote was public, otherwise the motion is rejected
 *   (`VOTE_RULE`, art. L2121-20 du CGCT, applicable to EPCI councils by art. L5211-1).
 * - A recorded result (favorable / défavorable) must agree with the votes when they are given.
 * - Going back to « prévue » (a new deliberation) needs a reason; a signed convention is left only by résiliation
 *   or avenant, not here.
 */
import { citeRefs, type LegalRef } from './types.js';

/** States of one council's deliberation on the convention. */
export const DELIBERATION_STATES = ['prevue', 'ajournee', 'favorable', 'defavorable', 'signataire', 'retiree'] as const;
/** State of one council's deliberation. */
export type DeliberationState = (typeof DELIBERATION_STATES)[number];

/** French labels of the states. */
export const DELIBERATION_STATE_LABELS: Record<DeliberationState, string> = {
  prevue: 'Délibération prévue',
  ajournee: 'Ajournée',
  favorable: 'Favorable',
  defavorable: 'Défavorable',
  signataire: 'Signataire',
  retiree: 'Retirée de la démarche',
};

/** Allowed moves: from → the states it may go to. */
export const DELIBERATION_MOVES: Record<DeliberationState, readonly DeliberationState[]> = {
  prevue: ['favorable', 'defavorable', 'ajournee', 'retiree'],
  ajournee: ['prevue', 'favorable', 'defavorable', 'retiree'],
  favorable: ['signataire', 'prevue', 'retiree'],
  defavorable: ['prevue', 'retiree'],
  signataire: [],
  retiree: ['prevue'],
};

/** Moves back to a new deliberation: they must be motivated. */
const NEEDS_REASON: readonly string[] = ['favorable>prevue', 'defavorable>prevue', 'retiree>prevue'];

/** Why a move is refused, for the moves people most often try. */
const REFUSALS: Record<string, string> = {
  'prevue>signataire': "On ne signe la convention qu'après une délibération favorable du conseil.",
  'ajournee>signataire': "On ne signe la convention qu'après une délibération favorable du conseil.",
  'defavorable>favorable': 'Un vote défavorable ne se corrige pas : inscrivez une nouvelle délibération (prévue) puis enregistrez son résultat.',
  'favorable>defavorable': 'Un vote favorable ne se corrige pas : inscrivez une nouvelle délibération (prévue) puis enregistrez son résultat.',
  'defavorable>signataire': 'Un conseil qui a voté contre ne peut pas signer la convention.',
};
const SIGNED_REFUSAL = 'La convention est signée : une sortie passe par une résiliation ou un avenant, pas par un changement de délibération.';

/** How a council vote is decided (art. L2121-20 du CGCT), as data. */
export const VOTE_RULE = {
  basis: [{ code: 'CGCT', article: 'L2121-20' }, { code: 'CGCT', article: 'L5211-1' }] as readonly LegalRef[],
  /** Abstentions are not votes cast. */
  abstentionsCount: false,
  /** On a tie, the president's vote decides (public vote only). */
  castingVoteOnTie: true,
};

/** The votes recorded in the deliberation. */
export type Votes = {
  pour: number;
  contre: number;
  abstention: number;
  /** Members in office (membres en exercice), to catch impossible totals; optional. */
  membresEnExercice?: number | null;
  /** On a tie: true when the president voted for (public vote), false/absent otherwise. */
  voixPreponderantePour?: boolean;
};

/** The result derived from the votes, or why the counts are impossible. */
export type VoteVerdict = { ok: true; result: 'favorable' | 'defavorable' } | { ok: false; code: 'votes_invalid' | 'votes_exceed_members'; message: string };

/** Checks the counts and derives the result of a vote. */
export function validateVotes(v: Votes): VoteVerdict {
  const counts = [v.pour, v.contre, v.abstention];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) {
    return { ok: false, code: 'votes_invalid', message: 'Les nombres de voix pour, contre et abstentions sont des entiers positifs ou nuls.' };
  }
  const members = v.membresEnExercice ?? null;
  if (members !== null && v.pour + v.contre + v.abstention > members) {
    return { ok: false, code: 'votes_exceed_members', message: `${v.pour + v.contre + v.abstention} votes pour ${members} membres en exercice : le total est impossible.` };
  }
  if (v.pour > v.contre) return { ok: true, result: 'favorable' };
  if (v.pour === v.contre && v.pour > 0 && VOTE_RULE.castingVoteOnTie && v.voixPreponderantePour) return { ok: true, result: 'favorable' };
  return { ok: true, result: 'defavorable' };
}

/** A requested change of state, with what recording a result needs. */
export type DeliberationMove = {
  from: DeliberationState;
  to: DeliberationState;
  /** ISO date of the council meeting, required when recording a result. */
  date?: string | null;
  votes?: Votes | null;
  reason?: string | null;
};

/** Accepted, or refused with a code and a French message. */
export type MoveVerdict =
  | { ok: true }
  | { ok: false; code: 'same_state' | 'not_allowed' | 'date_required' | 'reason_required' | 'votes_invalid' | 'votes_exceed_members' | 'votes_contradict_result'; message: string };

/** Decides whether a council's deliberation may move from one state to another, with a French refusal. */
export function checkDeliberationMove(m: DeliberationMove): MoveVerdict {
  if (m.from === m.to) return { ok: false, code: 'same_state', message: `La délibération est déjà à l'état « ${DELIBERATION_STATE_LABELS[m.to]} ».` };
  const key = `${m.from}>${m.to}`;
  if (!DELIBERATION_MOVES[m.from].includes(m.to)) {
    const message = m.from === 'signataire' ? SIGNED_REFUSAL : REFUSALS[key] ?? `Passage impossible de « ${DELIBERATION_STATE_LABELS[m.from]} » à « ${DELIBERATION_STATE_LABELS[m.to]} ».`;
    return { ok: false, code: 'not_allowed', message };
  }
  if (NEEDS_REASON.includes(key) && (!m.reason || m.reason.trim().length < 3)) {
    return { ok: false, code: 'reason_required', message: 'Une nouvelle délibération doit être motivée (raison obligatoire).' };
  }
  if (m.to === 'favorable' || m.to === 'defavorable') {
    if (!m.date || !/^\d{4}-\d{2}-\d{2}$/.test(m.date)) return { ok: false, code: 'date_required', message: 'Indiquez la date de la séance du conseil.' };
    if (m.votes) {
      const v = validateVotes(m.votes);
      if (!v.ok) return v;
      if (v.result !== m.to) {
        return {
          ok: false,
          code: 'votes_contradict_result',
          message: `Les voix (${m.votes.pour} pour, ${m.votes.contre} contre, ${m.votes.abstention} abstentions) donnent un résultat ${v.result === 'favorable' ? 'favorable' : 'défavorable'} : la majorité des suffrages exprimés décide, les abstentions ne comptent pas (${citeRefs(VOTE_RULE.basis)}).`,
        };
      }
    }
  }
  return { ok: true };
}

/** A deliberation counts as « for » once favourable or signed. */
export function isFavourable(state: DeliberationState): boolean {
  return state === 'favorable' || state === 'signataire';
}
