/**
 * Test helpers of the project transfer: remove a project from a database (to get "the same instance minus that
 * project" as an import target), and dump a project's rows and document states for byte-level comparison.
 */
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sqlite } from '../../../server/db/client.js';
import { projectTables, quoteIdent as q } from '../../../server/features/project-transfer/transfer.tables.js';
import { storedState, transferStore } from '../../../server/features/project-transfer/transfer.export.js';

/** Deletes every row of the project (children first) and its documents' Yjs storage, in one transaction. */
export function deleteProjectRows(sqlite: Sqlite, projectId: string): void {
  const tables = projectTables(sqlite);
  const documentIds = sqlite.prepare('SELECT id FROM documents WHERE project_id = ?').pluck().all(projectId) as string[];
  sqlite.transaction(() => {
    for (const t of [...tables].reverse()) sqlite.prepare(`DELETE FROM ${q(t.name)} WHERE ${t.where}`).run({ project: projectId });
    for (const id of documentIds) {
      sqlite.prepare('DELETE FROM doc_updates WHERE document_id = ?').run(id);
      sqlite.prepare('DELETE FROM doc_snapshots WHERE document_id = ?').run(id);
    }
  })();
}

/** Every row of every project table (exact SQLite values: integers as bigint, blobs as Buffers), by table. */
export function dumpProject(sqlite: Sqlite, projectId: string): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const t of projectTables(sqlite)) {
    out[t.name] = sqlite
      .prepare(`SELECT ${t.columns.map((c) => `${q(c.name)}, typeof(${q(c.name)})`).join(', ')} FROM ${q(t.name)} WHERE ${t.where} ORDER BY rowid`)
      .safeIntegers(true)
      .raw(true)
      .all({ project: projectId }) as unknown[][];
  }
  return out;
}

/** The stored document rebuilt into a Y.Doc (snapshot + log), or an empty doc. */
export function storedDoc(sqlite: Sqlite, documentId: string): Y.Doc {
  const doc = new Y.Doc();
  const state = storedState(transferStore(sqlite), documentId);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/**
 * A serialized image of a (file, WAL) database that `createTestApp({ image })` can open: copied with the online
 * backup API, then switched to a rollback journal (an image still flagged WAL cannot be opened from memory).
 */
export async function imageOf(sqlite: Sqlite): Promise<Buffer> {
  const path = join(mkdtempSync(join(tmpdir(), 'mutualab-transfer-')), 'copy.db');
  await sqlite.backup(path);
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
    return copy.serialize();
  } finally {
    copy.close();
  }
}
