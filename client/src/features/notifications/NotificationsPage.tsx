import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { notificationQ, useNotificationMutations } from './api';
import { nm } from './messages';
import { NotificationItem } from './NotificationItem';
import './notifications.css';

const PAGE = 30;

/** `/notifications`: all my notifications, newest first, with a filter on unread ones and « Tout marquer comme lu ». */
export function NotificationsPage() {
  useDocumentTitle(nm.pageTitle);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const list = useQuery(notificationQ.list(unreadOnly, limit));
  const count = useQuery(notificationQ.count());
  const { markAll } = useNotificationMutations();
  return (
    <div className="ntf-page">
      <div className="ntf-page-head">
        <h1>{nm.pageTitle}</h1>
        {(count.data?.count ?? 0) > 0 ? (
          <Button variant="secondary" busy={markAll.isPending} onClick={() => markAll.mutate()}>
            {nm.markAll}
          </Button>
        ) : null}
      </div>
      <label className="checkbox-line">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        {nm.onlyUnread}
      </label>
      <QueryState query={list} loadingLabel={nm.loading}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={nm.empty}>
              <p>{nm.emptyText}</p>
            </EmptyState>
          ) : (
            <>
              <ul className="ntf-list ntf-list-page">
                {items.map((n) => (
                  <NotificationItem key={n.id} n={n} />
                ))}
              </ul>
              {items.length >= limit ? (
                <Button variant="secondary" onClick={() => setLimit((l) => l + PAGE)}>
                  {nm.more}
                </Button>
              ) : null}
            </>
          )
        }
      </QueryState>
    </div>
  );
}
