/** Live events of programmes communaux and rounds (merged into `LiveEventPayloads` in `shared/events/types.ts`). */
import type { RoundStatus } from './round.js';

export type RoundEventPayloads = {
  /** A round was created, edited, opened, closed, deleted, or got its synthesis: lists and round pages refetch. */
  'round.changed': { roundId: string; status: RoundStatus | 'supprime'; title: string };
  /** A commune recorded (or replaced) its position: the tracking board refetches. */
  'round.position_recorded': { roundId: string; communeId: string };
  /** A commune's programme changed (action added, edited or removed). */
  'programme.changed': { communeId: string; actionId: string };
};
