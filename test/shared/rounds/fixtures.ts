import type { Round } from '../../../shared/rounds/round.js';
import type { Position } from '../../../shared/rounds/positions.js';

/** A draft round of four communes: opens 1 Dec 08:00 UTC, closes 15 Dec 17:00 UTC. */
export const draft: Round = {
  id: 'r1',
  status: 'brouillon',
  opensAt: '2026-12-01T08:00:00.000Z',
  closesAt: '2026-12-15T17:00:00.000Z',
  invitedCommuneIds: ['seillans', 'fayence', 'montauroux', 'tourrettes'],
  frozenVersionIds: [],
};

export const open: Round = { ...draft, status: 'ouvert', frozenVersionIds: ['v-convention-3'], openedAt: '2026-12-01T08:00:00.000Z' };

/** A stored position with defaults, for the reminder, board and synthesis tests. */
export function position(communeId: string, recordedAt: string, extra: Partial<Position> = {}): Position {
  return {
    roundId: 'r1',
    communeId,
    kind: 'favorable',
    motivation: null,
    conditions: [],
    actionImpacts: [],
    authorId: `maire-${communeId}`,
    recordedAt,
    ...extra,
  };
}
