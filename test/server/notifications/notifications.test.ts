/**
 * The notification centre: list, unread count, mark read, mark all read — a user only ever sees and changes their own
 * notifications; notifications of a project the user can no longer open are hidden; `notification.created` events
 * are addressed to the recipient only.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRoundsTestApp, type RoundsTestApp } from '../rounds/setup.js';
import { notify } from '../../../server/features/notifications/notify.js';

let t: RoundsTestApp;
beforeAll(async () => {
  t = await createRoundsTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (email: 'eluFayence' | 'eluSeillans', title: string, projectId: string | null = t.projectId) => {
  const [id] = notify(t.deps, { userIds: [t.userId(email)], projectId, kind: 'mention', title, body: 'Corps', link: `/projets/${t.projectId}` });
  t.clock.advance(1000);
  return id;
};

describe('notification centre', () => {
  let first: string;

  it('lists my notifications newest first with the unread count', async () => {
    first = send('eluFayence', 'Première');
    send('eluFayence', 'Deuxième');
    send('eluSeillans', 'Pour Seillans');
    send('eluFayence', 'Sans projet', null);
    const list = await t.get('eluFayence', '/notifications');
    expect(list.status).toBe(200);
    expect(list.json.map((n: { title: string }) => n.title)).toEqual(['Sans projet', 'Deuxième', 'Première']);
    expect(list.json[2]).toEqual({ id: first, projectId: t.projectId, kind: 'mention', title: 'Première', body: 'Corps', link: `/projets/${t.projectId}`, createdAt: '2026-11-27T09:00:00.000Z', readAt: null });
    expect((await t.get('eluFayence', '/notifications/unread-count')).json).toEqual({ count: 3 });
    expect((await t.get('eluSeillans', '/notifications/unread-count')).json).toEqual({ count: 1 });
    expect((await t.get('eluFayence', '/notifications?limit=1')).json.map((n: { title: string }) => n.title)).toEqual(['Sans projet']);
    expect((await t.get('eluFayence', `/notifications?before=${encodeURIComponent('2026-11-27T09:00:01.000Z')}`)).json.map((n: { title: string }) => n.title)).toEqual(['Première']);
    expect((await t.call(null, 'GET', '/notifications')).status).toBe(401);
  });

  it('marks one read — only my own (someone else’s is a 404)', async () => {
    const other = await t.call('eluSeillans', 'POST', `/notifications/${first}/read`);
    expect([other.status, other.json.error.code]).toEqual([404, 'notification_not_found']);
    const mine = await t.call('eluFayence', 'POST', `/notifications/${first}/read`);
    expect(mine.json).toMatchObject({ id: first, readAt: t.clock.now().toISOString() });
    expect((await t.get('eluFayence', '/notifications/unread-count')).json).toEqual({ count: 2 });
    expect((await t.get('eluFayence', '/notifications?unread=true')).json.map((n: { title: string }) => n.title)).toEqual(['Sans projet', 'Deuxième']);
    // Idempotent: the first reading time is kept.
    t.clock.advance(5000);
    expect((await t.call('eluFayence', 'POST', `/notifications/${first}/read`)).json.readAt).toBe(mine.json.readAt);
  });

  it('marks all read (mine only; optionally one project)', async () => {
    expect((await t.call('eluFayence', 'POST', '/notifications/read-all', { projectId: t.projectId })).json).toEqual({ updated: 1 });
    expect((await t.get('eluFayence', '/notifications/unread-count')).json).toEqual({ count: 1 });
    expect((await t.call('eluFayence', 'POST', '/notifications/read-all', {})).json).toEqual({ updated: 1 });
    expect((await t.get('eluFayence', '/notifications/unread-count')).json).toEqual({ count: 0 });
    expect((await t.get('eluSeillans', '/notifications/unread-count')).json).toEqual({ count: 1 });
  });

  it('hides notifications of a project I can no longer open', async () => {
    send('eluSeillans', 'Avant le retrait');
    expect((await t.get('eluSeillans', '/notifications/unread-count')).json).toEqual({ count: 2 });
    const res = await t.call('vp', 'PUT', `/projects/${t.projectId}/participations/${t.commune('seillans')}`, { state: 'retiree', note: 'Retrait' });
    expect(res.status).toBe(200);
    expect((await t.get('eluSeillans', '/notifications')).json).toEqual([]);
    expect((await t.get('eluSeillans', '/notifications/unread-count')).json).toEqual({ count: 0 });
  });

  it('the live event goes to the recipient only', () => {
    const rows = t.sqlite.prepare("SELECT payload, audience FROM project_events WHERE type = 'notification.created'").all() as { payload: string; audience: string }[];
    const audiences = rows.map((r) => JSON.parse(r.audience));
    expect(audiences.every((a) => Array.isArray(a.userIds) && a.userIds.length === 1)).toBe(true);
    expect(JSON.parse(rows[0].payload)).toEqual({ notificationId: first, kind: 'mention', title: 'Première', link: `/projets/${t.projectId}` });
  });
});
