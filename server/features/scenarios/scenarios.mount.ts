import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { registerCommentTarget } from '../comments/comments.registry.js';
import { scenariosRepo } from './scenarios.repo.js';
import { scenarioRoutes } from './scenarios.routes.js';

/**
 * The scenarios feature as the server mounts it: the routes (creating a scenario creates its narrative document
 * through the collaboration service) and the `scenario` comment target (a comment may point at a scenario, or at
 * one of its fields: `posts[2]`, `commune:<communeId>` for a commune's contribution…).
 */
export function scenariosMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', scenarioRoutes(deps, policy, collaboration));
    registerCommentTarget('scenario', {
      exists: (d, projectId, target) => scenariosRepo.row(d.db, target.id)?.projectId === projectId,
      // A comment on one commune's line (field `commune:<communeId>`) concerns that commune's data; others concern none.
      communeIds: (d, projectId, target) => {
        const communeId = target.field?.startsWith('commune:') ? target.field.slice('commune:'.length) : null;
        const row = communeId ? scenariosRepo.row(d.db, target.id) : undefined;
        return row && row.projectId === projectId && row.communes.some((c) => c.communeId === communeId) ? [communeId!] : [];
      },
    });
  };
}
