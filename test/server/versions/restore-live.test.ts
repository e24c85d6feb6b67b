/** A stock y-websocket client connected to the real server sees a restore as a normal live change. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';
import { DEFAULT_FRAGMENT, applyJSONMinimal, fragmentToText } from '../../../shared/editor/index.js';
import { doc, h2, p } from './setup.js';

let h: Harness;
const clients: TestClient[] = [];
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${h.url}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}

describe('restore seen live', () => {
  it('a connected stock client receives the restored text; an observer connected read-only too', async () => {
    const vp = await h.login(DEMO.vp);
    const observer = await h.login(DEMO.observer);
    const projectId = (await api('GET', '/projects', vp)).json[0].id as string;
    const documentId = (await api('POST', `/projects/${projectId}/documents`, vp, { kind: 'note', title: 'Note de séance' })).json.id as string;
    await h.collab.edit(documentId, (d) => void applyJSONMinimal(d, doc(h2('Relevé'), p('Décision : adhésion au 1er janvier.'))));
    const version = await api('POST', `/documents/${documentId}/versions`, vp, { label: 'Relevé validé' });
    expect(version.status).toBe(201);
    await h.collab.edit(documentId, (d) => void applyJSONMinimal(d, doc(h2('Relevé'), p('Décision : adhésion reportée.'), p('À revoir.'))));

    const writer = connectClient(h.wsUrl, documentId, { token: vp });
    const reader = connectClient(h.wsUrl, documentId, { token: observer });
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    const text = (c: TestClient) => fragmentToText(c.doc.getXmlFragment(DEFAULT_FRAGMENT));
    expect(text(writer)).toBe('Relevé\nDécision : adhésion reportée.\nÀ revoir.');

    const restored = await api('POST', `/documents/${documentId}/versions/${version.json.id}/restore`, vp);
    expect(restored.status).toBe(200);
    const expected = 'Relevé\nDécision : adhésion au 1er janvier.';
    await waitFor(() => text(writer) === expected && text(reader) === expected, 5000, 'restored text on both clients');
    expect(h.logRows(documentId)).toBeGreaterThanOrEqual(3);
  });
});
