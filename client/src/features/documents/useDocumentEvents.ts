import { useQueryClient } from '@tanstack/react-query';
import type { PresenceUser } from '../../../../shared/events/types.js';
import { useProjectEvents } from '../../api/useProjectEvents';
import { docKeys } from './api';

/**
 * Keeps the project's document lists and details fresh from the project's event stream (`document.*` events) and
 * reports `presence.changed` (the server's connection registry) to `onPresence`. Refetches everything once when the
 * stream reconnects, since events may have been missed.
 */
export function useDocumentEvents(projectId: string, onPresence?: (documentId: string, users: PresenceUser[]) => void): void {
  const queryClient = useQueryClient();
  useProjectEvents(
    projectId,
    ['document.created', 'document.updated', 'document.locked', 'document.restored', 'presence.changed'],
    (event) => {
      const payload = event.payload as { documentId: string; users?: PresenceUser[] };
      if (event.type === 'presence.changed') {
        onPresence?.(payload.documentId, payload.users ?? []);
        return;
      }
      void queryClient.invalidateQueries({ queryKey: docKeys.detail(payload.documentId) });
      void queryClient.invalidateQueries({ queryKey: docKeys.all(projectId) });
    },
    () => {
      void queryClient.invalidateQueries({ queryKey: docKeys.all(projectId) });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  );
}
