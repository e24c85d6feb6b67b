import { useQueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '../../../../shared/events/types.js';
import { useProjectEvents, type LiveState } from '../../api/useProjectEvents';
import { diagKeys } from './api';

export type { LiveState } from '../../api/useProjectEvents';

/**
 * Keeps the diagnostic in step with other people's changes: refetches the diagnostic queries on each
 * `diagnostic.changed` of the project's event stream, and once after a reconnection (events may have been missed).
 */
export function useLiveDiagnostic(projectId: string, onChange?: (event: LiveEvent<'diagnostic.changed'>) => void): LiveState {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: diagKeys.all(projectId) });
  return useProjectEvents(
    projectId,
    ['diagnostic.changed'],
    (event) => {
      refresh();
      onChange?.(event as LiveEvent<'diagnostic.changed'>);
    },
    refresh,
  );
}
