/**
 * The periodic job as the server runs it (a timer, here every 20 ms instead of every minute): it closes a round once
 * the (manual) clock passes the deadline, and stops when the shutdown signal aborts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRoundsTestApp, type RoundsTestApp } from './setup.js';
import { startRoundTicker } from '../../../server/features/rounds/rounds.closing.js';

let t: RoundsTestApp;
beforeAll(async () => {
  t = await createRoundsTestApp();
});
afterAll(async () => {
  await t.close();
});

const status = (roundId: string) => (t.sqlite.prepare('SELECT status FROM rounds WHERE id = ?').get(roundId) as { status: string }).status;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('round ticker', () => {
  it('closes rounds past their deadline, and stops on the shutdown signal', async () => {
    const documentId = await t.createDocument();
    const now = t.clock.now().getTime();
    const first = await t.opened({ documentIds: [documentId], closesAt: new Date(now + 3_600_000).toISOString() });
    const second = await t.opened({ title: 'Deuxième tour', documentIds: [documentId], closesAt: new Date(now + 7_200_000).toISOString() });
    const shutdown = new AbortController();
    startRoundTicker(t.deps, t.collaboration, shutdown.signal, 20);

    await sleep(100);
    expect(status(first.id)).toBe('ouvert');
    t.clock.advance(3_600_000);
    await expect.poll(() => status(first.id), { timeout: 5_000, interval: 20 }).toBe('clos');
    await expect.poll(() => (t.sqlite.prepare('SELECT synthesis_document_id AS d FROM rounds WHERE id = ?').get(first.id) as { d: string | null }).d, { timeout: 5_000 }).toMatch(/^doc_/);
    expect(status(second.id)).toBe('ouvert');

    shutdown.abort();
    t.clock.advance(3_600_000);
    await sleep(200);
    expect(status(second.id)).toBe('ouvert');
  });
});
