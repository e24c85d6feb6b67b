import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { onPhaseChanged } from '../projects/projects.service.js';
import { versionRoutes } from './versions.routes.js';
import { snapshotProjectAtPhase } from './versions.service.js';

/**
 * The versions feature as the server mounts it: the routes, and the automatic `phase` versions of every
 * non-archived document of a project when it changes phase (taken after the phase change committed).
 */
export function versionsMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', versionRoutes(deps, policy, collaboration));
    onPhaseChanged(deps, (change) => snapshotProjectAtPhase(deps, collaboration, change).then(() => undefined));
  };
}
