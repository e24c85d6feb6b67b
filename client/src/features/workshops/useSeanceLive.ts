import { useQueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '../../../../shared/events/types.js';
import { useProjectEvents, type LiveState } from '../../api/useProjectEvents';
import { storeState, wsKeys } from './api';

export type LiveStatus = LiveState;

/**
 * Keeps séances in step with the server: puts every `seance.state` of the project's event stream in the cache (when
 * its revision is newer), refreshing the lists and summaries; on reconnection everything is refetched once, as the
 * server may have restarted meanwhile.
 */
export function useSeanceLive(projectId: string): LiveStatus {
  const queryClient = useQueryClient();
  return useProjectEvents(
    projectId,
    ['seance.state'],
    (event) => {
      const { payload } = event as LiveEvent<'seance.state'>;
      storeState(queryClient, payload.state);
      void queryClient.invalidateQueries({ queryKey: wsKeys.summary(payload.seanceId) });
      void queryClient.invalidateQueries({ queryKey: wsKeys.list(projectId), exact: true });
    },
    () => void queryClient.invalidateQueries({ queryKey: ['seances'] }),
  );
}
