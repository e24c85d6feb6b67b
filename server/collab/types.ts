/**
 * The collaboration service as the rest of the server sees it (documents routes, workshops, amendments, exports).
 * Implemented by `createCollaboration` in `server/collab/index.ts`.
 */
import type * as Y from 'yjs';
import type { PresenceUser } from '../../shared/events/types.js';

/** Options of {@link Collaboration.edit}. */
export type EditOptions = {
  /**
   * Runs inside the SQLite transaction that persists the edit's update, before anything is broadcast, so rows
   * written here (e.g. an amendment decision) commit atomically with the text change. It must only write — decide in
   * `fn`, which runs synchronously just before — and be safe to run again: when the write fails, the update stays
   * pending and is retried together with it. When `fn` changed nothing, it runs at once in its own transaction.
   */
  inTransaction?: () => void;
};

export type Collaboration = {
  /**
   * Applies a server-side edit inside the document's room (loading it if needed): the resulting update is
   * committed to SQLite before it is broadcast to connected clients. `fn` runs inside one `doc.transact`.
   */
  edit(documentId: string, fn: (doc: Y.Doc) => void, options?: EditOptions): Promise<void>;
  /** Reads the current document (loading the room if needed, without keeping it loaded longer than usual). */
  read<T>(documentId: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Lock or unlock a document (the caller has recorded it in the `documents` table): connected clients learn at once. */
  lockChanged(documentId: string): void;
  /** Who is connected to a document, from the server's connection registry. */
  presence(documentId: string): PresenceUser[];
  /** Called on every presence change (join/leave) of any document. */
  onPresenceChange(listener: (documentId: string, users: PresenceUser[]) => void): () => void;
  /** Flushes every room and closes every socket with `code` (1001 going away, 1012 restarting). */
  shutdown(code: 1001 | 1012): Promise<void>;
};
