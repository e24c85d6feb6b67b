import './comments.css';
import { useQuery } from '@tanstack/react-query';
import type * as Y from 'yjs';
import { listSections } from '../../../../shared/editor/index.js';
import { commentQ } from './api';
import { cm } from './messages';

/** A speech-bubble icon (decorative: the button or badge around it carries the words). */
export function CommentIcon() {
  return (
    <svg className="comment-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H8l-3.6 3v-3H4.5A1.5 1.5 0 0 1 3 12.5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}

/** A small count of open threads: the number is shown, the full sentence is read by screen readers. */
export function CountBadge({ n }: { n: number }) {
  return (
    <span className="comment-count" title={cm.badge(n)}>
      <CommentIcon />
      <span aria-hidden="true">{n}</span>
      <span className="visually-hidden">{cm.badge(n)}</span>
    </span>
  );
}

/** Open threads on a document, for the documents list (nothing when there are none). */
export function DocumentCommentBadge({ projectId, documentId }: { projectId: string; documentId: string }) {
  const counts = useQuery(commentQ.counts(projectId));
  const n = counts.data?.documents[documentId] ?? 0;
  return n > 0 ? <CountBadge n={n} /> : null;
}

/**
 * Open threads per section of a document, keyed by the index of the section's heading among the top-level blocks
 * (the outline's items), for the outline's badges.
 */
export function useSectionCommentCounts(projectId: string, documentId: string, doc: Y.Doc | null): (blockIndex: number) => number {
  const counts = useQuery(commentQ.counts(projectId));
  const perSection = counts.data?.sections[documentId] ?? {};
  return (blockIndex: number) => {
    if (!doc || Object.keys(perSection).length === 0) return 0;
    const section = listSections(doc).find((s) => s.start === blockIndex);
    return section ? (perSection[section.id] ?? 0) : 0;
  };
}
