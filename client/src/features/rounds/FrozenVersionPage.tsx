import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../i18n/format';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { versionQueries } from '../documents/versions/versions.api';
import { ReadOnlyContent } from '../documents/versions/ReadOnlyContent';
import { rm } from './messages';

/** `…/tours-de-table/:roundId/versions/:documentId/:versionId`: the text as frozen at the opening, read-only. */
export function FrozenVersionPage() {
  const { project } = useProjectContext();
  const { roundId = '', documentId = '', versionId = '' } = useParams();
  const version = useQuery(versionQueries.one(documentId, versionId));
  useDocumentTitle(version.data?.label, rm.title, project.title);
  return (
    <div className="rounds">
      <p>
        <Link to={`/projets/${encodeURIComponent(project.id)}/tours-de-table/${encodeURIComponent(roundId)}`}>{rm.backToRound}</Link>
      </p>
      <QueryState query={version}>
        {(v) => (
          <article className="rounds-card rounds-frozen-text" aria-labelledby="frozen-title">
            <h2 id="frozen-title">{v.label}</h2>
            <p className="muted">
              {formatDateTime(v.createdAt)} — {v.createdBy.name}
            </p>
            <ReadOnlyContent content={v.content} emptyText="—" />
          </article>
        )}
      </QueryState>
    </div>
  );
}
