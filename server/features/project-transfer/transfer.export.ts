/**
 * Export of a whole project: every row of its tables (see `transfer.tables.ts`) and the Yjs state of each of its
 * documents, read in ONE read transaction so the file is a consistent picture even while people keep editing.
 * Document text is read from the durable update store (committed before anyone saw it), never from a room.
 */
import * as Y from 'yjs';
import type { Sqlite } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { createSqliteUpdateStore, type UpdateStore } from '../../collab/update-store.js';
import { projectTables, quoteIdent as q } from './transfer.tables.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, encodeValue, type ProjectArchive } from './transfer.format.js';

const stores = new WeakMap<Sqlite, UpdateStore>();

/** The update store on this connection (the same implementation the collaboration server writes through). */
export function transferStore(sqlite: Sqlite): UpdateStore {
  let store = stores.get(sqlite);
  if (!store) stores.set(sqlite, (store = createSqliteUpdateStore(sqlite, { chunkRows: 500 })));
  return store;
}

/** The stored Yjs state of a document as one update (snapshot + log tail merged), or null when nothing is stored. */
export function storedState(store: UpdateStore, documentId: string): Uint8Array | null {
  const stored = store.load(documentId);
  const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
  if (parts.length === 0) return null;
  return parts.length === 1 ? new Uint8Array(parts[0]) : Y.mergeUpdates(parts);
}

/** Builds the transfer file of `projectId` (404 `project_not_found` when it does not exist). */
export function exportProject(sqlite: Sqlite, projectId: string, exportedAt: string): ProjectArchive {
  const tables = projectTables(sqlite);
  const store = transferStore(sqlite);
  const read = sqlite.transaction((): ProjectArchive => {
    const archive: ProjectArchive = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt, projectId, tables: {}, documents: {} };
    for (const t of tables) {
      const columns = t.columns.map((c) => c.name);
      const rows = sqlite
        .prepare(`SELECT ${columns.map(q).join(', ')} FROM ${q(t.name)} WHERE ${t.where} ORDER BY rowid`)
        .safeIntegers(true)
        .raw(true)
        .all({ project: projectId }) as unknown[][];
      if (t.name === 'projects' && rows.length === 0) throw notFound('Projet introuvable.', 'project_not_found');
      archive.tables[t.name] = { columns, rows: rows.map((r) => r.map(encodeValue)) };
    }
    const docs = archive.tables.documents;
    const idIndex = docs?.columns.indexOf('id') ?? -1;
    for (const row of docs?.rows ?? []) {
      const documentId = String(row[idIndex]);
      const state = storedState(store, documentId);
      if (state) archive.documents[documentId] = Buffer.from(state).toString('base64');
    }
    return archive;
  });
  return read();
}

/** Row counts per table and the number of documents with text: for the audit trail and the CLI. */
export function archiveSummary(archive: ProjectArchive): { tables: Record<string, number>; documents: number } {
  return {
    tables: Object.fromEntries(Object.entries(archive.tables).filter(([, t]) => t.rows.length > 0).map(([name, t]) => [name, t.rows.length])),
    documents: Object.keys(archive.documents).length,
  };
}
