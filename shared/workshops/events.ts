/** Live events of workshops (merged into `LiveEventPayloads` in `shared/events/types.ts`). */
import type { SeanceStateDto } from './types.js';

export type WorkshopEventPayloads = {
  /**
   * The whole public state of a séance after any change (creation, edit, command, follow target, lock, speaking,
   * poll, vote, check-in, attendance, decision). `revision` only grows: a client keeps the highest it has seen.
   */
  'seance.state': { seanceId: string; revision: number; state: SeanceStateDto };
};
