import { usePopover } from '../../ui/usePopover';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../ui/Button';
import { notificationQ, useNotificationMutations } from './api';
import { nm } from './messages';
import { NotificationItem } from './NotificationItem';
import { useLiveNotifications } from './useLiveNotifications';
import './notifications.css';

/**
 * The bell of the app header: unread count as a badge, a disclosure panel with the latest notifications (each a link
 * to its target), « Tout marquer comme lu » and a link to the full list. Live from the personal notification stream,
 * whatever the page. Escape and a click outside close the panel; Escape returns focus.
 */
export function NotificationBell() {
  const { open, setOpen, panelId, rootRef, buttonProps } = usePopover();
  useLiveNotifications();
  const count = useQuery(notificationQ.count());
  const list = useQuery({ ...notificationQ.list(false, 8), enabled: open });
  const { markAll } = useNotificationMutations();
  const unread = count.data?.count ?? 0;


  return (
    <div className="ntf-bell" ref={rootRef}>
      <button
        {...buttonProps}
        type="button"
        className="ntf-bell-button"
        aria-label={nm.bellUnread(unread)}
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 ? (
          <span className="ntf-badge" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <div id={panelId} className="ntf-panel" hidden={!open}>
        <div className="ntf-panel-head">
          <h2 className="ntf-panel-title">{nm.panelTitle}</h2>
          {unread > 0 ? (
            <Button variant="ghost" busy={markAll.isPending} onClick={() => markAll.mutate()}>
              {nm.markAll}
            </Button>
          ) : null}
        </div>
        {list.data && list.data.length === 0 ? (
          <div className="ntf-empty">
            <p className="ntf-empty-title">{nm.empty}</p>
            <p className="muted">{nm.emptyText}</p>
          </div>
        ) : (
          <ul className="ntf-list" aria-busy={list.isPending || undefined}>
            {(list.data ?? []).map((n) => (
              <NotificationItem key={n.id} n={n} onOpen={() => setOpen(false)} />
            ))}
          </ul>
        )}
        <p className="ntf-panel-foot">
          <Link to="/notifications" onClick={() => setOpen(false)}>
            {nm.seeAll}
          </Link>
        </p>
      </div>
    </div>
  );
}
