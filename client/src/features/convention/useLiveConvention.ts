import { useQueryClient } from '@tanstack/react-query';
import { useProjectEvents, type LiveState } from '../../api/useProjectEvents';
import { convKeys } from './api';

export type { LiveState } from '../../api/useProjectEvents';

/**
 * Keeps the « Plan & convention » pages in step with other people's changes through the project's event stream:
 * each event after which the plan, the convention, the board or the evaluations may have changed refetches the
 * convention queries. `onOther` is told when someone else made the change.
 */
export function useLiveConvention(projectId: string, myId: string | undefined, onOther?: () => void): LiveState {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: convKeys.all(projectId) });
  return useProjectEvents(
    projectId,
    ['action_plan.changed', 'convention.changed', 'deliberation.changed', 'scenario.decided', 'document.created', 'document.locked', 'project.participation_changed'],
    (event) => {
      refresh();
      const by = (event.payload as { by?: string }).by;
      if (by && by !== myId) onOther?.();
    },
    refresh,
  );
}
