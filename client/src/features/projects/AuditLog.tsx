import { useQuery } from '@tanstack/react-query';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { formatDateTimeShort } from '../../i18n/format';
import { QueryState } from '../../ui/QueryState';

/**
 * The project's audit trail (facilitator and administrators only; the caller checks 'project.audit.read').
 * Mounted only when its disclosure is opened: it can be long and most visits do not need it.
 */
export function AuditLog({ projectId }: { projectId: string }) {
  const audit = useQuery(q.audit(projectId));
  const m = messages.project;
  return (
    <QueryState query={audit}>
      {(events) =>
        events.length === 0 ? (
          <p className="muted">{m.auditEmpty}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={m.auditTitle}>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{m.auditWhen}</th>
                  <th scope="col">{m.auditWho}</th>
                  <th scope="col">{m.auditAction}</th>
                </tr>
              </thead>
              <tbody>
                {[...events].sort((a, b) => b.at.localeCompare(a.at)).map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">
                      <time dateTime={e.at}>{formatDateTimeShort(e.at)}</time>
                    </td>
                    <td>{e.user?.name ?? messages.common.none}</td>
                    <td className="mono">{e.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}
