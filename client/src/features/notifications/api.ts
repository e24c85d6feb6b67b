/** Notification centre API (server/features/notifications): my notifications, the unread count, mark read. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../../../shared/notifications/types.js';
import type { MarkAllReadDto, UnreadCountDto } from '../../../../shared/notifications/api.js';
import { apiGet, apiRequest } from '../../api/http';

export const notificationKeys = {
  all: ['notifications'] as const,
  count: ['notifications', 'count'] as const,
  list: (unreadOnly: boolean, limit: number) => ['notifications', 'list', unreadOnly, limit] as const,
};

export const notificationQ = {
  /** Live from the personal stream (useLiveNotifications); refetched every 5 minutes only as a safety net. */
  count: () => queryOptions({ queryKey: notificationKeys.count, queryFn: ({ signal }) => apiGet<UnreadCountDto>('/notifications/unread-count', signal), refetchInterval: 5 * 60_000 }),
  list: (unreadOnly: boolean, limit: number) =>
    queryOptions({
      queryKey: notificationKeys.list(unreadOnly, limit),
      queryFn: ({ signal }) => apiGet<NotificationView[]>(`/notifications?limit=${limit}${unreadOnly ? '&unread=true' : ''}`, signal),
    }),
};

/** Mark one / all read; every success refreshes the count and the lists. */
export function useNotificationMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    markRead: useMutation({ mutationFn: (id: string) => apiRequest<NotificationView>('POST', `/notifications/${encodeURIComponent(id)}/read`), onSuccess: refresh }),
    markAll: useMutation({ mutationFn: () => apiRequest<MarkAllReadDto>('POST', '/notifications/read-all', {}), onSuccess: refresh }),
  };
}
