/**
 * The WebSocket half of the authorization matrix, written literally: for each actor, whether it may open a document
 * (sync) and whether its edits are stored — on an unlocked and on a locked document. Outcomes:
 * 'write' (synced, edit stored), 'read_only' / 'locked' (synced, edit refused with that auth reason, nothing stored),
 * or a close code (4401 not signed in, 4403 no access).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../server/features/auth/sessions.js';
import { users, communes } from '../../../server/db/schema/index.js';
import { newId } from '../../../server/lib/ids.js';
import { eq } from 'drizzle-orm';
import { connectClient, waitFor } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';
import { ACTORS, type ActorName } from './actors.js';

type Outcome = 'write' | 'read_only' | 'locked' | 4401 | 4403;

const UNLOCKED: Record<ActorName, Outcome> = {
  anon: 4401,
  admin: 'write',
  vp: 'write',
  techEpci: 'write',
  eluFayence: 'write',
  techFayence: 'write',
  eluSeillans: 'write',
  eluBagnols: 4403,
  caf: 'read_only',
  observer: 'read_only',
};

const LOCKED: Record<ActorName, Outcome> = {
  anon: 4401,
  admin: 'locked',
  vp: 'write',
  techEpci: 'locked',
  eluFayence: 'locked',
  techFayence: 'locked',
  eluSeillans: 'locked',
  eluBagnols: 4403,
  caf: 'locked',
  observer: 'locked',
};

let h: Harness;
const tokens: Partial<Record<ActorName, string>> = {};

beforeAll(async () => {
  h = await startHarness();
  const emails: Partial<Record<ActorName, string>> = {
    admin: DEMO.admin, vp: DEMO.vp, techEpci: DEMO.techEpci, eluFayence: DEMO.eluFayence, techFayence: DEMO.techFayence,
    eluSeillans: DEMO.eluSeillans, caf: DEMO.caf, observer: DEMO.observer,
  };
  for (const [actor, email] of Object.entries(emails)) tokens[actor as ActorName] = await h.login(email!);
  const bagnols = h.deps.db.select().from(communes).where(eq(communes.inseeCode, '83008')).get()!;
  const id = newId('usr_');
  h.deps.db.insert(users).values({ id, email: 'elu.bagnols@demo.mutualab.fr', name: 'Élu de Bagnols', role: 'elu_communal', communeId: bagnols.id, createdAt: new Date().toISOString() }).run();
  tokens.eluBagnols = createSession(h.deps, id).token;
});
afterAll(async () => {
  await h.close();
});

async function outcome(actor: ActorName, documentId: string): Promise<Outcome> {
  const client = connectClient(h.wsUrl, documentId, { token: tokens[actor] });
  try {
    const first = await Promise.race([client.synced(5000).then(() => 'synced' as const), client.closed(5000)]);
    if (first !== 'synced') return first.code as 4401 | 4403;
    const marker = `${actor}-${Math.random().toString(36).slice(2, 8)}`;
    client.doc.getText('t').insert(0, marker);
    const result = await waitFor(
      () => {
        if (h.storedDoc(documentId).getText('t').toString().includes(marker)) return 'write' as const;
        const denied = client.auth.find((a) => a.type === 'permission-denied');
        return denied ? (denied.reason as 'read_only' | 'locked') : false;
      },
      5000,
      `${actor} outcome`,
    );
    // a refused edit must never reach storage, even later
    if (result !== 'write') {
      await new Promise((r) => setTimeout(r, 100));
      expect(h.storedDoc(documentId).getText('t').toString()).not.toContain(marker);
    }
    return result;
  } finally {
    client.destroy();
  }
}

describe('WebSocket authorization matrix (actor × document state)', () => {
  it('unlocked document', async () => {
    const documentId = h.createDocument();
    const got: Partial<Record<ActorName, Outcome>> = {};
    for (const actor of ACTORS) got[actor] = await outcome(actor, documentId);
    expect(got).toEqual(UNLOCKED);
  });

  it('locked document', async () => {
    const documentId = h.createDocument({ locked: true });
    const got: Partial<Record<ActorName, Outcome>> = {};
    for (const actor of ACTORS) got[actor] = await outcome(actor, documentId);
    expect(got).toEqual(LOCKED);
  });
});
