import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { commentRoutes } from './comments.routes.js';
import { amendmentRoutes } from './amendments.routes.js';

/**
 * Comments and amendments as the server mounts them (`buildMounts(collaboration)` in server/server.ts): both need
 * the collaboration service (text anchors are resolved in the rooms; accepted amendments edit them).
 */
export function commentsMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', commentRoutes(deps, policy, collaboration));
    api.route('/', amendmentRoutes(deps, policy, collaboration));
  };
}
