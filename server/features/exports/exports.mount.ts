import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { exportRoutes } from './exports.routes.js';

/**
 * The exports feature as the server mounts it: it needs the collaboration service to read the live text, so it
 * belongs in `buildMounts(collaboration)` (server/server.ts) next to `documentsMount`.
 */
export function exportsMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', exportRoutes(deps, policy, collaboration));
  };
}
