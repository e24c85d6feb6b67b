import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { VersionDto } from '../../../../../shared/versions/types.js';
import { VERSION_LABEL_MAX } from '../../../../../shared/versions/types.js';
import { Button } from '../../../ui/Button';
import { Badge } from '../../../ui/Badge';
import { TextField } from '../../../ui/Field';
import { Spinner } from '../../../ui/Spinner';
import { ErrorMessage, SuccessMessage } from '../../../ui/ErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { versionQueries, useCreateVersion, useRestoreVersion } from './versions.api';
import { ReadOnlyContent } from './ReadOnlyContent';
import { DiffView } from './DiffView';
import { versionMessages as m } from './messages';
import './versions.css';

type Opened = { version: VersionDto; mode: 'view' | 'compare' };

/**
 * The versions of a document, for the editor's side panel: list (label, kind, who, when), « Créer une version »,
 * read-only view, « Comparer avec maintenant » and « Restaurer » (with confirmation, only when `canRestore`).
 * `canCreate` (default true) hides the creation form for read-only viewers. The server decides anyway: a refused
 * action shows its French message.
 */
export function VersionsPanel({ documentId, canRestore, canCreate = true }: { documentId: string; canRestore: boolean; canCreate?: boolean }) {
  const headingId = useId();
  const list = useQuery(versionQueries.list(documentId));
  const [opened, setOpened] = useState<Opened | null>(null);
  const [confirming, setConfirming] = useState<VersionDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const restore = useRestoreVersion(documentId);

  const onRestore = (version: VersionDto) => {
    restore.mutate(version.id, {
      onSuccess: () => {
        setConfirming(null);
        setOpened(null);
        setNotice(m.restored(version.label));
      },
    });
  };

  return (
    <section className="versions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.title}</h2>
      <p className="field-hint">{m.intro}</p>
      {canCreate ? <CreateVersionForm documentId={documentId} onCreated={(label) => setNotice(m.created(label))} /> : null}
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      {list.isPending ? (
        <Spinner label={m.loading} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ul className="versions-list" aria-label={m.listLabel}>
          {list.data.map((version) => (
            <li key={version.id} className="versions-item">
              <p className="versions-item-label">
                <strong>{version.label}</strong> <Badge tone={version.kind === 'manual' ? 'info' : 'outline'}>{m.kinds[version.kind]}</Badge>
              </p>
              <p className="versions-item-meta">
                {m.by(version.createdBy.name)}
                <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
              </p>
              <div className="versions-item-actions">
                <Button variant="secondary" aria-pressed={opened?.version.id === version.id && opened.mode === 'view'} onClick={() => setOpened({ version, mode: 'view' })}>
                  {m.view}
                </Button>
                <Button variant="secondary" aria-pressed={opened?.version.id === version.id && opened.mode === 'compare'} onClick={() => setOpened({ version, mode: 'compare' })}>
                  {m.compare}
                </Button>
                {canRestore ? (
                  <Button variant="danger" onClick={() => (restore.reset(), setConfirming(version))}>
                    {m.restore}
                  </Button>
                ) : null}
              </div>
              {confirming?.id === version.id ? (
                <ConfirmRestore
                  version={version}
                  busy={restore.isPending}
                  error={restore.error}
                  onConfirm={() => onRestore(version)}
                  onCancel={() => setConfirming(null)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {opened ? <OpenedVersion documentId={documentId} opened={opened} onClose={() => setOpened(null)} /> : null}
    </section>
  );
}

function CreateVersionForm({ documentId, onCreated }: { documentId: string; onCreated: (label: string) => void }) {
  const [label, setLabel] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const create = useCreateVersion(documentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) return setFieldError(m.labelRequired);
    setFieldError(null);
    create.mutate(trimmed, {
      onSuccess: (version) => {
        setLabel('');
        onCreated(version.label);
      },
    });
  };
  return (
    <form className="versions-create" onSubmit={submit} noValidate aria-label={m.createTitle}>
      <TextField
        label={m.labelField}
        hint={m.labelHint}
        value={label}
        maxLength={VERSION_LABEL_MAX}
        required
        error={fieldError}
        onChange={(e) => setLabel(e.target.value)}
      />
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <Button type="submit" busy={create.isPending} busyLabel={m.creating}>
        {m.create}
      </Button>
    </form>
  );
}

function ConfirmRestore({ version, busy, error, onConfirm, onCancel }: { version: VersionDto; busy: boolean; error: unknown; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe choice gets the focus, so that Enter does not restore by accident.
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      className="versions-confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={titleId} className="alert-title">{m.confirmTitle(version.label)}</p>
      <p id={textId}>{m.confirmText}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="versions-item-actions">
        <Button variant="danger" busy={busy} busyLabel={m.restoring} onClick={onConfirm}>
          {m.confirm}
        </Button>
        <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}

function OpenedVersion({ documentId, opened, onClose }: { documentId: string; opened: Opened; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { version, mode } = opened;
  const detail = useQuery({ ...versionQueries.one(documentId, version.id), enabled: mode === 'view' });
  const diff = useQuery({ ...versionQueries.diff(documentId, version.id), enabled: mode === 'compare' });
  // Move the focus to what was just opened, so keyboard and screen reader users land on it.
  useEffect(() => headingRef.current?.focus(), [version.id, mode]);
  const query = mode === 'view' ? detail : diff;
  return (
    <section className="versions-opened" aria-label={mode === 'view' ? m.viewTitle(version.label) : m.compareTitle(version.label)}>
      <div className="versions-opened-head">
        <h3 ref={headingRef} tabIndex={-1}>
          {mode === 'view' ? m.viewTitle(version.label) : m.compareTitle(version.label)}
        </h3>
        <Button variant="ghost" onClick={onClose}>
          {m.close}
        </Button>
      </div>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : mode === 'view' && detail.data ? (
        <ReadOnlyContent content={detail.data.content} emptyText={m.emptyContent} />
      ) : diff.data ? (
        <DiffView diff={diff.data} />
      ) : null}
    </section>
  );
}
