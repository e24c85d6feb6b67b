import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { registerCommentGuard } from '../comments/comments.registry.js';
import { roundRoutes } from './rounds.routes.js';
import { roundCommentGuard } from './rounds.service.js';
import { startRoundTicker } from './rounds.closing.js';

/**
 * The rounds feature as the server mounts it: the routes (opening freezes document versions and the synthesis is a
 * document, hence the collaboration service), the comment guard (no comment on a closed round, partners only where
 * invited) and the periodic job (reminders, closing at the deadline), stopped by `shutdownSignal`.
 */
export function roundsMount(collaboration: Collaboration, options: { shutdownSignal?: AbortSignal } = {}): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', roundRoutes(deps, policy, collaboration));
    registerCommentGuard(roundCommentGuard);
    startRoundTicker(deps, collaboration, options.shutdownSignal);
  };
}
