/** Live events of the action plan, convention, deliberations and follow-up (merged into `LiveEventPayloads`). */
import type { DeliberationState } from '../scenarios/deliberations.js';

/** What changed on the convention side, so that each screen refetches only what it shows. */
export type ConventionChange = 'cadre' | 'convention' | 'annexes' | 'signed' | 'settings' | 'avenant' | 'withdrawal' | 'evaluation';

export type ConventionEventPayloads = {
  /** An objective or an action was created, changed or deleted. */
  'action_plan.changed': { by: string; actionId: string | null };
  /** The cadre, convention, annexes, signature, avenants, withdrawals or evaluations changed. */
  'convention.changed': { by: string; what: ConventionChange };
  /** A council's deliberation changed state (or its details). */
  'deliberation.changed': { deliberationId: string; avenantId: string | null; communeId: string | null; from: DeliberationState; to: DeliberationState; by: string };
};
