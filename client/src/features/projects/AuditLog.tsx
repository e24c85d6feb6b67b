import { useQuery } from '@tanstack/react-query';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { formatDateTimeShort } from '../../i18n/format';
import { QueryState } from '../../ui/QueryState';
import { auditActionLabel } from '../../../../shared/audit/labels.js';

const text = {
  download: 'Télécharger le journal complet (CSV)',
  downloadHint: 'Jusqu’à 5 000 événements, avec les valeurs avant et après chaque modification ; s’ouvre dans un tableur.',
};

/** The CSV export of the project's audit (cookie-authenticated GET: a plain download link works). */
const csvUrl = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/audit/export?format=csv&limit=5000`;

/**
 * The project's audit trail (facilitator and administrators only; the caller checks 'project.audit.read').
 * Mounted only when its disclosure is opened: it can be long and most visits do not need it. Actions are shown by
 * their French label (`shared/audit/labels.ts`); the code stays in the CSV export, for tools.
 */
export function AuditLog({ projectId }: { projectId: string }) {
  const audit = useQuery(q.audit(projectId));
  const m = messages.project;
  return (
    <div className="stack">
      <div>
        <a className="btn btn-secondary" href={csvUrl(projectId)} download aria-describedby="audit-download-hint">
          {text.download}
        </a>
        <p id="audit-download-hint" className="muted">{text.downloadHint}</p>
      </div>
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
                      <td>{auditActionLabel(e.action)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
