import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DOCUMENT_KIND_LABELS, documentTitleSchema, type DocumentDto } from '../../../../shared/documents/kinds.js';
import { formatDateTimeShort } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { useDocumentMutations, type DocumentAction } from './api';
import { dm } from './messages';
import { DocumentCommentBadge } from '../comments/badges';

/** One document of the list: link, kind, last change, badges and the actions the server allows. */
export function DocumentRow({ doc, canManage, canLock }: { doc: DocumentDto; canManage: boolean; canLock: boolean }) {
  const { rename, act } = useDocumentMutations(doc.projectId);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(doc.title);
  const [titleError, setTitleError] = useState<string | null>(null);
  const href = `/projets/${encodeURIComponent(doc.projectId)}/documents/${encodeURIComponent(doc.id)}`;
  const run = (action: DocumentAction) => act.mutate({ id: doc.id, action });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = documentTitleSchema.safeParse(title);
    if (!parsed.success) return setTitleError(parsed.error.issues[0]?.message ?? null);
    setTitleError(null);
    rename.mutate({ id: doc.id, title: parsed.data }, { onSuccess: () => setRenaming(false) });
  };

  return (
    <li className="docs-item" data-document-id={doc.id}>
      <div className="docs-item-main">
        <Link to={href} className="docs-item-title">
          {doc.title}
        </Link>
        <span className="docs-item-meta">
          <span className="visually-hidden">{DOCUMENT_KIND_LABELS[doc.kind]} — </span>
          {dm.updated(formatDateTimeShort(doc.updatedAt))}
        </span>
        {doc.locked ? <Badge tone="warning">{dm.locked}</Badge> : null}
        <DocumentCommentBadge projectId={doc.projectId} documentId={doc.id} />
        {doc.archived ? <Badge tone="neutral">{dm.archived}</Badge> : null}
      </div>
      {canManage || canLock ? (
        <div className="docs-item-actions" role="group" aria-label={dm.actionsFor(doc.title)}>
          {canManage && !doc.archived ? (
            <Button variant="ghost" aria-expanded={renaming} onClick={() => setRenaming((v) => !v)}>
              {dm.rename}
            </Button>
          ) : null}
          {canLock && !doc.archived ? (
            <Button variant="secondary" busy={act.isPending} onClick={() => run(doc.locked ? 'unlock' : 'lock')}>
              {doc.locked ? dm.unlock : dm.lock}
            </Button>
          ) : null}
          {canManage ? (
            <Button variant="secondary" busy={act.isPending} onClick={() => run(doc.archived ? 'unarchive' : 'archive')}>
              {doc.archived ? dm.unarchive : dm.archive}
            </Button>
          ) : null}
        </div>
      ) : null}
      {renaming ? (
        <form className="docs-rename" onSubmit={submit} noValidate>
          <TextField label={dm.renameLabel(doc.title)} value={title} onChange={(e) => setTitle(e.target.value)} error={titleError} required maxLength={200} />
          <Button type="submit" busy={rename.isPending}>
            {dm.renameSave}
          </Button>
        </form>
      ) : null}
      {act.isError ? <ErrorMessage error={act.error} /> : null}
      {rename.isError ? <ErrorMessage error={rename.error} /> : null}
    </li>
  );
}
