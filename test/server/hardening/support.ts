/** Shared setup for the process-level hardening suites: a real server child process with documents and tokens. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { ServerProcess } from '../../support/server-process.js';

/** Inserts `count` note documents into the demo project through a second SQLite connection (WAL). */
export function insertDocuments(proc: ServerProcess, count: number, prefix: string): string[] {
  const db = new Database(proc.dbPath);
  const projectId = (db.prepare('SELECT id FROM projects LIMIT 1').get() as { id: string }).id;
  const adminId = (db.prepare("SELECT id FROM users WHERE role = 'administrateur' LIMIT 1").get() as { id: string }).id;
  const now = new Date().toISOString();
  const insert = db.prepare('INSERT INTO documents (id, project_id, kind, title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const ids = Array.from({ length: count }, (_, i) => `${prefix}_${Date.now()}_${i}`);
  for (const id of ids) insert.run(id, projectId, 'note', id, adminId, now, now);
  db.close();
  return ids;
}

export async function loginAt(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** `PRAGMA integrity_check` of the database file, read-only. */
export function integrityCheck(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Resident set size of a process in kB (Linux /proc). */
export function rssKb(pid: number | undefined): number {
  if (!pid) return 0;
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Number(m[1]) : 0;
}
