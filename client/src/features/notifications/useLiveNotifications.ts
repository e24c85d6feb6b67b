import { useQueryClient } from '@tanstack/react-query';
import { useProjectEvents } from '../../api/useProjectEvents';
import { notificationKeys } from './api';

/**
 * Refreshes the notification centre on `notification.created` (addressed by the server to this user only) from the
 * event stream of the project being viewed. Outside a project the count falls back to its one-minute refetch.
 */
export function useLiveNotifications(projectId: string | undefined): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  useProjectEvents(projectId, ['notification.created'], refresh, refresh);
}
