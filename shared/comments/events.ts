/** Live events of comments and amendments (merged into `LiveEventPayloads` in `shared/events/types.ts`). */
import type { CommentType } from './types.js';

/** What changed in a thread (`comment.updated`). */
export type CommentChange = 'reply' | 'edited' | 'deleted' | 'resolved' | 'reopened' | 'vote';

/**
 * Audience `comment.read`. Payloads only identify what changed: screens refetch through the API, which applies the
 * permissions of the viewer (the SSE stream filters the event itself by `comment.read` on the project).
 */
export type CommentEventPayloads = {
  /** A thread was opened; `documentIds`/`recordIds`/`scenarioIds` say which screens show it. */
  'comment.created': { threadId: string; type: CommentType; documentIds: string[]; recordIds: string[]; scenarioIds: string[]; by: string };
  'comment.updated': { threadId: string; change: CommentChange; documentIds: string[]; recordIds: string[]; scenarioIds: string[]; by: string };
  /** An amendment was accepted (the text changed in the room, already broadcast) or rejected. */
  'amendment.decided': { threadId: string; amendmentId: string; documentId: string; status: 'acceptee' | 'rejetee'; by: string };
};
