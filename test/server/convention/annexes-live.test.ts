/**
 * Regenerating the annexes while people co-write the convention: a stock y-websocket client edits a non-annex
 * paragraph, the data changes (a new agent in the diagnostic), the annexes are regenerated through the API — the
 * client sees the edit still there, and only the annex blocks changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';
import { DEFAULT_FRAGMENT, createAnchorFromQuote, fragmentToJSON, fragmentToText, replaceRange } from '../../../shared/editor/index.js';
import { annexNumber } from '../../../shared/convention/annexes.js';

let h: Harness;
let client: TestClient | null = null;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  client?.destroy();
  await h.close();
});

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${h.url}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as any };
}

const plain = (b: JSONContent): string => (b.type === 'text' ? (b.text ?? '') : (b.content ?? []).map(plain).join(''));

/** Indexes of the annex blocks: each « Annexe N — » heading and the blocks of its section. */
function annexIndexes(blocks: JSONContent[]): Set<number> {
  const out = new Set<number>();
  let inAnnex = false;
  blocks.forEach((b, i) => {
    if (b.type === 'heading') inAnnex = annexNumber(plain(b)) !== null;
    if (inAnnex) out.add(i);
  });
  return out;
}

describe('annex regeneration with a live co-writer', () => {
  it('keeps the edited paragraph and changes only annex blocks', async () => {
    const vp = await h.login(DEMO.vp);
    const techFayence = await h.login(DEMO.techFayence);
    const projectId = (await api('GET', '/projects', vp)).json[0].id as string;
    const scenarios = (await api('GET', `/projects/${projectId}/scenarios`, vp)).json.scenarios as { id: string; title: string }[];
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const retained = scenarios.find((x) => x.title.startsWith('Service commun'))!;
    expect((await api('POST', `/projects/${projectId}/arbitrations`, vp, { retainedScenarioId: retained.id, decisionDate: yesterday, body: 'copil', reasons: 'Une offre dans chaque village.' })).status).toBe(201);
    const generated = await api('POST', `/projects/${projectId}/convention`, vp);
    expect(generated.status).toBe(201);
    const documentId = generated.json.convention.id as string;

    // A technician of Fayence co-writes the « Durée » section through a stock y-websocket client.
    client = connectClient(h.wsUrl, documentId, { token: techFayence });
    await client.synced();
    const fragment = client.doc.getXmlFragment(DEFAULT_FRAGMENT);
    await waitFor(() => fragmentToText(fragment).includes('Elle est conclue pour une durée de trois ans'), 5000, 'generated text');
    client.doc.transact(() => {
      const anchor = createAnchorFromQuote(client!.doc, 'trois ans')!;
      expect(replaceRange(client!.doc, anchor, 'cinq ans', { expectedText: 'trois ans' }).ok).toBe(true);
    });
    await waitFor(async () => (await h.collab.read(documentId, (d) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT)))).includes('durée de cinq ans'), 5000, 'edit on the server');
    const before = fragmentToJSON(fragment).content!;

    // The data changes: Fayence's technician records a new agent in the diagnostic.
    const fayence = (await api('GET', `/projects/${projectId}/deliberations`, vp)).json.convention.rows.find((r: any) => r.name === 'Fayence').communeId;
    const agent = await api('POST', `/projects/${projectId}/diagnostic/agents`, techFayence, { communeId: fayence, jobTitle: 'Animatrice séjours', employer: 'commune', category: 'C', status: 'contractuel_cdd', quotitePct: 50, serviceSharePct: 100 });
    expect(agent.status).toBe(201);

    const regen = await api('POST', `/projects/${projectId}/convention/annexes`, vp);
    expect(regen.status).toBe(200);
    expect(regen.json.result).toEqual({ updated: ['Annexe 4 — Agents concernés'], inserted: [], unchanged: ['Annexe 1 — Communes parties', 'Annexe 2 — Tableau de répartition', 'Annexe 3 — Méthode du coût unitaire', 'Annexe 5 — Inventaire des équipements'] });

    await waitFor(() => fragmentToText(fragment).includes('Animatrice séjours'), 5000, 'new annex seen by the client');
    const after = fragmentToJSON(fragment).content!;
    expect(fragmentToText(fragment)).toContain('Elle est conclue pour une durée de cinq ans, renouvelable par reconduction expresse.');
    expect(after).toHaveLength(before.length);
    const changed = after.map((b, i) => (JSON.stringify(b) === JSON.stringify(before[i]) ? null : i)).filter((i): i is number => i !== null);
    expect(changed.length).toBe(1);
    const annex = annexIndexes(after);
    for (const i of changed) expect(annex.has(i)).toBe(true);
    expect(after[changed[0]].type).toBe('table');
  });
});
