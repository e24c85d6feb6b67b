import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { EditorContent } from '@tiptap/react';
import { DOCUMENT_KIND_LABELS } from '../../../../shared/documents/kinds.js';
import { userColor } from '../../../../shared/collab/colors.js';
import type { PresenceUser } from '../../../../shared/events/types.js';
import { useMe } from '../../app/session';
import { useCollabSession } from '../../collab/useCollabSession';
import { useCollabEditor } from '../../editor/useCollabEditor';
import { Toolbar } from '../../editor/Toolbar';
import { Outline } from '../../editor/Outline';
import { Badge } from '../../ui/Badge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useProjectContext } from '../projects/useProjectContext';
import { docQ } from './api';
import { ConnectionStatus } from './ConnectionStatus';
import { EditorBanner } from './EditorBanner';
import { LostTextDialog } from './LostTextDialog';
import { PresenceList } from './PresenceList';
import { VersionsSlot } from './VersionsSlot';
import { dm } from './messages';
import { useDocumentEvents } from './useDocumentEvents';
import { CommentsPanel } from '../comments/CommentsPanel';
import { CountBadge, useSectionCommentCounts } from '../comments/badges';
import { useCommentHighlights } from '../comments/useCommentHighlights';

/**
 * `/projets/:projectId/documents/:documentId`: the co-writing page. The text is a TipTap editor bound to the
 * document's Yjs session (WebSocket + IndexedDB replica); whether it is editable follows the server's auth messages
 * (read-only, locked, writable again), with the document's `myAbilities` only as a first hint before they arrive.
 * Side panel: presence, outline, versions.
 */
export function DocumentEditorPage() {
  const { project } = useProjectContext();
  const { documentId = '' } = useParams();
  const me = useMe();
  const detail = useQuery(docQ.detail(documentId));
  const { session, snapshot, lostText, dismissLostText } = useCollabSession(documentId, me.id);
  const [registry, setRegistry] = useState<PresenceUser[] | null>(null);
  const onPresence = useCallback(
    (id: string, users: PresenceUser[]) => {
      if (id === documentId) setRegistry(users);
    },
    [documentId],
  );
  useDocumentEvents(project.id, onPresence);

  const doc = detail.data;
  useDocumentTitle(doc?.title ?? dm.title, project.title);
  const hintWritable = doc ? doc.myAbilities.includes('document.write') && !doc.archived : true;
  const readOnlyReason = snapshot.readOnly ?? (doc && !hintWritable ? (doc.archived ? 'archived' : doc.locked ? 'locked' : 'read_only') : null);
  const editable = snapshot.loaded && !snapshot.closed && readOnlyReason === null;
  // What the server stamps on our awareness state anyway; claimed locally too so that our own entry is complete.
  const user = useMemo(
    () => ({ id: me.id, name: me.name, role: me.role, communeId: me.communeId ?? null, color: userColor(me.id) }),
    [me.id, me.name, me.role, me.communeId],
  );
  const highlights = useCommentHighlights();
  const extensions = useMemo(() => [highlights.extension], [highlights.extension]);
  const editor = useCollabEditor(session, user, editable, dm.editorLabel(doc?.title ?? ''), extensions);
  const sectionComments = useSectionCommentCounts(project.id, documentId, session?.doc ?? null);

  if (detail.isError && !session) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />;

  return (
    <div className="doc-page">
      <div className="doc-head">
        <p className="doc-back">
          <Link to={`/projets/${encodeURIComponent(project.id)}/documents`}>← {dm.back}</Link>
        </p>
        <div className="doc-head-row">
          <h2 className="doc-title">
            {doc?.title ?? dm.title}
            {doc ? <span className="doc-kind">{DOCUMENT_KIND_LABELS[doc.kind]}</span> : null}
          </h2>
          {doc?.locked ? <Badge tone="warning">{dm.locked}</Badge> : null}
          <ConnectionStatus status={snapshot.status} />
        </div>
      </div>
      <EditorBanner reason={readOnlyReason} closed={snapshot.closed} />
      <div className="doc-layout">
        <div className="doc-main">
          {editor ? <Toolbar editor={editor} disabled={!editable} /> : null}
          <div className="doc-paper" aria-busy={!snapshot.loaded}>
            {!snapshot.loaded ? <Spinner label={dm.loading} /> : null}
            {editor ? <EditorContent editor={editor} className="doc-editor" data-testid="doc-editor" /> : null}
          </div>
        </div>
        <aside className="doc-side" aria-label={dm.side}>
          <PresenceList session={session} meId={me.id} territoryId={project.territoryId} registry={registry} />
          <CommentsPanel project={project} documentId={documentId} editor={editor} doc={session?.doc ?? null} registerSelect={highlights.registerSelect} />
          {editor ? <Outline editor={editor} badge={(item) => (sectionComments(item.index) > 0 ? <CountBadge n={sectionComments(item.index)} /> : null)} /> : null}
          <VersionsSlot documentId={documentId} canRestore={!!doc?.myAbilities.includes('document.manage')} />
        </aside>
      </div>
      {lostText !== null ? <LostTextDialog text={lostText} onClose={dismissLostText} /> : null}
    </div>
  );
}
