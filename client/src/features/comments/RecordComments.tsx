import './comments.css';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { SECTION_FIELDS } from '../../../../shared/diagnostic/fields.js';
import type { SectionKey } from '../../../../shared/diagnostic/sections.js';
import { q } from '../../api/queries';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Composer } from './Composer';
import { ThreadCard } from './ThreadCard';
import { commentQ } from './api';
import { cm } from './messages';
import { CommentIcon, CountBadge } from './badges';

/** The open threads on a record (and per field), from the project's counts (one query for every row). */
export function useRecordCount(projectId: string, recordId: string): number {
  const counts = useQuery(commentQ.counts(projectId));
  return counts.data?.records[recordId] ?? 0;
}

/**
 * « Commenter » on a diagnostic row: a button with the number of open threads; it opens a dialog with the record's
 * threads and a form to comment on the whole record or one of its fields (a data correction by default).
 */
export function RecordComments({ projectId, section, recordId, label, extraFields = [], withText = false }: { projectId: string; section: SectionKey; recordId: string; label: string; extraFields?: { key: string; label: string }[]; /** Shows « Commenter » next to the icon (cards; tables keep the icon). */ withText?: boolean }) {
  const [open, setOpen] = useState(false);
  const count = useRecordCount(projectId, recordId);
  // A notification's link (`?commentaire=<thread>`) opens the dialog of the record that thread is about.
  const [params] = useSearchParams();
  const linked = params.get('commentaire');
  const thread = useQuery({ ...commentQ.thread(projectId, linked ?? ''), enabled: !!linked });
  const isLinked = !!thread.data?.anchors.some((a) => a.kind === 'diagnostic' && a.recordId === recordId);
  const [autoOpened, setAutoOpened] = useState(false);
  useEffect(() => {
    if (isLinked && !autoOpened) {
      setAutoOpened(true);
      setOpen(true);
    }
  }, [isLinked, autoOpened]);
  return (
    <>
      <Button variant="ghost" className="comment-record-button" aria-label={cm.commentRecord(label, count)} onClick={() => setOpen(true)}>
        {count > 0 ? <CountBadge n={count} /> : <CommentIcon />}
        {withText ? <span aria-hidden="true">{cm.commentAction}</span> : null}
      </Button>
      {open ? <RecordDialog projectId={projectId} section={section} recordId={recordId} label={label} extraFields={extraFields} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RecordDialog({ projectId, section, recordId, label, extraFields, onClose }: { projectId: string; section: SectionKey; recordId: string; label: string; extraFields: { key: string; label: string }[]; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const project = useQuery(q.project(projectId));
  const threads = useQuery(commentQ.list(projectId, { recordId }));
  const people = useQuery(commentQ.people(projectId));
  const [composing, setComposing] = useState(false);
  const canCreate = !!project.data?.myAbilities.includes('comment.create');
  const fields = [...SECTION_FIELDS[section].filter((f) => f.key !== 'communeId' && f.kind !== 'needs').map((f) => ({ key: f.key, label: f.short ?? f.label })), ...extraFields];
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const titleId = `record-comments-${recordId}`;
  return (
    <dialog ref={ref} className="comment-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="comment-dialog-head">
        <h2 id={titleId}>{cm.recordDialog(label)}</h2>
        <Button variant="ghost" onClick={() => ref.current?.close()}>
          {cm.close}
        </Button>
      </div>
      {canCreate && !composing ? <Button onClick={() => setComposing(true)}>{cm.newComment}</Button> : null}
      {!canCreate && project.data ? <p className="muted">{cm.readersOnly}</p> : null}
      {composing ? (
        <Composer
          projectId={projectId}
          anchors={[{ kind: 'diagnostic', recordType: section, recordId }]}
          fields={fields}
          people={people.data ?? []}
          allowAmendment={false}
          onDone={() => setComposing(false)}
          onCancel={() => setComposing(false)}
        />
      ) : null}
      <div className="comment-list">
        <QueryState query={threads} loadingLabel={cm.loading}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={cm.emptyTitle} headingLevel={3}>
                {canCreate ? 'Signalez une donnée à corriger, posez une question ou apportez une information avec « Nouveau commentaire ».' : null}
              </EmptyState>
            ) : (
              list.map((t) => <ThreadCard key={t.id} thread={t} people={people.data ?? []} />)
            )
          }
        </QueryState>
      </div>
    </dialog>
  );
}
