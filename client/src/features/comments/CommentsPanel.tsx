import './comments.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useEditorState, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { ProjectDto } from '../../../../shared/api/types.js';
import { COMMENT_TYPES, COMMENT_TYPE_LABELS, type AnchorInput, type CommentFilters, type CommentStatus, type CommentType } from '../../../../shared/comments/types.js';
import { createAnchor, listSections } from '../../../../shared/editor/index.js';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { can } from '../projects/useProjectContext';
import { AmendmentSettings } from './AmendmentSettings';
import { Composer } from './Composer';
import { ThreadCard } from './ThreadCard';
import { commentQ } from './api';
import { rangeOf, setCommentHighlights, type HighlightAnchor } from './highlight';
import { cm } from './messages';
import { useLiveComments } from './useLiveComments';
import { useOpenRoundFor } from './useOpenRound';

type Draft = { anchors: AnchorInput[]; quote: string; singleBlock: boolean };

/** The current selection of the editor as a comment draft (null when nothing is selected). */
function selectionDraft(editor: Editor, doc: Y.Doc, documentId: string): Draft | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  try {
    const anchor = createAnchor(doc, from, to);
    const quote = editor.state.doc.textBetween(from, to, '\n');
    return { anchors: [{ kind: 'text', documentId, anchor }], quote, singleBlock: !quote.includes('\n') };
  } catch {
    return null; // a selection that is not inside text blocks (e.g. a whole table): nothing to anchor
  }
}

type Props = {
  project: ProjectDto;
  documentId: string;
  editor: Editor | null;
  /** The document's Yjs replica (the editor's), to anchor selections. */
  doc: Y.Doc | null;
  /** Called with the thread a highlighted passage designates, so the page can reveal the panel. */
  registerSelect?: (select: (threadId: string) => void) => void;
};

/**
 * The comments panel of the co-writing page: filters, « Commenter la sélection », the threads of the document
 * (highlighted in the text, live for everyone), and the facilitator's amendment setting.
 */
export function CommentsPanel({ project, documentId, editor, doc, registerSelect }: Props) {
  const [status, setStatus] = useState<CommentStatus | ''>('open');
  const [type, setType] = useState<CommentType | ''>('');
  const [communeId, setCommuneId] = useState('');
  const [authorId, setAuthorId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const filters: CommentFilters = { documentId, ...(status ? { status } : {}), ...(type ? { type } : {}), ...(communeId ? { communeId } : {}), ...(authorId ? { authorId } : {}), ...(sectionId ? { sectionId } : {}) };
  const threads = useQuery(commentQ.list(project.id, filters));
  const people = useQuery(commentQ.people(project.id));
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useLiveComments(project.id);
  const openRound = useOpenRoundFor(project.id, documentId);

  const canCreate = can(project, 'comment.create');
  const canPropose = can(project, 'amendment.propose');
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !!e && !e.state.selection.empty }) ?? false;
  const sections = useEditorState({ editor, selector: ({ editor: e }) => (e && doc ? listSections(doc).map((s) => ({ id: s.id, title: s.title })) : []), equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) }) ?? [];

  // Highlights follow the listed threads and the selected one.
  const anchors = useMemo<HighlightAnchor[]>(
    () =>
      (threads.data ?? []).flatMap((t) =>
        t.anchors.flatMap((a) => (a.kind === 'text' && a.documentId === documentId && !a.orphaned ? [{ threadId: t.id, start: a.anchor.start, end: a.anchor.end, type: t.type, resolved: t.status === 'resolved' }] : [])),
      ),
    [threads.data, documentId],
  );
  useEffect(() => {
    if (editor && !editor.isDestroyed) setCommentHighlights(editor.view, anchors, selected);
  }, [editor, anchors, selected]);

  const select = useCallback((threadId: string) => {
    setSelected(threadId);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  }, []);
  useEffect(() => registerSelect?.(select), [registerSelect, select]);

  // A notification's link (`?commentaire=<thread>`) selects that thread (showing resolved ones too if it is).
  const [params] = useSearchParams();
  const linked = params.get('commentaire');
  const [linkHandled, setLinkHandled] = useState(false);
  useEffect(() => {
    if (!linked || linkHandled || !threads.data) return;
    if (threads.data.some((t) => t.id === linked)) {
      setLinkHandled(true);
      select(linked);
    } else if (status !== '') {
      setStatus('');
    } else {
      setLinkHandled(true);
    }
  }, [linked, linkHandled, threads.data, status, select]);

  const reveal = (threadId: string) => {
    setSelected(threadId);
    const anchor = anchors.find((a) => a.threadId === threadId);
    if (!editor || !anchor) return;
    const range = rangeOf(editor.state, anchor);
    if (!range) return;
    editor.commands.setTextSelection(range);
    const dom = editor.view.domAtPos(range.from).node;
    (dom instanceof HTMLElement ? dom : dom.parentElement)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const startComment = () => {
    if (!editor || !doc) return;
    setDraft(selectionDraft(editor, doc, documentId));
  };

  const communes = project.participations.filter((p) => p.state !== 'retiree');
  const openCount = (threads.data ?? []).filter((t) => t.status === 'open').length;

  return (
    <section className="comment-panel" aria-labelledby="comment-panel-title">
      <div className="comment-panel-head">
        <h2 id="comment-panel-title" className="doc-side-title">
          {cm.panel} <span className="muted comment-panel-count">({cm.openCount(openCount)})</span>
        </h2>
        {canCreate ? (
          <Button onClick={startComment} disabled={!hasSelection || !!draft} aria-describedby={hasSelection ? undefined : 'comment-select-hint'}>
            {cm.commentSelection}
          </Button>
        ) : null}
      </div>
      {canCreate && !hasSelection && !draft ? (
        <p id="comment-select-hint" className="muted comment-hint">
          {cm.selectFirst}
        </p>
      ) : null}
      {!canCreate ? <p className="muted comment-hint">{cm.readersOnly}</p> : null}
      {draft && openRound ? <p className="muted comment-hint">{cm.attachedToRound(openRound.title)}</p> : null}
      {draft ? (
        <Composer
          projectId={project.id}
          anchors={draft.anchors}
          quote={draft.quote}
          people={people.data ?? []}
          allowAmendment={canPropose && draft.singleBlock}
          roundId={openRound?.id ?? null}
          onDone={(thread) => {
            setDraft(null);
            setStatus((s) => (s === 'resolved' ? '' : s));
            select(thread.id);
          }}
          onCancel={() => setDraft(null)}
        />
      ) : null}
      <details className="comment-filters">
        <summary>{cm.filters}</summary>
        <div className="comment-filters-grid">
          <SelectField label={cm.filterStatus} value={status} onChange={(e) => setStatus(e.target.value as CommentStatus | '')}>
            <option value="open">{cm.statusOpen}</option>
            <option value="resolved">{cm.statusResolved}</option>
            <option value="">{cm.all}</option>
          </SelectField>
          <SelectField label={cm.filterType} value={type} onChange={(e) => setType(e.target.value as CommentType | '')}>
            <option value="">{cm.all}</option>
            {COMMENT_TYPES.map((t) => <option key={t} value={t}>{COMMENT_TYPE_LABELS[t]}</option>)}
          </SelectField>
          <SelectField label={cm.filterCommune} value={communeId} onChange={(e) => setCommuneId(e.target.value)}>
            <option value="">{cm.allFeminine}</option>
            {communes.map((c) => <option key={c.communeId} value={c.communeId}>{c.communeName}</option>)}
          </SelectField>
          <SelectField label={cm.filterAuthor} value={authorId} onChange={(e) => setAuthorId(e.target.value)}>
            <option value="">{cm.all}</option>
            {(people.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </SelectField>
          <SelectField label={cm.filterSection} value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
            <option value="">{cm.allFeminine}</option>
            {sections.map((s) => <option key={s.id} value={s.id}>{s.title || '—'}</option>)}
          </SelectField>
        </div>
      </details>
      <div className="comment-list" ref={listRef}>
        <QueryState query={threads} loadingLabel={cm.loading}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={cm.emptyTitle} headingLevel={3}>
                {type || communeId || authorId || sectionId || status !== 'open' ? cm.emptyFiltered : cm.emptyText}
              </EmptyState>
            ) : (
              list.map((t) => <ThreadCard key={t.id} thread={t} people={people.data ?? []} selected={t.id === selected} onSelect={reveal} />)
            )
          }
        </QueryState>
      </div>
      {can(project, 'project.update') ? <AmendmentSettings projectId={project.id} /> : null}
    </section>
  );
}
