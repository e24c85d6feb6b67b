import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps, startServer, type RunningServer } from '../../../server/server.js';
import { loadEnv } from '../../../server/env.js';
import { seedDemo } from '../../../server/seed/demo.js';
import type { AppDeps } from '../../../server/context.js';
import { projects } from '../../../server/db/schema/index.js';
import { DEMO } from '../../support/test-app.js';
import { connectClient, waitFor } from '../../support/ws-client.js';
import { DEFAULT_FRAGMENT, fragmentToText } from '../../../shared/editor/index.js';
import { sseReader, idsAndTypes } from './sse-client.js';

/**
 * The real server (startServer: documents and events mounted by buildMounts, rooms on /ws) on port 0 with a temp
 * file database in demo mode: what `app.request` cannot show — disconnects, presence from real sockets, locks
 * reaching connected editors.
 */
describe('live events over HTTP, with the collaboration server', () => {
  let deps: AppDeps;
  let running: RunningServer;
  let base: string;
  let projectId: string;
  let active = 0;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutualab-sse-'));
    deps = createDeps(loadEnv({ DATABASE_PATH: join(dir, 'test.db'), LOG_LEVEL: 'silent', DEMO: '1', PORT: '0', HOST: '127.0.0.1' }));
    await seedDemo(deps);
    // Counts live subscriptions so the test sees a gone client release its listener.
    const subscribe = deps.events.subscribe.bind(deps.events);
    deps.events.subscribe = (id, listener) => {
      active += 1;
      const off = subscribe(id, listener);
      return () => {
        active -= 1;
        off();
      };
    };
    running = await startServer(deps);
    base = `http://127.0.0.1:${running.port}`;
    projectId = deps.db.select().from(projects).get()!.id;
    for (const [k, email] of Object.entries(DEMO)) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
      tokens[k] = ((await res.json()) as { token: string }).token;
    }
  });
  afterAll(() => running.close());

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${base}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, json: (await res.json()) as any };
  };
  const stream = async (token: string, lastEventId?: number, signal?: AbortSignal) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const res = await fetch(`${base}/api/projects/${projectId}/events`, { headers, signal });
    return { res, reader: sseReader(res.body!) };
  };

  it('resumes after Last-Event-ID, streams live events, and releases the subscription when the client leaves', async () => {
    const first = deps.events.publish(projectId, 'project.updated', { projectId });
    deps.events.publish(projectId, 'project.updated', { projectId });
    const abort = new AbortController();
    const { res, reader } = await stream(tokens.observer, first.id, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(idsAndTypes(await reader.collectUntil((f) => f.id === String(first.id + 1)))).toEqual([`${first.id + 1} project.updated`]);
    expect(active).toBe(1);
    deps.events.publish(projectId, 'project.updated', { projectId });
    expect(idsAndTypes(await reader.collectUntil((f) => f.id === String(first.id + 2)))).toEqual([`${first.id + 2} project.updated`]);

    abort.abort();
    await reader.cancel();
    await waitFor(() => active === 0, 2000, 'subscription released');
    expect(() => deps.events.publish(projectId, 'project.updated', { projectId })).not.toThrow();
  });

  it('a created document has its template for the first editor; presence and lock reach the stream and the room', async () => {
    const { reader } = await stream(tokens.observer);
    const created = await api('POST', `/projects/${projectId}/documents`, tokens.vp, { kind: 'fiche_impact', title: 'Fiche d’impact du service commun' });
    expect(created.status).toBe(201);
    const documentId = created.json.id as string;

    const editor = connectClient(`ws://127.0.0.1:${running.port}/ws`, documentId, { token: tokens.eluFayence });
    await editor.synced();
    expect(fragmentToText(editor.doc.getXmlFragment(DEFAULT_FRAGMENT)).split('\n').filter((_, i) => i % 2 === 0)).toEqual([
      'Organisation', 'Conditions de travail', 'Rémunération', 'Droits acquis',
    ]);

    const locked = await api('POST', `/documents/${documentId}/lock`, tokens.vp);
    expect(locked.status).toBe(200);
    await waitFor(() => editor.auth.find((m) => m.type === 'permission-denied'), 3000, 'permission-denied after the lock');
    editor.destroy();

    // The last presence change (the editor left) ends the sequence.
    const frames = (await reader.collectUntil((f) => f.event === 'presence.changed' && JSON.parse(f.data!).payload.users.length === 0)).map((f) => JSON.parse(f.data!));
    const eluId = deps.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, DEMO.eluFayence) }).sync()!.id;
    expect(frames.map((e) => e.type)).toEqual(['document.created', 'presence.changed', 'document.locked', 'presence.changed']);
    expect(frames[1].payload).toMatchObject({ documentId, users: [{ id: eluId, name: 'Jean Roux', connections: 1 }] });
    expect(frames[3].payload).toEqual({ documentId, users: [] });
    // server.close() waits for open HTTP streams: leave (startServer does not wire the events shutdown signal yet).
    await reader.cancel();
  });
});
