/**
 * Property: whatever the interleaving of concurrent edits, offline edits, disconnects and reconnects, every replica
 * and the stored document end identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
let tokens: string[];

beforeAll(async () => {
  h = await startHarness({ collab: { roomIdleMs: 200 } });
  tokens = await Promise.all([DEMO.admin, DEMO.techEpci, DEMO.vp, DEMO.eluFayence].map((e) => h.login(e)));
});
afterAll(async () => {
  await h.close();
});

type Command =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'toggle'; client: number }
  | { kind: 'pause'; ms: number };

const command = (clients: number): fc.Arbitrary<Command> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), client: fc.nat(clients - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ minLength: 1, maxLength: 6 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), client: fc.nat(clients - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), client: fc.nat(clients - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }) },
  );

/** Client → clock, order-independent (replicas may list clients in different orders). */
const stateVector = (doc: Y.Doc) => Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b));

const scenario = fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(command(n), { minLength: 5, maxLength: 40 })));

describe('convergence', () => {
  it('random concurrent edits with disconnects converge everywhere, storage included', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([n, commands]) => {
        const documentId = h.createDocument();
        const clients: TestClient[] = Array.from({ length: n }, (_, i) => connectClient(h.wsUrl, documentId, { token: tokens[i] }));
        try {
          await Promise.all(clients.map((c) => c.synced()));
          const online = clients.map(() => true);
          for (const cmd of commands) {
            if (cmd.kind === 'pause') await new Promise((r) => setTimeout(r, cmd.ms));
            else if (cmd.kind === 'toggle') {
              const c = clients[cmd.client];
              if (online[cmd.client]) c.provider.disconnect();
              else c.provider.connect();
              online[cmd.client] = !online[cmd.client];
            } else {
              const text = clients[cmd.client].doc.getText('t');
              const at = Math.floor(cmd.at * text.length);
              if (cmd.kind === 'insert') text.insert(at, cmd.text);
              else text.delete(at, Math.min(cmd.length, text.length - at));
            }
          }
          clients.forEach((c, i) => online[i] || c.provider.connect());
          await waitFor(
            () => {
              const expected = clients[0].text();
              return clients.every((c) => c.provider.synced && c.text() === expected) && h.storedDoc(documentId).getText('t').toString() === expected;
            },
            5000,
            'convergence',
          );
          const vector = stateVector(clients[0].doc);
          for (const c of clients) expect(stateVector(c.doc)).toEqual(vector);
          expect(stateVector(h.storedDoc(documentId))).toEqual(vector);
        } finally {
          for (const c of clients) c.destroy();
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
