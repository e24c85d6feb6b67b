import { useQueryClient } from '@tanstack/react-query';
import { useProjectEvents, type LiveState } from '../../api/useProjectEvents';
import { scnKeys } from './api';

export type { LiveState } from '../../api/useProjectEvents';

/**
 * Keeps the scenarios in step with other people's changes through the project's event stream: a scenario edited,
 * presented or decided, or a diagnostic figure changed (the figures are computed from it), refetches the scenario
 * queries. `onOther(userId)` is told who made a change that was not the viewer's.
 */
export function useLiveScenarios(projectId: string, myId: string | undefined, onOther?: (userId: string) => void): LiveState {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: scnKeys.all(projectId) });
  return useProjectEvents(
    projectId,
    ['scenario.changed', 'scenario.decided', 'diagnostic.changed'],
    (event) => {
      refresh();
      const by = (event.payload as { by?: string }).by;
      if (by && by !== myId) onOther?.(by);
    },
    refresh,
  );
}
