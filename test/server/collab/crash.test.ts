/**
 * Crash safety against the real server process: writers at ≥ 100 updates/s, SIGKILL at a random moment, every
 * client destroyed before the restart (nobody re-sends), restart on the same file: a fresh client must have
 * everything an observer had received (durable before visible). Several rounds on one document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { startServer, type ServerProcess } from '../../support/server-process.js';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { DEMO } from '../../support/test-app.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let proc: ServerProcess;
let documentId: string;
const tokens: Record<string, string> = {};

async function login(email: string): Promise<string> {
  const res = await fetch(`${proc.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  proc = await startServer();
  for (const email of [DEMO.admin, DEMO.techEpci, DEMO.observer]) tokens[email] = await login(email);
  // The document row, inserted through a second connection (WAL: the server keeps running).
  const db = new Database(proc.dbPath);
  const projectId = (db.prepare('SELECT id FROM projects LIMIT 1').get() as { id: string }).id;
  const adminId = (db.prepare('SELECT id FROM users WHERE email = ?').get(DEMO.admin) as { id: string }).id;
  documentId = `doc_crash_${Date.now()}`;
  const now = new Date().toISOString();
  db.prepare('INSERT INTO documents (id, project_id, kind, title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    documentId, projectId, 'note', 'Crash', adminId, now, now,
  );
  db.close();
}, 60_000);

afterAll(async () => {
  await proc?.stop();
});

/** Items of the shared array, and the state vector, of a doc. */
const itemsOf = (doc: Y.Doc) => doc.getArray<string>('log').toArray();

describe('kill -9 loses nothing any client received', () => {
  it(`${ROUNDS} rounds of SIGKILL under load`, async () => {
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const writers = [DEMO.admin, DEMO.techEpci].map((email) => connectClient(proc.wsUrl, documentId, { token: tokens[email] }));
      const observer = connectClient(proc.wsUrl, documentId, { token: tokens[DEMO.observer] });
      const all: TestClient[] = [...writers, observer];
      await Promise.all(all.map((c) => c.synced(10_000)));

      let sent = 0;
      const started = Date.now();
      const timers = writers.map((w, i) =>
        setInterval(() => {
          for (let k = 0; k < 2; k++) {
            w.doc.getArray<string>('log').push([`r${round}-w${i}-${sent++}`]);
          }
        }, 4),
      );
      await sleep(400 + Math.floor(Math.random() * 500));
      await proc.kill('SIGKILL');
      const elapsed = (Date.now() - started) / 1000;
      for (const t of timers) clearInterval(t);
      // Nobody may re-send after the restart: what survives is only what the server had made durable.
      const seen = itemsOf(observer.doc);
      const seenVector = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
      for (const c of all) c.destroy();
      rates.push(sent / elapsed);

      await proc.restart();
      const fresh = connectClient(proc.wsUrl, documentId, { token: tokens[DEMO.observer] });
      await fresh.synced(10_000);
      const stored = new Set(itemsOf(fresh.doc));
      const missing = seen.filter((item) => !stored.has(item));
      expect(missing, `round ${round}: ${missing.length} of ${seen.length} observed items lost`).toEqual([]);
      const freshVector = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
      for (const [client, clock] of seenVector) expect(freshVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      expect(seen.length).toBeGreaterThan(0);
      fresh.destroy();
    }
    console.log(`crash test: writers sent ${rates.map((r) => r.toFixed(0)).join(', ')} updates/s per round`);
    for (const rate of rates) expect(rate).toBeGreaterThanOrEqual(100);
  }, 90_000);
});

describe('graceful stops', () => {
  it.each([
    ['SIGTERM', 1012],
    ['SIGINT', 1001],
  ] as const)('%s flushes and closes sockets with %i', async (signal, code) => {
    const writer = connectClient(proc.wsUrl, documentId, { token: tokens[DEMO.admin] });
    await writer.synced(10_000);
    const marker = `avant ${signal}`;
    writer.doc.getArray<string>('log').push([marker]);
    await new Promise((r) => setTimeout(r, 50));
    await proc.kill(signal);
    await waitFor(() => writer.closes[0], 5000, 'close');
    expect(writer.closes[0].code).toBe(code);
    expect(writer.closes[0].reason).toBe('Le serveur redémarre ; reconnexion…');
    writer.destroy();
    await proc.restart();
    const fresh = connectClient(proc.wsUrl, documentId, { token: tokens[DEMO.observer] });
    await fresh.synced(10_000);
    expect(itemsOf(fresh.doc)).toContain(marker);
    fresh.destroy();
  }, 30_000);
});
