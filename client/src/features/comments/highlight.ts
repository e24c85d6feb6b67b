/**
 * Highlights of commented passages in the co-writing editor: a ProseMirror decoration plugin fed with the threads'
 * text anchors (Yjs relative positions, as the server stores them).
 *
 * Positions are computed from the relative positions with y-tiptap's helpers and the sync binding's mapping when
 * the anchors change and when a remote change arrives (the binding has just rebuilt the mapping); local edits only
 * map the existing decorations (the Yjs update of a local edit is written after the transaction is applied). A
 * range that collapsed (its text was deleted) is not drawn: the panel shows the thread as orphaned instead.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { decodeRelativePosition } from '../../../../shared/editor/encoding.js';
import type { CommentType } from '../../../../shared/comments/types.js';

/** One highlighted range: the thread it belongs to and its encoded relative positions. */
export type HighlightAnchor = { threadId: string; start: string; end: string; type: CommentType; resolved: boolean };

type HighlightState = { anchors: HighlightAnchor[]; active: string | null; set: DecorationSet };
type HighlightMeta = { anchors?: HighlightAnchor[]; active?: string | null };

/** Key of the plugin (to read the current ranges, e.g. to scroll to a thread). */
export const commentHighlightKey = new PluginKey<HighlightState>('comment-highlights');

/** A ProseMirror range of an anchor in the editor's current document, or null (collapsed, not mapped yet). */
export function rangeOf(state: EditorState, anchor: Pick<HighlightAnchor, 'start' | 'end'>): { from: number; to: number } | null {
  const sync = ySyncPluginKey.getState(state) as { doc?: import('yjs').Doc; type?: import('yjs').XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
  if (!sync?.binding || !sync.doc || !sync.type) return null;
  const start = decodeRelativePosition(anchor.start);
  const end = decodeRelativePosition(anchor.end);
  if (!start || !end) return null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mapping = sync.binding.mapping as any;
  const from = relativePositionToAbsolutePosition(sync.doc, sync.type, start, mapping);
  const to = relativePositionToAbsolutePosition(sync.doc, sync.type, end, mapping);
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
  return { from, to };
}

function build(state: EditorState, anchors: HighlightAnchor[], active: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const anchor of anchors) {
    if (anchor.resolved && anchor.threadId !== active) continue; // resolved threads are only drawn when selected
    const range = rangeOf(state, anchor);
    if (!range) continue;
    const classes = ['comment-mark', `comment-mark-${anchor.type}`];
    if (anchor.threadId === active) classes.push('comment-mark-active');
    decorations.push(Decoration.inline(range.from, range.to, { class: classes.join(' '), 'data-thread-id': anchor.threadId }, { threadId: anchor.threadId }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Options: what to do when a highlighted passage is clicked (the panel selects its thread). */
export type CommentHighlightsOptions = { onSelect: (threadId: string) => void };

/**
 * The TipTap extension. Feed it with `setCommentHighlights(editor, anchors, active)`; clicks on a highlight call
 * `onSelect` (read from the extension's options at click time, so the page can update it).
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions() {
    return { onSelect: () => {} };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightKey,
        state: {
          init: () => ({ anchors: [], active: null, set: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightKey) as HighlightMeta | undefined;
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
            if (meta || remote) {
              const anchors = meta?.anchors ?? value.anchors;
              const active = meta && 'active' in meta ? (meta.active ?? null) : value.active;
              return { anchors, active, set: build(state, anchors, active) };
            }
            if (!tr.docChanged) return value;
            return { ...value, set: value.set.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state)?.set,
          handleClick(view, pos) {
            const set = commentHighlightKey.getState(view.state)?.set;
            const found = set?.find(pos, pos)[0];
            const threadId = (found?.spec as { threadId?: string } | undefined)?.threadId;
            if (threadId) options.onSelect(threadId);
            return false; // the click still places the caret
          },
        },
      }),
    ];
  },
});

/** Replaces the highlighted anchors and the active thread. */
export function setCommentHighlights(view: { state: EditorState; dispatch: (tr: import('@tiptap/pm/state').Transaction) => void; isDestroyed?: boolean }, anchors: HighlightAnchor[], active: string | null): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightKey, { anchors, active } satisfies HighlightMeta).setMeta('addToHistory', false));
}
