/**
 * A commune's formal position in a round, and the rules for recording it.
 *
 * Rules:
 * - Only an élu·e communal·e of that very commune records it (the maire or the élu·e délégué·e speaks for the
 *   commune; technicians, EPCI élus and partners do not), and only for a commune invited to the round.
 * - défavorable and favorable avec réserves need a motivation; réserves also need at least one condition.
 * - Each action of the commune's programme gets an impact (renforce / neutre / affaiblit): that is the question the
 *   round asks ("la mutualisation renforcera-t-elle les actions prévues ?"), so a missing impact is refused.
 * - Recording again replaces the commune's previous position while the round is open (one position per commune).
 */
import type { Role } from '../auth/roles.js';
import { checkRoundWritable, type Round } from './round.js';
import { isMeaningful, refuse, toMs, type Verdict } from './verdict.js';

/** The four formal positions a commune may take in a round. */
export const POSITION_KINDS = ['favorable', 'favorable_avec_reserves', 'defavorable', 'abstention'] as const;
/** One of `POSITION_KINDS`. */
export type PositionKind = (typeof POSITION_KINDS)[number];

/** French labels of positions (UI, synthesis, exports). */
export const POSITION_LABELS: Record<PositionKind, string> = {
  favorable: 'Favorable',
  favorable_avec_reserves: 'Favorable avec réserves',
  defavorable: 'Défavorable',
  abstention: 'Abstention',
};

/** Effect of the proposal on one action of the commune's programme. */
export const ACTION_IMPACTS = ['renforce', 'neutre', 'affaiblit'] as const;
/** One of `ACTION_IMPACTS`. */
export type ActionImpact = (typeof ACTION_IMPACTS)[number];

/** French labels of impacts. */
export const ACTION_IMPACT_LABELS: Record<ActionImpact, string> = {
  renforce: 'Renforce',
  neutre: 'Neutre',
  affaiblit: 'Affaiblit',
};

/** What the élu·e submits. */
export type PositionInput = {
  communeId: string;
  kind: PositionKind;
  motivation?: string | null;
  conditions?: readonly string[];
  actionImpacts: readonly { actionId: string; impact: ActionImpact }[];
};

/** A recorded position, as stored. */
export type Position = {
  roundId: string;
  communeId: string;
  kind: PositionKind;
  motivation: string | null;
  conditions: string[];
  actionImpacts: { actionId: string; impact: ActionImpact }[];
  authorId: string;
  recordedAt: string;
};

/** Refusal codes of `recordPosition` (`round_closed` → 409, `not_commune_elu`/`not_invited` → 403, others → 400). */
export type PositionRefusalCode =
  | 'round_closed'
  | 'round_not_open'
  | 'not_invited'
  | 'not_commune_elu'
  | 'invalid_kind'
  | 'motivation_required'
  | 'conditions_required'
  | 'invalid_impact'
  | 'unknown_action'
  | 'impact_missing';

/** Everything `recordPosition` needs; `actor` is the authenticated user. */
export type PositionRequest = {
  round: Round;
  actor: { id: string; role: Role; communeId?: string | null };
  input: PositionInput;
  /** Ids of the commune's programme actions relevant to the project. */
  programmeActionIds: readonly string[];
  now: string;
};

/** Validates a position and returns it normalised (trimmed texts, blank conditions dropped), or a refusal. */
export function recordPosition(req: PositionRequest): Verdict<{ position: Position }, PositionRefusalCode> {
  const { round, actor, input } = req;
  const writable = checkRoundWritable(round, req.now);
  if (!writable.ok) return writable;
  if (!round.invitedCommuneIds.includes(input.communeId)) {
    return refuse('not_invited', 'Cette commune n’est pas invitée à ce tour de table.');
  }
  if (actor.role !== 'elu_communal' || actor.communeId !== input.communeId) {
    return refuse('not_commune_elu', 'Seul·e un·e élu·e de la commune peut exprimer sa position.');
  }
  if (!(POSITION_KINDS as readonly string[]).includes(input.kind)) {
    return refuse('invalid_kind', 'Position inconnue : favorable, favorable avec réserves, défavorable ou abstention.');
  }
  const needsMotivation = input.kind === 'defavorable' || input.kind === 'favorable_avec_reserves';
  if (needsMotivation && !isMeaningful(input.motivation)) {
    return refuse('motivation_required', `Une position « ${POSITION_LABELS[input.kind]} » doit être motivée.`);
  }
  const conditions = (input.conditions ?? []).map((c) => c.trim()).filter((c) => c !== '');
  if (input.kind === 'favorable_avec_reserves' && conditions.length === 0) {
    return refuse('conditions_required', 'Précisez au moins une condition pour un avis favorable avec réserves.');
  }
  const seen = new Map<string, ActionImpact>();
  for (const { actionId, impact } of input.actionImpacts) {
    if (!(ACTION_IMPACTS as readonly string[]).includes(impact)) {
      return refuse('invalid_impact', 'Impact inconnu : renforce, neutre ou affaiblit.');
    }
    if (!req.programmeActionIds.includes(actionId)) {
      return refuse('unknown_action', 'Cette action ne fait pas partie du programme de la commune.');
    }
    seen.set(actionId, impact);
  }
  const missing = req.programmeActionIds.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    return refuse('impact_missing', `Indiquez l’effet de la mutualisation sur chaque action du programme (${missing.length} manquante(s)).`);
  }
  return {
    ok: true,
    position: {
      roundId: round.id,
      communeId: input.communeId,
      kind: input.kind,
      motivation: isMeaningful(input.motivation) ? input.motivation!.trim() : null,
      conditions,
      // Keep the programme's order so that exports and diffs are stable.
      actionImpacts: req.programmeActionIds.map((actionId) => ({ actionId, impact: seen.get(actionId)! })),
      authorId: actor.id,
      recordedAt: req.now,
    },
  };
}

/** The latest position of each commune (a commune may re-record while the round is open). */
export function latestPositions(positions: readonly Position[]): Map<string, Position> {
  const byCommune = new Map<string, Position>();
  for (const p of positions) {
    const prev = byCommune.get(p.communeId);
    if (!prev || toMs(prev.recordedAt) <= toMs(p.recordedAt)) byCommune.set(p.communeId, p);
  }
  return byCommune;
}
