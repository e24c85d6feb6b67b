import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { registerPhaseGate } from '../projects/projects.service.js';
import { actionPlanRoutes } from '../action-plan/action-plan.routes.js';
import { deliberationRoutes } from '../deliberations/deliberations.routes.js';
import { conventionGate } from '../deliberations/deliberations.state.js';
import { conventionRoutes } from './convention.routes.js';

// Registered once per process (gate providers are global and read each app's own database through `deps`).
registerPhaseGate(conventionGate);

/**
 * Everything after the arbitration, as the server mounts it: the action plan, the generated texts (they write
 * through the collaboration service), the deliberations with their signature freeze, avenants, withdrawals and
 * annual evaluations; and the `en_vigueur` phase gate.
 */
export function conventionMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', actionPlanRoutes(deps, policy));
    api.route('/', conventionRoutes(deps, policy, collaboration));
    api.route('/', deliberationRoutes(deps, policy, collaboration));
  };
}
