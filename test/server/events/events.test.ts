import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/setup.js';
import { ORIGIN } from '../../support/test-app.js';
import { sseReader, idsAndTypes, type SseReader } from './sse-client.js';

describe('live events (SSE)', () => {
  let t: DocumentsTestApp;
  const open: SseReader[] = [];
  beforeEach(async () => {
    t = await createDocumentsTestApp({ events: { heartbeatMs: 100 } });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.cancel()));
    await t.close();
  });

  /** Opens the project stream through the app (no network); returns the response and a frame reader. */
  async function connect(token: string | null, o: { lastEventId?: string; query?: string; projectId?: string } = {}) {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (o.lastEventId !== undefined) headers['last-event-id'] = o.lastEventId;
    const res = await t.app.request(`${ORIGIN}/api/projects/${o.projectId ?? t.projectId}/events${o.query ?? ''}`, { headers });
    const reader = res.body && res.status === 200 ? sseReader(res.body) : null;
    if (reader) open.push(reader);
    return { res, reader: reader! };
  }
  const upTo = (id: number) => (f: { id?: string }) => f.id === String(id);
  const publishUpdated = () => t.deps.events.publish(t.projectId, 'project.updated', { projectId: t.projectId });

  it('starts with a comment, then streams new events as id / event / data frames', async () => {
    const { res, reader } = await connect(t.tokens.observer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await reader.next())!.raw).toBe(': connected');
    publishUpdated();
    const frame = await reader.next((f) => !!f.event);
    expect(frame!.raw).toBe(
      `id: 1\nevent: project.updated\ndata: {"id":1,"type":"project.updated","projectId":"${t.projectId}","at":"2026-11-27T09:00:00.000Z","payload":{"projectId":"${t.projectId}"}}`,
    );
  });

  it('a client resuming with Last-Event-ID receives exactly what it missed, then live events', async () => {
    for (let i = 0; i < 4; i++) publishUpdated(); // ids 1..4
    t.deps.events.publish(t.projectId, 'project.phase_changed', { projectId: t.projectId, from: 'diagnostic', to: 'scenarios', by: 'usr_x', reason: null }); // 5
    const { reader } = await connect(t.tokens.eluFayence, { lastEventId: '3' });
    expect(idsAndTypes(await reader.collectUntil(upTo(5)))).toEqual(['4 project.updated', '5 project.phase_changed']);
    publishUpdated();
    expect(idsAndTypes(await reader.collectUntil(upTo(6)))).toEqual(['6 project.updated']);

    const fromQuery = await connect(t.tokens.vp, { query: '?lastEventId=5' });
    expect(idsAndTypes(await fromQuery.reader.collectUntil(upTo(6)))).toEqual(['6 project.updated']);
    const headerWins = await connect(t.tokens.vp, { query: '?lastEventId=1', lastEventId: '4' });
    expect(idsAndTypes(await headerWins.reader.collectUntil(upTo(6)))).toEqual(['5 project.phase_changed', '6 project.updated']);
    const fresh = await connect(t.tokens.vp);
    publishUpdated();
    expect(idsAndTypes(await fresh.reader.collectUntil(upTo(7)))).toEqual(['7 project.updated']); // no replay without an id
  });

  it('replays long gaps page by page without loss or duplicate, even while new events arrive', async () => {
    for (let i = 0; i < 1200; i++) publishUpdated();
    const { reader } = await connect(t.tokens.vp, { lastEventId: '0' });
    for (let i = 0; i < 5; i++) publishUpdated();
    const ids = (await reader.collectUntil((f) => f.id === '1205')).map((f) => Number(f.id));
    expect(ids).toEqual(Array.from({ length: 1205 }, (_, i) => i + 1));
    expect(await reader.collect(100)).toEqual([]); // nothing sent twice
  });

  it('filters every event by its audience: the observer never sees an audit-only or a VP-only event', async () => {
    // Each step ends with an event everyone sees (a sentinel): reading up to it proves what came before it.
    const vpId = t.userByEmail('vp@demo.mutualab.fr').id;
    t.deps.events.publish(t.projectId, 'project.updated', { projectId: t.projectId }, { ability: 'project.audit.read' }); // 1
    t.deps.events.publish(t.projectId, 'project.updated', { projectId: t.projectId }, { userIds: [vpId] }); // 2
    publishUpdated(); // 3, everyone
    const observer = await connect(t.tokens.observer, { lastEventId: '0' });
    const vp = await connect(t.tokens.vp, { lastEventId: '0' });
    expect(idsAndTypes(await observer.reader.collectUntil(upTo(3)))).toEqual(['3 project.updated']);
    expect(idsAndTypes(await vp.reader.collectUntil(upTo(3)))).toEqual(['1 project.updated', '2 project.updated', '3 project.updated']);

    t.deps.events.publish(t.projectId, 'project.updated', { projectId: t.projectId }, { ability: 'project.audit.read' }); // 4
    t.deps.events.publish(t.projectId, 'project.updated', { projectId: t.projectId }, { userIds: [vpId] }); // 5
    publishUpdated(); // 6, everyone
    expect(idsAndTypes(await observer.reader.collectUntil(upTo(6)))).toEqual(['6 project.updated']);
    const live = await vp.reader.collectUntil(upTo(6));
    expect(idsAndTypes(live)).toEqual(['4 project.updated', '5 project.updated', '6 project.updated']);
    expect(live[1].data).not.toContain('audience'); // who else may see it never leaves the server
  });

  it('sends a heartbeat comment at the configured interval', async () => {
    const { reader } = await connect(t.tokens.caf);
    const started = Date.now();
    expect((await reader.next((f) => f.comment === 'heartbeat', 1000))!.raw).toBe(': heartbeat');
    expect((await reader.next((f) => f.comment === 'heartbeat', 1000))!.raw).toBe(': heartbeat');
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it.each([
    ['a non-member (élu of Bagnols-en-Forêt)', 'bagnols', 403, 'forbidden'],
    ['an anonymous caller', null, 401, 'unauthenticated'],
  ] as const)('refuses %s on connect', async (_n, who, status, code) => {
    const token = who ? await t.addUser('elu.bagnols@exemple.fr', 'elu_communal', '83008') : null;
    const { res } = await connect(token);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it('answers 404 for an unknown project and 400 for a malformed Last-Event-ID', async () => {
    const unknown = await connect(t.tokens.vp, { projectId: 'prj_inconnu' });
    expect(unknown.res.status).toBe(404);
    const bad = await connect(t.tokens.vp, { lastEventId: 'abc' });
    expect(bad.res.status).toBe(400);
    expect((await bad.res.json()).error.code).toBe('validation_error');
  });

  it('closes the stream when its session is revoked (logout), not when another session of the user is', async () => {
    // A long heartbeat: the revocation itself must close the stream, not the next heartbeat's session check.
    await t.close();
    t = await createDocumentsTestApp({ events: { heartbeatMs: 60_000 } });
    const other = (await t.login('vp@demo.mutualab.fr')).token;
    const { reader } = await connect(t.tokens.vp);
    await t.request('POST', '/api/auth/logout', { token: other });
    expect(await reader.ended(300)).toBe(false);
    await t.request('POST', '/api/auth/logout', { token: t.tokens.vp });
    expect(await reader.ended(500)).toBe(true);
  });

  it('closes the stream at the next heartbeat once the session expired', async () => {
    const { reader } = await connect(t.tokens.vp);
    t.clock.advance(13 * 3600_000); // sessions last 12 h
    expect(await reader.ended()).toBe(true);
  });

  it('closes the stream when the receiver loses access to the project (commune withdrawn)', async () => {
    const { reader } = await connect(t.tokens.eluSeillans);
    const seillans = t.communeByInsee('83124').id;
    await t.request('PUT', `/api/projects/${t.projectId}/participations/${seillans}`, { token: t.tokens.vp, body: { state: 'retiree' } });
    expect(await reader.ended()).toBe(true);
  });

  it('closes a stream whose client does not read (it resumes later with Last-Event-ID, nothing lost)', async () => {
    await t.close();
    t = await createDocumentsTestApp({ events: { maxPendingWrites: 5 } });
    const { reader } = await connect(t.tokens.vp);
    for (let i = 0; i < 50; i++) publishUpdated();
    expect(await reader.ended()).toBe(true);
  });

  it('ends every stream when the server shuts down (its shutdown signal), so server.close() does not wait forever', async () => {
    await t.close();
    const shutdown = new AbortController();
    t = await createDocumentsTestApp({ events: { shutdownSignal: shutdown.signal } });
    const a = await connect(t.tokens.vp);
    const b = await connect(t.tokens.observer);
    shutdown.abort();
    expect(await a.reader.ended(500)).toBe(true);
    expect(await b.reader.ended(500)).toBe(true);
    const late = await connect(t.tokens.vp);
    expect(await late.reader.ended(500)).toBe(true);
  });

  it('pushes the document events of the API to every project member', async () => {
    const { reader } = await connect(t.tokens.observer);
    const id = await t.createDocument('note', 'Note de séance');
    await t.request('POST', `/api/documents/${id}/lock`, { token: t.tokens.vp });
    const frames = await reader.collectUntil((f) => f.event === 'document.locked');
    expect(frames.map((f) => [f.event, JSON.parse(f.data!).payload])).toEqual([
      ['document.created', { documentId: id, kind: 'note', title: 'Note de séance' }],
      ['document.locked', { documentId: id, locked: true, by: t.userByEmail('vp@demo.mutualab.fr').id }],
    ]);
  });
});
