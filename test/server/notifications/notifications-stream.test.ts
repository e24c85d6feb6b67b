/**
 * The personal notification stream: every notification addressed to the signed-in user, from any project, and
 * nothing addressed to someone else; refused without a session; closed when the session is revoked.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/setup.js';
import { ORIGIN } from '../../support/test-app.js';
import { sseReader, type SseReader } from '../events/sse-client.js';

describe('personal notification stream (SSE)', () => {
  let t: DocumentsTestApp;
  const open: SseReader[] = [];
  beforeEach(async () => {
    t = await createDocumentsTestApp({ events: { heartbeatMs: 50 } });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.cancel()));
    await t.close();
  });

  async function connect(token: string | null) {
    const res = await t.app.request(`${ORIGIN}/api/notifications/events`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const reader = res.body && res.status === 200 ? sseReader(res.body) : null;
    if (reader) open.push(reader);
    return { res, reader: reader! };
  }
  const userId = (email: string) => t.userByEmail(email).id;
  const notifyUser = (projectId: string, email: string, title: string) =>
    t.deps.events.publish(projectId, 'notification.created', { notificationId: `ntf_${title}`, kind: 'mention', title, link: '/' }, { userIds: [userId(email)] });

  it('streams the notifications of this user from every project, and only theirs', async () => {
    const { res, reader } = await connect(t.tokens.eluFayence);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect((await reader.next())!.raw).toBe(': connected');
    notifyUser(t.projectId, 'elu.seillans@demo.mutualab.fr', 'pour-seillans');
    t.deps.events.publish(t.projectId, 'project.updated', { projectId: t.projectId }); // not a notification
    notifyUser(t.projectId, 'elu.fayence@demo.mutualab.fr', 'projet-demo');
    notifyUser('prj_autre_projet', 'elu.fayence@demo.mutualab.fr', 'autre-projet');
    const frames = await reader.collectUntil((f) => !!f.data?.includes('autre-projet'));
    expect(frames.map((f) => [f.event, JSON.parse(f.data!).payload.title, JSON.parse(f.data!).projectId])).toEqual([
      ['notification.created', 'projet-demo', t.projectId],
      ['notification.created', 'autre-projet', 'prj_autre_projet'],
    ]);
  });

  it('refuses a visitor without a session, and ends when the session is revoked', async () => {
    expect((await connect(null)).res.status).toBe(401);
    const { reader } = await connect(t.tokens.observer);
    await reader.next();
    const out = await t.request('POST', '/api/auth/logout', { token: t.tokens.observer });
    expect(out.status).toBeLessThan(300);
    expect(await reader.ended(2000)).toBe(true);
  });
});
