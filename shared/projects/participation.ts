/**
 * Progressive membership: each commune's participation in a project has its own state and history.
 * Any state may follow any other except that a change to the same state is refused.
 */
export const PARTICIPATION_STATES = ['invitee', 'participante', 'observatrice', 'retiree'] as const;

export type ParticipationState = (typeof PARTICIPATION_STATES)[number];

export const PARTICIPATION_LABELS: Record<ParticipationState, string> = {
  invitee: 'Invitée',
  participante: 'Participante',
  observatrice: 'Observatrice',
  retiree: 'Retirée',
};

/** True when members of a commune in this state may open the project (contracts.md: not `retirée`). */
export function participationGrantsAccess(state: ParticipationState | undefined): boolean {
  return state !== undefined && state !== 'retiree';
}

/** True when the commune's élus and technicians may write the project's shared texts. */
export function participationGrantsWrite(state: ParticipationState | undefined): boolean {
  return state === 'participante';
}
