/**
 * Preparing Mutualab databases for a benchmark: one demo-seeded template per harness run (booting the real server
 * once), copied per instance; `documents` rows and raw Yjs logs are written straight into the SQLite file while no
 * server holds it, which is faster than the API and lets us build a 100,000-row log the server never compacted.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMutualab } from './servers.js';

let template: string | null = null;
const created: string[] = [];

/** Removes every database directory this process created (a full run leaves ~100 MB of copies otherwise). */
export function removeDatabases(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  template = null;
}

/** A fresh, demo-seeded database file (the seed runs once per process; later calls copy it). */
export async function freshDatabase(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mutualab-bench-'));
  created.push(dir);
  if (!template) {
    template = join(dir, 'template.db');
    const srv = await startMutualab({ dbPath: template });
    await srv.stop(); // a clean close checkpoints the WAL into the main file
  }
  const path = join(dir, 'bench.db');
  copyFileSync(template, path);
  if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${path}-wal`);
  return path;
}

/** Ids of the benchmark documents (valid for the `/ws/:documentId` pattern). */
export function documentIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `bench_${prefix}_${String(i).padStart(4, '0')}`);
}

/** Id of the demo project (the first created), where the benchmark documents are inserted. */
export function demoProjectId(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id FROM projects ORDER BY created_at LIMIT 1').get() as { id: string }).id;
  } finally {
    db.close();
  }
}

/** Inserts `documents` rows (kind note) in the demo project, created by the demo VP, with empty content. */
export function insertDocuments(dbPath: string, ids: string[]): void {
  const db = new Database(dbPath);
  try {
    const projectId = (db.prepare('SELECT id FROM projects ORDER BY created_at LIMIT 1').get() as { id: string }).id;
    const userId = (db.prepare('SELECT id FROM users WHERE email = ?').get('vp@demo.mutualab.fr') as { id: string }).id;
    const now = new Date().toISOString();
    const insert = db.prepare('INSERT OR IGNORE INTO documents (id, project_id, kind, title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const id of ids) insert.run(id, projectId, 'note', `Bench ${id}`, userId, now, now);
    })();
  } finally {
    db.close();
  }
}

/** Appends every update as its own `doc_updates` row (the raw log a server would have written, uncompacted). */
export function writeRawLog(dbPath: string, documentId: string, updates: Uint8Array[]): void {
  const db = new Database(dbPath);
  try {
    const insert = db.prepare('INSERT INTO doc_updates (document_id, data) VALUES (?, ?)');
    db.transaction(() => {
      for (const u of updates) insert.run(documentId, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    })();
  } finally {
    db.close();
  }
}

/** Stores a compacted snapshot (no log rows), as the server's compaction would leave it. */
export function writeSnapshot(dbPath: string, documentId: string, state: Uint8Array): void {
  const db = new Database(dbPath);
  try {
    db.prepare('INSERT OR REPLACE INTO doc_snapshots (document_id, data, last_update_id, updated_at) VALUES (?, ?, 0, ?)').run(
      documentId,
      Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
}

/** Log rows and snapshot size of a document (to see whether the server compacted it). */
export function storedShape(dbPath: string, documentId: string): { logRows: number; snapshotBytes: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?').get(documentId) as { n: number }).n;
    const snap = db.prepare('SELECT length(data) AS n FROM doc_snapshots WHERE document_id = ?').get(documentId) as { n: number } | undefined;
    return { logRows: rows, snapshotBytes: snap?.n ?? 0 };
  } finally {
    db.close();
  }
}

/** Signs in as the demo VP and returns the session token (sent as `?token=` by the clients). */
export async function login(httpUrl: string): Promise<string> {
  const res = await fetch(`${httpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'vp@demo.mutualab.fr', password: 'demo' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
