/**
 * Crash recovery across several rooms: writers in three documents at ≥ 100 updates/s in all, SIGKILL at random
 * moments (5 kills here, 50 with `npm run test:soak`), every client destroyed before each restart, then a fresh client
 * per room must hold everything the observer of that room had received, and `PRAGMA integrity_check` is ok.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process.js';
import { connectClient, type TestClient } from '../../support/ws-client.js';
import { DEMO } from '../../support/test-app.js';
import { insertDocuments, integrityCheck, loginAt } from './support.js';

const KILLS = Number(process.env.KILLS ?? (process.env.SOAK ? 50 : 5));
const ROOMS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let proc: ServerProcess;
let rooms: string[];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  proc = await startServer();
  for (const email of [DEMO.vp, DEMO.techEpci, DEMO.observer]) tokens[email] = await loginAt(proc.url, email);
  rooms = insertDocuments(proc, ROOMS, 'crash');
}, 60_000);
afterAll(async () => {
  await proc?.stop();
});

describe('crash recovery (several rooms, random SIGKILL)', () => {
  it(`survives ${KILLS} kills without losing anything an observer received`, async () => {
    let totalSent = 0;
    let totalSeconds = 0;
    let totalObserved = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const clients: TestClient[] = [];
      const observers = new Map<string, TestClient>();
      for (const room of rooms) {
        clients.push(connectClient(proc.wsUrl, room, { token: tokens[DEMO.vp] }), connectClient(proc.wsUrl, room, { token: tokens[DEMO.techEpci] }));
        const observer = connectClient(proc.wsUrl, room, { token: tokens[DEMO.observer] });
        observers.set(room, observer);
        clients.push(observer);
      }
      await Promise.all(clients.map((c) => c.synced(10_000)));
      const writers = clients.filter((c) => ![...observers.values()].includes(c));
      let sent = 0;
      const started = Date.now();
      const timer = setInterval(() => {
        for (const w of writers) {
          w.doc.getArray<string>('log').push([`k${kill}-${sent++}`]);
        }
      }, 10);
      await sleep(300 + Math.floor(Math.random() * 700));
      await proc.kill('SIGKILL');
      clearInterval(timer);
      totalSent += sent;
      totalSeconds += (Date.now() - started) / 1000;
      const seen = new Map([...observers].map(([room, o]) => [room, o.doc.getArray<string>('log').toArray()]));
      for (const c of clients) c.destroy();

      expect(integrityCheck(proc.dbPath)).toBe('ok');
      await proc.restart();
      for (const room of rooms) {
        const fresh = connectClient(proc.wsUrl, room, { token: tokens[DEMO.observer] });
        await fresh.synced(10_000);
        const stored = new Set(fresh.doc.getArray<string>('log').toArray());
        const missing = seen.get(room)!.filter((x) => !stored.has(x));
        expect(missing, `kill ${kill}, room ${room}: ${missing.length} lost`).toEqual([]);
        totalObserved += seen.get(room)!.length;
        fresh.destroy();
      }
    }
    const rate = totalSent / totalSeconds;
    console.log(`crash recovery: ${KILLS} kills, ${ROOMS} rooms, ${rate.toFixed(0)} updates/s, ${totalObserved} observed items all recovered`);
    expect(rate).toBeGreaterThanOrEqual(100);
    expect(totalObserved).toBeGreaterThan(0);
  }, 60_000 + KILLS * 8_000);
});
