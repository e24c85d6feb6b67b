import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentDto } from '../../../../shared/documents/kinds.js';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { can, useProjectContext } from '../projects/useProjectContext';
import { docQ } from './api';
import { CreateDocumentForm } from './CreateDocumentForm';
import { DocumentRow } from './DocumentRow';
import { dm } from './messages';
import { useDocumentEvents } from './useDocumentEvents';
import { useLiveComments } from '../comments/useLiveComments';

/**
 * The Documents tab: the project's documents grouped by kind (in the contract's order), with creation for those the
 * server allows (`document.create`), per-document actions (`document.manage`, `document.lock`) and a filter for
 * archived documents. Other people's changes arrive through the project's event stream.
 */
export function DocumentList() {
  const { project } = useProjectContext();
  const [archived, setArchived] = useState(false);
  const list = useQuery(docQ.list(project.id, archived));
  useDocumentTitle(dm.title, project.title);
  useDocumentEvents(project.id);
  // The rows' comment badges follow new and resolved threads live (same shared event stream).
  useLiveComments(project.id);
  const canCreate = can(project, 'document.create');

  const docs = (list.data ?? []).filter((d) => d.archived === archived);
  const groups = DOCUMENT_KINDS.map((kind) => ({ kind, docs: docs.filter((d) => d.kind === kind) })).filter((g) => g.docs.length);

  return (
    <div className="docs">
      <div className="docs-head">
        <h2>{dm.title}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          {dm.showArchived}
        </label>
      </div>
      {canCreate && !archived ? <CreateDocumentForm projectId={project.id} /> : null}
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : groups.length === 0 ? (
        <EmptyState title={archived ? dm.emptyArchived : dm.emptyTitle} headingLevel={3}>
          {archived ? null : <p>{canCreate ? dm.emptyCreate : dm.emptyRead}</p>}
        </EmptyState>
      ) : (
        <div className="docs-groups" aria-label={dm.groupsLabel} role="region">
          {groups.map((g) => (
            <section key={g.kind} className="docs-group" aria-labelledby={`docs-kind-${g.kind}`}>
              <h3 id={`docs-kind-${g.kind}`}>
                {DOCUMENT_KIND_LABELS[g.kind]} <span className="muted">({g.docs.length})</span>
              </h3>
              <ul className="docs-items">
                {g.docs.map((d: DocumentDto) => (
                  <DocumentRow
                    key={d.id}
                    doc={d}
                    canManage={can(project, 'document.manage')}
                    canLock={can(project, 'document.lock')}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
