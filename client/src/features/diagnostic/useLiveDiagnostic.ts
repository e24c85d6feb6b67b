import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '../../../../shared/events/types.js';
import { diagKeys } from './api';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Keeps the diagnostic in step with other people's changes: listens to the project's event stream
 * (`GET /api/projects/:id/events`, Server-Sent Events: `event: <type>` and `data: {id,type,projectId,at,payload}`) and
 * refetches the diagnostic queries on each `diagnostic.changed`. EventSource reconnects by itself and resumes with
 * Last-Event-ID; on reconnection we refetch once, as events may have been missed while the page slept.
 */
export function useLiveDiagnostic(projectId: string, onChange?: (event: LiveEvent<'diagnostic.changed'>) => void): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`);
    let wasOpen = false;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: diagKeys.all(projectId) });
    source.onopen = () => {
      if (wasOpen) refresh();
      wasOpen = true;
      setState('live');
    };
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    const onDiagnostic = (e: MessageEvent<string>) => {
      refresh();
      try {
        onChange?.(JSON.parse(e.data) as LiveEvent<'diagnostic.changed'>);
      } catch {
        // A malformed frame only loses the notice, not the refresh.
      }
    };
    source.addEventListener('diagnostic.changed', onDiagnostic as EventListener);
    return () => source.close();
    // onChange is read at event time through the closure of the latest render only when it is stable; callers pass a
    // stable callback (useCallback) or none.
  }, [projectId, queryClient, onChange]);

  return state;
}
