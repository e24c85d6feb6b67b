import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notificationKeys } from './api';

/**
 * Keeps the notification centre live from the personal stream (`/api/notifications/events`): every notification
 * created for this user, in any project, on any page (the home page included). After a dropped connection it
 * refetches once, since events may have been missed meanwhile (the stream has no replay).
 */
export function useLiveNotifications(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    const source = new EventSource('/api/notifications/events');
    let wasOpen = false;
    source.onopen = () => {
      if (wasOpen) refresh();
      wasOpen = true;
    };
    source.addEventListener('notification.created', refresh);
    return () => source.close();
  }, [queryClient]);
}
