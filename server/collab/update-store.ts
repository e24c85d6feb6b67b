/**
 * Durable storage of Yjs documents behind a small interface, so PostgreSQL (or another store) can replace SQLite
 * without touching rooms: an append-only update log plus a compacted snapshot per document.
 *
 * Invariant: the document = snapshot (merge of every log row with id ≤ `last_update_id`) + log rows with larger ids.
 * Compaction replaces a prefix of the log by a new snapshot in ONE transaction, so a crash leaves either the old or
 * the new state, never a mix, and never changes content.
 */
import * as Y from 'yjs';
import type { Sqlite } from '../db/client.js';
import { nextTurn } from './async.js';

/** What a room needs to rebuild a document. */
export type StoredDocument = {
  snapshot: Uint8Array | null;
  /** Log rows after the snapshot, in commit order. */
  updates: Uint8Array[];
  /** Id of the last row read (or of the snapshot's last row when the log tail is empty); 0 for a new document. */
  lastId: number;
};

/**
 * The updates of one document committed in a group commit, in order, and the writes that must commit with them
 * (`Collaboration.edit`'s `inTransaction`), run after the updates inside the same transaction.
 */
export type AppendItem = { documentId: string; updates: readonly Uint8Array[]; inTransaction?: readonly (() => void)[] };

export type CompactionResult = {
  documentId: string;
  compactedRows: number;
  /** Bytes of the old snapshot and of the folded rows, replaced by `snapshotBytes`. */
  foldedBytes: number;
  snapshotBytes: number;
} | null;

export type UpdateStore = {
  /** Reads snapshot + log tail in one read transaction (a consistent view even while another room compacts). */
  load(documentId: string): StoredDocument;
  /** Appends every item in ONE transaction (group commit); throws (nothing written) when the transaction fails. */
  append(batch: readonly AppendItem[]): void;
  /**
   * Folds the log rows existing now into the snapshot, `chunkRows` rows per event-loop turn, then swaps in one
   * transaction. Returns null when there was nothing to do, another compaction of the document was running, or the
   * store closed meanwhile.
   */
  compact(documentId: string): Promise<CompactionResult>;
  /**
   * Compaction from a state the caller already holds: `state` must be the merge of every log row of the document
   * (a loaded room right after its commit — it is the only writer of its log — encoded without held-back structs).
   * In ONE transaction it becomes the snapshot and the rows are deleted. No doc is rebuilt, so a busy room does not
   * stall its event loop re-reading its own log. Null when there was nothing to fold.
   */
  compactWith(documentId: string, state: Uint8Array): CompactionResult;
  /** Stops compactions at their next chunk boundary and waits for them (before the database closes). */
  close(): Promise<void>;
};

type SnapshotRow = { data: Buffer; last_update_id: number };
type UpdateRow = { id: number; data: Buffer };

/** SQLite implementation on the shared better-sqlite3 connection, with prepared statements. */
export function createSqliteUpdateStore(sqlite: Sqlite, opts: { chunkRows: number; now?: () => string }): UpdateStore {
  const now = opts.now ?? (() => new Date().toISOString());
  const selectSnapshot = sqlite.prepare<[string], SnapshotRow>('SELECT data, last_update_id FROM doc_snapshots WHERE document_id = ?');
  const selectTail = sqlite.prepare<[string, number], UpdateRow>(
    'SELECT id, data FROM doc_updates WHERE document_id = ? AND id > ? ORDER BY id',
  );
  const selectChunk = sqlite.prepare<[string, number, number, number], UpdateRow>(
    'SELECT id, data FROM doc_updates WHERE document_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?',
  );
  const selectMaxId = sqlite.prepare<[string], { maxId: number | null }>('SELECT MAX(id) AS maxId FROM doc_updates WHERE document_id = ?');
  const insertUpdate = sqlite.prepare<[string, Uint8Array]>('INSERT INTO doc_updates (document_id, data) VALUES (?, ?)');
  const upsertSnapshot = sqlite.prepare<[string, Uint8Array, number, string]>(
    `INSERT INTO doc_snapshots (document_id, data, last_update_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(document_id) DO UPDATE SET data = excluded.data, last_update_id = excluded.last_update_id, updated_at = excluded.updated_at`,
  );
  const deleteUpTo = sqlite.prepare<[string, number]>('DELETE FROM doc_updates WHERE document_id = ? AND id <= ?');
  const selectTailBytes = sqlite.prepare<[string], { bytes: number | null }>('SELECT SUM(length(data)) AS bytes FROM doc_updates WHERE document_id = ?');

  const loadTx = sqlite.transaction((documentId: string): StoredDocument => {
    const snap = selectSnapshot.get(documentId);
    const base = snap?.last_update_id ?? 0;
    const rows = selectTail.all(documentId, base);
    return { snapshot: snap?.data ?? null, updates: rows.map((r) => r.data), lastId: rows.length ? rows[rows.length - 1].id : base };
  });
  const appendTx = sqlite.transaction((batch: readonly AppendItem[]) => {
    for (const item of batch) {
      for (const update of item.updates) insertUpdate.run(item.documentId, update);
      for (const write of item.inTransaction ?? []) write();
    }
  });
  const swapTx = sqlite.transaction((documentId: string, baseId: number, data: Uint8Array, upTo: number): number => {
    // Guard against a compaction that ran elsewhere meanwhile: the fold started from `baseId`.
    const current = selectSnapshot.get(documentId)?.last_update_id ?? 0;
    if (current !== baseId) throw new Error(`snapshot of ${documentId} moved during compaction`);
    upsertSnapshot.run(documentId, data, upTo, now());
    return deleteUpTo.run(documentId, upTo).changes;
  });

  const replaceTx = sqlite.transaction((documentId: string, state: Uint8Array): CompactionResult => {
    const upTo = selectMaxId.get(documentId)?.maxId ?? 0;
    const previous = selectSnapshot.get(documentId);
    if (upTo <= (previous?.last_update_id ?? 0)) return null;
    const foldedBytes = (previous?.data.byteLength ?? 0) + (selectTailBytes.get(documentId)?.bytes ?? 0);
    upsertSnapshot.run(documentId, state, upTo, now());
    const compactedRows = deleteUpTo.run(documentId, upTo).changes;
    return { documentId, compactedRows, foldedBytes, snapshotBytes: state.byteLength };
  });

  const running = new Map<string, Promise<CompactionResult>>();
  let closed = false;

  async function fold(documentId: string): Promise<CompactionResult> {
    const snap = selectSnapshot.get(documentId);
    const baseId = snap?.last_update_id ?? 0;
    const upTo = selectMaxId.get(documentId)?.maxId ?? 0;
    if (upTo <= baseId) return null;
    const doc = new Y.Doc();
    try {
      if (snap) Y.applyUpdate(doc, snap.data);
      let foldedBytes = snap?.data.byteLength ?? 0;
      let cursor = baseId;
      while (cursor < upTo) {
        await nextTurn();
        if (closed) return null;
        const rows = selectChunk.all(documentId, cursor, upTo, opts.chunkRows);
        if (rows.length === 0) break;
        doc.transact(() => {
          for (const row of rows) {
            Y.applyUpdate(doc, row.data);
            foldedBytes += row.data.byteLength;
          }
        });
        cursor = rows[rows.length - 1].id;
      }
      if (closed) return null;
      const data = Y.encodeStateAsUpdate(doc);
      const compactedRows = swapTx(documentId, baseId, data, upTo);
      return { documentId, compactedRows, foldedBytes, snapshotBytes: data.byteLength };
    } finally {
      doc.destroy();
    }
  }

  return {
    load: (documentId) => loadTx(documentId),
    append(batch) {
      if (batch.length) appendTx(batch);
    },
    compact(documentId) {
      if (closed || running.has(documentId)) return Promise.resolve(null);
      const task = fold(documentId).finally(() => running.delete(documentId));
      running.set(documentId, task);
      return task;
    },
    compactWith(documentId, state) {
      if (closed) return null;
      return replaceTx(documentId, state);
    },
    async close() {
      closed = true;
      await Promise.allSettled([...running.values()]);
    },
  };
}
