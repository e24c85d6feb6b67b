/** Live events of scenarios and arbitration (merged into `LiveEventPayloads` in `shared/events/types.ts`). */
import type { ScenarioStatus } from './model.js';

export type ScenarioEventPayloads = {
  /** A scenario was created, edited, presented, sent back to draft or deleted: screens showing it refetch. */
  'scenario.changed': { scenarioId: string; status: ScenarioStatus | null; revision: number | null; by: string; deleted?: boolean };
  /** The arbitration retained a scenario; the others of the project were discarded. */
  'scenario.decided': { arbitrationId: string; retainedScenarioId: string; discardedScenarioIds: string[]; by: string };
};
