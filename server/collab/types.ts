/**
 * The collaboration service as the rest of the server sees it (documents routes, workshops, amendments, exports).
 * Implemented by `createCollaboration` in `server/collab/index.ts`.
 */
import type * as Y from 'yjs';
import type { PresenceUser } from '../../shared/events/types.js';

export type Collaboration = {
  /**
   * Applies a server-side edit inside the document's room (loading it if needed): the resulting update is
   * committed to SQLite before it is broadcast to connected clients. `fn` runs inside one `doc.transact`.
   */
  edit(documentId: string, fn: (doc: Y.Doc) => void): Promise<void>;
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
