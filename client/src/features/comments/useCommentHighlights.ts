import { useCallback, useMemo, useRef } from 'react';
import { CommentHighlights } from './highlight';

/**
 * The highlight extension for the co-writing editor, created once per page, and the way for the comments panel to
 * receive clicks on highlighted passages (`registerSelect`), without recreating the editor.
 */
export function useCommentHighlights() {
  const selectRef = useRef<(threadId: string) => void>(() => {});
  const extension = useMemo(() => CommentHighlights.configure({ onSelect: (threadId) => selectRef.current(threadId) }), []);
  const registerSelect = useCallback((select: (threadId: string) => void) => {
    selectRef.current = select;
  }, []);
  return { extension, registerSelect };
}
