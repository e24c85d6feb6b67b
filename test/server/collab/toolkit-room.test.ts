/**
 * The document toolkit through the room: a server-side replace-range is persisted, applied exactly once and seen by a
 * connected stock y-websocket client, with the formatting kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from './harness.js';
import { createAnchorFromQuote, replaceRange, fragmentToJSON, fragmentToText, jsonToUpdate, DEFAULT_FRAGMENT } from '../../../shared/editor/index.js';

let h: Harness;
let client: TestClient | null = null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  client?.destroy();
  await h.close();
});

describe('toolkit edits through the room', () => {
  it('replace-range applied once is visible to a connected stock client, keeping bold', async () => {
    const documentId = h.createDocument();
    const seed = jsonToUpdate({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le service commun sera ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'porté par la CC' }, { type: 'text', text: '.' }] }],
    });
    await h.collab.edit(documentId, (doc) => Y.applyUpdate(doc, seed));
    client = connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.eluFayence) });
    await client.synced();
    const fragment = client.doc.getXmlFragment(DEFAULT_FRAGMENT);
    await waitFor(() => fragmentToText(fragment).includes('porté par la CC'), 3000, 'seeded text');

    let updates = 0;
    client.doc.on('update', () => updates++);
    const rowsBefore = h.logRows(documentId);
    await h.collab.edit(documentId, (doc) => {
      const anchor = createAnchorFromQuote(doc, 'porté par la CC')!;
      const result = replaceRange(doc, anchor, 'porté par la communauté de communes', { expectedText: 'porté par la CC' });
      expect(result.ok).toBe(true);
    });
    await waitFor(() => fragmentToText(fragment) === 'Le service commun sera porté par la communauté de communes.', 3000, 'replacement seen');
    expect(updates).toBe(1);
    expect(h.logRows(documentId)).toBe(rowsBefore + 1);
    const json = fragmentToJSON(fragment);
    const bold = json.content![0].content!.find((n) => n.marks?.some((m) => m.type === 'bold'));
    expect(bold?.text).toBe('porté par la communauté de communes');
  });
});
