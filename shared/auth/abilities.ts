/**
 * The abilities table: every action of Mutualab with who may do it. The server's policy module
 * (`server/policies`) is the only place that evaluates it, for HTTP routes and WebSocket rooms alike;
 * the client only receives the result (`myAbilities`) to hide controls. The table is split by domain
 * (`abilities-foundation.ts`, `abilities-deliberation.ts`); the rules' building blocks are in `ability-rules.ts`.
 */
import type { AbilityInput } from './ability-types.js';
import { FOUNDATION_ABILITIES } from './abilities-foundation.js';
import { DELIBERATION_ABILITIES } from './abilities-deliberation.js';

export type { Actor, ProjectContext, DocumentContext, DiagnosticContext, AbilityInput, AbilityDefinition } from './ability-types.js';

/** Every action, its French label and who may do it. */
export const ABILITIES = { ...FOUNDATION_ABILITIES, ...DELIBERATION_ABILITIES };

export type Action = keyof typeof ABILITIES;

export const ACTIONS = Object.keys(ABILITIES) as Action[];

/** Evaluates one action. Pure: the server's policy module feeds it the facts it loaded. */
export function evaluateAbility(action: Action, input: AbilityInput): boolean {
  return ABILITIES[action].rule(input);
}

/** All actions the actor may perform on a project (sent to the client as `myAbilities`). */
export function abilitiesOn(input: AbilityInput): Action[] {
  return ACTIONS.filter((a) => evaluateAbility(a, input));
}
