import type { ConnectionStatus as Status } from '../../collab/session';
import { dm } from './messages';

/** The always-visible connection line, announced politely when it changes. */
export function ConnectionStatus({ status }: { status: Status }) {
  return (
    <p className={`doc-status doc-status-${status}`} role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span className="doc-status-dot" aria-hidden="true" />
      <span className="visually-hidden">{dm.statusLabel} : </span>
      {dm.status[status]}
    </p>
  );
}
