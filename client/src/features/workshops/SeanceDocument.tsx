import { useEffect, useId, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EditorContent, useEditorState, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { listSections, resolveSection } from '../../../../shared/editor/index.js';
import { userColor } from '../../../../shared/collab/colors.js';
import type { FollowTarget, SeanceViewDto } from '../../../../shared/workshops/types.js';
import { useMe } from '../../app/session';
import { useCollabSession } from '../../collab/useCollabSession';
import { useCollabEditor } from '../../editor/useCollabEditor';
import { Toolbar } from '../../editor/Toolbar';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { docKeys, docQ } from '../documents/api';
import { ConnectionStatus } from '../documents/ConnectionStatus';
import { EditorBanner } from '../documents/EditorBanner';
import { dm } from '../documents/messages';
import { useSeanceAction } from './api';
import { wm } from './messages';

/** Reads the text selected in the embedded editor (for a poll about a passage); empty when nothing is selected. */
export type SelectionReader = MutableRefObject<() => string>;

/** Index of the top-level block of the target section in the Y.Doc: by its id, or by its title as a fallback. */
function sectionIndex(doc: Y.Doc, target: Pick<FollowTarget, 'sectionId' | 'sectionTitle'>): number | null {
  if (target.sectionId) {
    const s = resolveSection(doc, target.sectionId);
    if (s) return s.start;
  }
  const title = target.sectionTitle?.trim().toLowerCase();
  if (!title) return null;
  return listSections(doc).find((s) => s.title.trim().toLowerCase() === title)?.start ?? null;
}

/** ProseMirror position of the top-level block `index` (Yjs and ProseMirror keep the same top-level order). */
function blockPos(editor: Editor, index: number): number | null {
  let pos: number | null = null;
  editor.state.doc.forEach((_node, offset, i) => {
    if (i === index) pos = offset;
  });
  return pos;
}

/** Top-level headings with their block index, for the facilitator's « montrer à tous » list. */
function headingsOf(editor: Editor): { index: number; level: number; title: string }[] {
  const out: { index: number; level: number; title: string }[] = [];
  editor.state.doc.forEach((node, _offset, index) => {
    if (node.type.name === 'heading') out.push({ index, level: Number(node.attrs.level ?? 1), title: node.textContent });
  });
  return out;
}

/**
 * The document on screen in the séance room. Participants follow the facilitator (« Suivre l'animatrice »: same
 * document, scrolled to the section she shows) until they pick another document; one click rejoins. The
 * facilitator's choice of document and section is what everyone follows.
 */
export function SeanceDocument({ state, control, selection }: { state: SeanceViewDto; control: boolean; selection: SelectionReader }) {
  const [following, setFollowing] = useState(true);
  const [own, setOwn] = useState<string | null>(null);
  const act = useSeanceAction(state.id);
  const target = state.follow?.documentId ?? state.compteRenduId ?? state.documents[0]?.id ?? null;
  const documentId = control || following ? target : (own ?? target);
  const ended = state.status === 'terminee';
  const choose = (id: string) => {
    if (control) act.mutate({ method: 'PUT', path: '/follow', body: { documentId: id, sectionId: null, sectionTitle: null } });
    else {
      setOwn(id);
      setFollowing(id === target);
    }
  };
  const current = state.documents.find((d) => d.id === documentId);

  return (
    <section className="seance-doc" aria-labelledby="seance-doc-title">
      <div className="seance-doc-head">
        <h3 id="seance-doc-title">{wm.documentTitle}</h3>
        {state.documents.length > 1 ? (
          <label className="seance-doc-select">
            <span>{wm.chooseDocument}</span>
            <select value={documentId ?? ''} onChange={(e) => choose(e.target.value)} disabled={control && ended}>
              {state.documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                  {d.locked ? ` (${wm.lockedBadge.toLowerCase()})` : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {!control && !ended ? (
          following ? (
            <p className="seance-follow seance-follow-on" data-testid="follow-status" data-following="true">
              <span>{wm.following}</span>
              <Button variant="ghost" onClick={() => setFollowing(false)} aria-pressed="true">
                {wm.detach}
              </Button>
            </p>
          ) : (
            <p className="seance-follow" data-testid="follow-status" data-following="false">
              <span>{wm.detached}</span>
              <Button variant="secondary" onClick={() => setFollowing(true)}>
                {wm.rejoin}
              </Button>
            </p>
          )
        ) : null}
        {control && current && !ended ? (
          <Button variant="secondary" onClick={() => act.mutate({ path: '/locks', body: { documentId: current.id, locked: !current.locked } })} busy={act.isPending} data-testid="lock-toggle">
            {current.locked ? wm.unlockThis : wm.lockThis}
          </Button>
        ) : null}
      </div>
      {act.isError ? <ErrorMessage error={act.error} /> : null}
      {documentId ? (
        <EmbeddedEditor
          key={documentId}
          documentId={documentId}
          projectId={state.projectId}
          locked={!!current?.locked}
          target={(control || following) && state.follow?.documentId === documentId ? state.follow : null}
          onShow={control && !ended ? (body) => act.mutate({ method: 'PUT', path: '/follow', body: { documentId, ...body } }) : null}
          selection={selection}
        />
      ) : (
        <p className="muted">{wm.noDocument}</p>
      )}
    </section>
  );
}

function EmbeddedEditor({
  documentId,
  projectId,
  locked,
  target,
  onShow,
  selection,
}: {
  documentId: string;
  projectId: string;
  locked: boolean;
  target: FollowTarget | null;
  onShow: ((section: { sectionId: string; sectionTitle: string }) => void) | null;
  selection: SelectionReader;
}) {
  const me = useMe();
  const queryClient = useQueryClient();
  const detail = useQuery(docQ.detail(documentId));
  const { session, snapshot } = useCollabSession(documentId, me.id);
  const [shown, setShown] = useState<string | null>(null);
  const paper = useRef<HTMLDivElement>(null);
  // The lock changed (séance state): the abilities of the document changed too.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: docKeys.detail(documentId) });
  }, [locked, documentId, queryClient]);
  const doc = detail.data;
  const hintWritable = doc ? doc.myAbilities.includes('document.write') && !doc.archived : true;
  const readOnlyReason = snapshot.readOnly ?? (doc && !hintWritable ? (doc.archived ? 'archived' : doc.locked ? 'locked' : 'read_only') : null);
  const editable = snapshot.loaded && !snapshot.closed && readOnlyReason === null;
  const user = useMemo(() => ({ id: me.id, name: me.name, role: me.role, communeId: me.communeId ?? null, color: userColor(me.id) }), [me.id, me.name, me.role, me.communeId]);
  const editor = useCollabEditor(session, user, editable, dm.editorLabel(doc?.title ?? ''));
  const headings = useEditorState({ editor, selector: ({ editor: e }) => (e ? headingsOf(e) : []), equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) }) ?? [];

  useEffect(() => {
    selection.current = () => {
      if (!editor) return '';
      const { from, to } = editor.state.selection;
      return from === to ? '' : editor.state.doc.textBetween(from, to, ' ').trim();
    };
  }, [editor, selection]);

  // Follow the facilitator: scroll to the section she shows, as soon as it exists in our replica.
  const targetKey = target ? `${target.at}|${target.sectionId ?? ''}|${target.sectionTitle ?? ''}` : null;
  useEffect(() => {
    if (!editor || !session || !target || !snapshot.loaded || (!target.sectionId && !target.sectionTitle)) return;
    let done = false;
    const attempt = () => {
      if (done || editor.isDestroyed) return;
      const index = sectionIndex(session.doc, target);
      const pos = index === null ? null : blockPos(editor, index);
      const dom = pos === null ? null : editor.view.nodeDOM(pos);
      if (!(dom instanceof HTMLElement)) return;
      done = true;
      // Scroll the text, not the page: the participant keeps the agenda and the panels where they are.
      const box = paper.current;
      if (box) {
        const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        const top = box.scrollTop + dom.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
        box.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
      }
      setShown(dom.textContent ?? target.sectionTitle ?? '');
      box?.querySelectorAll('.seance-followed').forEach((el) => el.classList.remove('seance-followed'));
      dom.classList.add('seance-followed');
    };
    attempt();
    editor.on('update', attempt);
    return () => {
      done = true;
      editor.off('update', attempt);
    };
    // targetKey carries the target's identity; the object itself changes with every state.
  }, [editor, session, snapshot.loaded, targetKey]);

  const show = (index: number) => {
    if (!session || !onShow) return;
    const section = listSections(session.doc).find((s) => s.start === index);
    if (section) onShow({ sectionId: section.id, sectionTitle: section.title });
  };

  if (detail.isError && !session) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <div className="seance-editor">
      <div className="seance-editor-status">
        {doc?.locked ? <Badge tone="warning">{dm.locked}</Badge> : null}
        <ConnectionStatus status={snapshot.status} />
        <Link to={`/projets/${encodeURIComponent(projectId)}/documents/${encodeURIComponent(documentId)}`}>{wm.openFull}</Link>
      </div>
      <EditorBanner reason={readOnlyReason} closed={snapshot.closed} />
      {shown && target ? (
        <p className="seance-followed-line" data-testid="followed-section" data-section={shown}>
          {wm.followedSection(shown)}
        </p>
      ) : null}
      {onShow && headings.length ? <SectionPicker headings={headings} onShow={show} /> : null}
      {editor ? <Toolbar editor={editor} disabled={!editable} /> : null}
      <div className="doc-paper seance-paper" ref={paper} aria-busy={!snapshot.loaded} data-testid="seance-paper">
        {!snapshot.loaded ? <Spinner label={dm.loading} /> : null}
        {editor ? <EditorContent editor={editor} className="doc-editor" data-testid="doc-editor" /> : null}
      </div>
    </div>
  );
}

/** The facilitator picks a section of the document and shows it to everyone who follows her. */
function SectionPicker({ headings, onShow }: { headings: { index: number; level: number; title: string }[]; onShow(index: number): void }) {
  const [picked, setIndex] = useState<number>(headings[0]?.index ?? 0);
  // Headings move as people write: fall back to the first one when the picked block is no longer a heading.
  const index = headings.some((h) => h.index === picked) ? picked : (headings[0]?.index ?? 0);
  const id = useId();
  return (
    <div className="seance-sections">
      <label htmlFor={id}>{wm.sectionsTitle}</label>
      <select id={id} value={index} onChange={(e) => setIndex(Number(e.target.value))} data-testid="section-picker">
        {headings.map((h) => (
          <option key={h.index} value={h.index}>
            {`${'\u00a0\u00a0'.repeat(Math.max(0, h.level - 1))}${h.title.trim() || '—'}`}
          </option>
        ))}
      </select>
      <Button variant="secondary" onClick={() => onShow(index)} data-testid="show-section">
        {wm.showToAll}
      </Button>
    </div>
  );
}
