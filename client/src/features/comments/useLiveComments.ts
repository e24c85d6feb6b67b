import { useQueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '../../../../shared/events/types.js';
import { useProjectEvents } from '../../api/useProjectEvents';
import { commentKeys } from './api';

const EVENTS = ['comment.created', 'comment.updated', 'amendment.decided'] as const;
type CommentEvent = LiveEvent<(typeof EVENTS)[number]>;

/**
 * Keeps every comment list, thread and badge of a project fresh for everyone viewing: refetches the project's comment
 * queries on each comment or amendment event of the project's stream, and once after a reconnection.
 */
export function useLiveComments(projectId: string, onEvent?: (event: CommentEvent) => void): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: commentKeys.all(projectId) });
  useProjectEvents(
    projectId,
    EVENTS,
    (event) => {
      refresh();
      onEvent?.(event as CommentEvent);
    },
    refresh,
  );
}
