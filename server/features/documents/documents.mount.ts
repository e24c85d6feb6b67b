import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { documentsRepo } from './documents.repo.js';
import { documentRoutes } from './documents.routes.js';

/**
 * The documents feature as the server mounts it (`buildMounts(collaboration)` in server/server.ts): the routes,
 * and the bridge from the collaboration's connection registry to the project's live events, so the document list
 * shows who is in which document without every client opening every room.
 */
export function documentsMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', documentRoutes(deps, policy, collaboration));
    collaboration.onPresenceChange((documentId, users) => {
      const doc = documentsRepo.byId(deps.db, documentId);
      if (!doc) return; // a room of a document deleted meanwhile (failed creation): nobody to tell
      try {
        deps.events.publish(doc.projectId, 'presence.changed', { documentId, users }, { ability: 'document.read' });
      } catch (err) {
        // Presence is informative: failing to record it must not break the socket join/leave that triggered it.
        deps.logger.warn('presence event not published', { documentId, error: String(err) });
      }
    });
  };
}
