/**
 * HTTP errors of the séance rules: the shared verdicts carry a stable code and a French message; this module picks
 * the status (403 for who may act, 400 for bad input, 409 for a state that forbids the action).
 */
import { AppError, notFound } from '../../lib/errors.js';
import type { Refusal } from '../../../shared/workshops/verdict.js';

const FORBIDDEN = new Set(['not_facilitator', 'not_allowed', 'not_yourself', 'commune_required']);
const BAD_INPUT = new Set(['invalid_poll', 'invalid_value', 'invalid_item', 'duplicate_item', 'unknown_item', 'unknown_poll', 'unknown_document', 'unknown_person', 'unknown_commune']);

/** The AppError of a refusal: 403, 400 or 409 by code. */
export function refusalError(refusal: Pick<Refusal<string>, 'code' | 'message'>): AppError {
  const status = FORBIDDEN.has(refusal.code) ? 403 : BAD_INPUT.has(refusal.code) ? 400 : 409;
  return new AppError(status, refusal.code, refusal.message);
}

/** Throws the refusal of a verdict; narrows it to the accepted branch otherwise. */
export function accept<T extends { ok: boolean }>(verdict: T): asserts verdict is Extract<T, { ok: true }> {
  if (!verdict.ok) throw refusalError(verdict as unknown as Refusal<string>);
}

export const seanceNotFound = () => notFound('Séance introuvable.', 'seance_not_found');
export const pollNotFound = () => notFound('Sondage introuvable.', 'poll_not_found');
export const decisionNotFound = () => notFound('Décision introuvable.', 'decision_not_found');
