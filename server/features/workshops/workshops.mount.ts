import type { FeatureMount } from '../../app.js';
import type { Collaboration } from '../../collab/types.js';
import { documentsRepo } from '../documents/documents.repo.js';
import { workshopRoutes } from './workshops.routes.js';
import { workshopLiveRoutes } from './workshops.live.routes.js';
import { workshopExportRoutes } from './workshops.export.routes.js';
import { onSeanceDocumentPresence } from './workshops.live.js';

/**
 * The workshops feature as the server mounts it (`buildMounts`): the routes (they need the collaboration service
 * for the compte rendu, the locks and the attendance), and the bridge from the connection registry to the attendance
 * of running séances.
 */
export function workshopsMount(collaboration: Collaboration): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', workshopRoutes(deps, policy, collaboration));
    api.route('/', workshopLiveRoutes(deps, policy, collaboration));
    api.route('/', workshopExportRoutes(deps, policy, collaboration));
    collaboration.onPresenceChange((documentId) => {
      const doc = documentsRepo.byId(deps.db, documentId);
      if (!doc) return;
      try {
        onSeanceDocumentPresence({ deps, collaboration, policy }, doc.projectId, documentId);
      } catch (err) {
        // Attendance is informative: failing to record it must not break the socket join/leave that triggered it.
        deps.logger.warn('séance attendance not updated', { documentId, error: String(err) });
      }
    });
  };
}
