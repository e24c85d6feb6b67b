/**
 * The state machine of a round (*tour de table*), pure and table-tested.
 *
 * Rules:
 * - brouillon → ouvert → clos; nothing goes back (a closed round is a record: reopening would change what
 *   communes answered on). Only the facilitator (input flag `actorMayControl`) moves a round.
 * - Opening freezes what is debated: the caller must pass the ids of the named versions / scenario snapshots it just
 *   froze (`frozenVersionIds`); a round without them is refused, so no commune ever answers on a moving text.
 * - Positions and comments are accepted only while the round is effectively open: status `ouvert`,
 *   `opensAt <= now < closesAt`. Past `closesAt` the round counts as closed even before the server flips the status,
 *   so a late write can never slip in between the deadline and the closing job.
 */
import { refuse, toMs, type Verdict } from './verdict.js';

/** Statuses of a round, in order. */
export const ROUND_STATUSES = ['brouillon', 'ouvert', 'clos'] as const;
/** One of `ROUND_STATUSES`. */
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** French labels of round statuses. */
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  brouillon: 'Brouillon',
  ouvert: 'Ouvert',
  clos: 'Clos',
};

/** What the rules need to know about a round. Date-times are ISO 8601 strings (UTC), as stored in SQLite. */
export type Round = {
  id: string;
  status: RoundStatus;
  /** Planned opening; writes before it are refused with `round_not_open`. */
  opensAt: string;
  /** Deadline; writes at or after it are refused with `round_closed`. */
  closesAt: string;
  invitedCommuneIds: readonly string[];
  /** Named document versions and scenario snapshots frozen at opening (empty while brouillon). */
  frozenVersionIds: readonly string[];
  /** Actual opening / closing moments, set by the transitions. */
  openedAt?: string | null;
  closedAt?: string | null;
};

/** Refusal codes of the round machine (`round_closed` → 409, `not_allowed` → 403). */
export type RoundRefusalCode =
  | 'not_allowed'
  | 'invalid_transition'
  | 'round_closed'
  | 'round_not_open'
  | 'nothing_frozen'
  | 'no_invited_commune'
  | 'invalid_dates';

/** Refusal message for any write after closing; exported so the API answers 409 with exactly this text. */
export const ROUND_CLOSED_MESSAGE =
  'Le tour de table est clos : les positions et commentaires sont figés, aucune modification n’est plus possible.';

/** Opens a draft round, freezing the given versions. Returns the opened round or a refusal. */
export function openRound(
  round: Round,
  req: { actorMayControl: boolean; frozenVersionIds: readonly string[]; now: string },
): Verdict<{ round: Round }, RoundRefusalCode> {
  if (!req.actorMayControl) return refuse('not_allowed', "Seul·e l'animateur·rice peut ouvrir le tour de table.");
  if (round.status === 'clos') return refuse('round_closed', ROUND_CLOSED_MESSAGE);
  if (round.status !== 'brouillon') return refuse('invalid_transition', 'Le tour de table est déjà ouvert.');
  if (round.invitedCommuneIds.length === 0) {
    return refuse('no_invited_commune', 'Invitez au moins une commune avant d’ouvrir le tour de table.');
  }
  if (toMs(round.closesAt) <= toMs(round.opensAt) || toMs(round.closesAt) <= toMs(req.now)) {
    return refuse('invalid_dates', 'La date de clôture doit suivre la date d’ouverture et ne pas être déjà passée.');
  }
  const frozen = [...new Set(req.frozenVersionIds.filter((id) => id.trim() !== ''))];
  if (frozen.length === 0) {
    return refuse('nothing_frozen', 'L’ouverture fige les textes débattus : au moins une version ou un instantané est requis.');
  }
  return { ok: true, round: { ...round, status: 'ouvert', frozenVersionIds: frozen, openedAt: req.now } };
}

/** Closes an open round (early, or by the closing job at the deadline). */
export function closeRound(
  round: Round,
  req: { actorMayControl: boolean; now: string },
): Verdict<{ round: Round }, RoundRefusalCode> {
  if (!req.actorMayControl) return refuse('not_allowed', "Seul·e l'animateur·rice peut clore le tour de table.");
  if (round.status === 'clos') return refuse('round_closed', ROUND_CLOSED_MESSAGE);
  if (round.status === 'brouillon') return refuse('invalid_transition', 'Un brouillon ne peut pas être clos : ouvrez-le d’abord.');
  // Closing after the deadline records the deadline, not the job's run time: the record says when answers stopped.
  const closedAt = toMs(req.now) > toMs(round.closesAt) ? round.closesAt : req.now;
  return { ok: true, round: { ...round, status: 'clos', closedAt } };
}

/**
 * Pushes back the deadline of an open round (a commune asked for more time, a council meets later). Only later than
 * the current deadline, and never once the round is (effectively) closed: positions frozen at closing stay frozen.
 */
export function extendRound(
  round: Round,
  req: { actorMayControl: boolean; closesAt: string; now: string },
): Verdict<{ round: Round }, RoundRefusalCode> {
  if (!req.actorMayControl) return refuse('not_allowed', "Seul·e l'animateur·rice peut prolonger le tour de table.");
  if (effectiveRoundStatus(round, req.now) === 'clos') return refuse('round_closed', ROUND_CLOSED_MESSAGE);
  if (round.status === 'brouillon') return refuse('invalid_transition', 'Un brouillon se modifie directement : changez sa date de clôture.');
  if (toMs(req.closesAt) <= toMs(round.closesAt)) {
    return refuse('invalid_dates', 'La nouvelle date de clôture doit être postérieure à l’actuelle.');
  }
  return { ok: true, round: { ...round, closesAt: req.closesAt } };
}

/** Status as users see it at `now`: an open round past its deadline is already closed. */
export function effectiveRoundStatus(round: Round, now: string): RoundStatus {
  if (round.status === 'ouvert' && toMs(now) >= toMs(round.closesAt)) return 'clos';
  return round.status;
}

/** Moment writes stopped (or will stop): the manual closing if earlier, otherwise the deadline. */
export function roundEndMs(round: Round): number {
  const deadline = toMs(round.closesAt);
  return round.status === 'clos' && round.closedAt ? Math.min(deadline, toMs(round.closedAt)) : deadline;
}

/** Moment answers became possible: the later of the planned opening and the actual opening. */
export function roundStartMs(round: Round): number {
  const planned = toMs(round.opensAt);
  return round.openedAt ? Math.max(planned, toMs(round.openedAt)) : planned;
}

/** Whether a position or comment may be written now; `round_closed` carries the message the API returns with 409. */
export function checkRoundWritable(round: Round, now: string): Verdict<object, 'round_closed' | 'round_not_open'> {
  if (effectiveRoundStatus(round, now) === 'clos') return refuse('round_closed', ROUND_CLOSED_MESSAGE);
  if (round.status === 'brouillon' || toMs(now) < toMs(round.opensAt)) {
    return refuse('round_not_open', 'Le tour de table n’est pas encore ouvert.');
  }
  return { ok: true };
}
