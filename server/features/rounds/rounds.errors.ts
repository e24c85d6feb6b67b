/** HTTP errors of the rounds feature: the pure rules' refusals mapped to statuses, with their French messages. */
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Refusal } from '../../../shared/rounds/verdict.js';

/** Refusals that describe the round's state (→ 409), as opposed to the request (→ 400) or the actor (→ 403). */
const CONFLICTS = new Set(['round_closed', 'round_not_open', 'invalid_transition', 'nothing_frozen', 'no_invited_commune', 'invalid_dates']);
const FORBIDDEN = new Set(['not_allowed', 'not_invited', 'not_commune_elu']);

/** The AppError for a refusal of `shared/rounds` (codes kept as they are: clients and tests rely on them). */
export function refusalError(refusal: Refusal<string>): AppError {
  if (CONFLICTS.has(refusal.code)) return conflict(refusal.message, undefined, refusal.code);
  if (FORBIDDEN.has(refusal.code)) return forbidden(refusal.message, refusal.code);
  return badRequest(refusal.message, undefined, refusal.code);
}

export const roundNotFound = () => notFound('Tour de table introuvable.', 'round_not_found');
export const notDraft = () => conflict('Seul un tour de table en brouillon peut être modifié ou supprimé : celui-ci est déjà ouvert ou clos.', undefined, 'round_not_draft');
