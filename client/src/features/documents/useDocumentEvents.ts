import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PresenceUser } from '../../../../shared/events/types.js';
import { docKeys } from './api';

const DOCUMENT_EVENTS = ['document.created', 'document.updated', 'document.locked', 'document.restored'] as const;

/**
 * Keeps the project's document lists and details fresh from the project's SSE stream (`document.*` events) and
 * reports `presence.changed` (the server's connection registry) to `onPresence`. Refetches everything once when the
 * stream reconnects, since events may have been missed. `onPresence` must be stable (useCallback) or absent.
 */
export function useDocumentEvents(projectId: string, onPresence?: (documentId: string, users: PresenceUser[]) => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`);
    let wasOpen = false;
    const refreshAll = () => {
      void queryClient.invalidateQueries({ queryKey: docKeys.all(projectId) });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    };
    source.onopen = () => {
      if (wasOpen) refreshAll();
      wasOpen = true;
    };
    const onDocument = (e: MessageEvent<string>) => {
      try {
        const { payload } = JSON.parse(e.data) as { payload: { documentId: string } };
        void queryClient.invalidateQueries({ queryKey: docKeys.detail(payload.documentId) });
      } catch {
        // Refresh the lists anyway.
      }
      void queryClient.invalidateQueries({ queryKey: docKeys.all(projectId) });
    };
    const onPresenceEvent = (e: MessageEvent<string>) => {
      try {
        const { payload } = JSON.parse(e.data) as { payload: { documentId: string; users: PresenceUser[] } };
        onPresence?.(payload.documentId, payload.users);
      } catch {
        // A malformed frame only loses one presence update.
      }
    };
    for (const type of DOCUMENT_EVENTS) source.addEventListener(type, onDocument as EventListener);
    source.addEventListener('presence.changed', onPresenceEvent as EventListener);
    return () => source.close();
  }, [projectId, queryClient, onPresence]);
}
