import { useQueryClient } from '@tanstack/react-query';
import { useProjectEvents } from '../../api/useProjectEvents';
import { roundKeys } from './api';

/**
 * Keeps rounds, programmes and round comments fresh from the project's event stream (`round.*`, `programme.changed`,
 * `comment.*`); on reconnection everything is refetched once, as events may have been missed meanwhile.
 */
export function useLiveRounds(projectId: string): void {
  const queryClient = useQueryClient();
  const rounds = () => void queryClient.invalidateQueries({ queryKey: roundKeys.all(projectId) });
  const programmes = () => void queryClient.invalidateQueries({ queryKey: roundKeys.programmes(projectId) });
  const comments = () => void queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'comments'] });
  useProjectEvents(
    projectId,
    ['round.changed', 'round.position_recorded', 'programme.changed', 'comment.created', 'comment.updated'],
    (event) => {
      if (event.type === 'programme.changed') programmes();
      else if (event.type.startsWith('comment.')) comments();
      else rounds();
    },
    () => {
      rounds();
      programmes();
      comments();
    },
  );
}
