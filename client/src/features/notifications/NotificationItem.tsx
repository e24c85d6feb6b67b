import { Link } from 'react-router';
import type { NotificationView } from '../../../../shared/notifications/types.js';
import { NOTIFICATION_KIND_LABELS } from '../../../../shared/notifications/types.js';
import { formatDateTimeShort } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { useNotificationMutations } from './api';
import { nm } from './messages';

/** One notification: kind, title (a link to its target, which marks it read), body, date, « Marquer comme lue ». */
export function NotificationItem({ n, onOpen }: { n: NotificationView; onOpen?: () => void }) {
  const { markRead } = useNotificationMutations();
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'ntf-item ntf-unread' : 'ntf-item'} data-kind={n.kind}>
      <p className="ntf-kind">
        {unread ? <span className="ntf-dot">{nm.unread}</span> : null}
        {NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind} · <time dateTime={n.createdAt}>{formatDateTimeShort(n.createdAt)}</time>
      </p>
      <Link
        to={n.link}
        className="ntf-title"
        onClick={() => {
          if (unread) markRead.mutate(n.id);
          onOpen?.();
        }}
      >
        {n.title}
      </Link>
      {n.body ? <p className="ntf-body">{n.body}</p> : null}
      {unread ? (
        <Button variant="ghost" className="ntf-mark" busy={markRead.isPending} onClick={() => markRead.mutate(n.id)} aria-label={nm.markReadOf(n.title)}>
          {nm.markRead}
        </Button>
      ) : null}
    </li>
  );
}
