/**
 * Governance bodies a séance can be a meeting of, and their quorum rules.
 *
 * Quorum rule (documented in the UI): the COPIL and the conférence des maires deliberate on behalf of the communes,
 * so they need **more than half of the invited communes represented** (by at least one élu·e or technician of the
 * commune, connected or checked in). The COTECH and working groups prepare and decide nothing binding: no quorum.
 * When a séance invites no commune explicitly, the project's participating communes are the reference.
 */
import type { QuorumRule } from './attendance.js';

/** Bodies of a séance. */
export const SEANCE_BODIES = ['copil', 'cotech', 'conference_maires', 'groupe_travail'] as const;
/** One of `SEANCE_BODIES`. */
export type SeanceBody = (typeof SEANCE_BODIES)[number];

/** French labels of the bodies. */
export const SEANCE_BODY_LABELS: Record<SeanceBody, string> = {
  copil: 'Comité de pilotage (COPIL)',
  cotech: 'Comité technique (COTECH)',
  conference_maires: 'Conférence des maires',
  groupe_travail: 'Groupe de travail',
};

/** The quorum rule of each body. */
export const BODY_QUORUM: Record<SeanceBody, QuorumRule> = {
  copil: { kind: 'ratio', numerator: 1, denominator: 2, strict: true },
  conference_maires: { kind: 'ratio', numerator: 1, denominator: 2, strict: true },
  cotech: { kind: 'none' },
  groupe_travail: { kind: 'none' },
};

/** The sentence the attendance panel shows under the quorum indicator. */
export function quorumRuleText(body: SeanceBody): string {
  return BODY_QUORUM[body].kind === 'none'
    ? 'Pas de quorum pour cette instance.'
    : 'Quorum : plus de la moitié des communes invitées représentées (par un·e élu·e ou un·e technicien·ne, connecté·e ou émargé·e).';
}

/** The communes the quorum counts: the invited ones, or the participating communes when none was invited. */
export function quorumCommunes(invitedCommuneIds: readonly string[], participatingCommuneIds: readonly string[]): string[] {
  return [...new Set(invitedCommuneIds.length > 0 ? invitedCommuneIds : participatingCommuneIds)].sort();
}
