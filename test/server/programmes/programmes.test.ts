/**
 * Programmes communaux through the HTTP API: who may list, add, edit and remove a commune's actions, validation,
 * soft deletion (positions keep naming removed actions), audit and live events.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRoundsTestApp, type DemoKey, type RoundsTestApp } from '../rounds/setup.js';

let t: RoundsTestApp;
beforeAll(async () => {
  t = await createRoundsTestApp();
});
afterAll(async () => {
  await t.close();
});

const action = { title: 'Créer une ludothèque', description: 'Dans l’ancienne école.', plannedYear: 2028, budgetEuros: 90_000 };

describe('programmes communaux', () => {
  it('lists the demo programme of a commune in order, for every project reader', async () => {
    const res = await t.get('caf', `/projects/${t.projectId}/programmes?communeId=${t.commune('seillans')}`);
    expect(res.status).toBe(200);
    expect(res.json.map((a: { title: string; plannedYear: number; budgetEuros: number; communeName: string }) => [a.communeName, a.title, a.plannedYear, a.budgetEuros])).toEqual([
      ['Seillans', 'Rénover la maison des jeunes', 2027, 250_000],
      ['Seillans', 'Accueil de loisirs du mercredi', 2026, 60_000],
    ]);
    expect((await t.get('observer', `/projects/${t.projectId}/programmes`)).json).toHaveLength(7);
  });

  it('only the facilitator, the administrator and the élus and technicians of the commune add to its programme', async () => {
    const path = `/projects/${t.projectId}/communes/${t.commune('fayence')}/programme`;
    const got: Record<string, number> = {};
    for (const who of ['admin', 'vp', 'techEpci', 'eluFayence', 'techFayence', 'eluSeillans', 'caf', 'observer'] as DemoKey[]) got[who] = (await t.call(who, 'POST', path, action)).status;
    expect(got).toEqual({ admin: 201, vp: 201, techEpci: 403, eluFayence: 201, techFayence: 201, eluSeillans: 403, caf: 403, observer: 403 });
    expect((await t.call(null, 'POST', path, action)).status).toBe(401);
    const list = (await t.get('vp', `/projects/${t.projectId}/programmes?communeId=${t.commune('fayence')}`)).json;
    expect(list.map((a: { position: number }) => a.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(list[6]).toMatchObject({ ...action, communeName: 'Fayence', updatedBy: { id: t.userId('techFayence'), name: 'Luc Bernard' } });
  });

  it('validates the fields and refuses a commune outside the project', async () => {
    const path = `/projects/${t.projectId}/communes/${t.commune('fayence')}/programme`;
    const bad = async (body: unknown) => (await t.call('vp', 'POST', path, body)).json.error.code;
    expect(await bad({ title: 'X' })).toBe('validation_error');
    expect(await bad({ ...action, plannedYear: 1990 })).toBe('validation_error');
    expect(await bad({ ...action, budgetEuros: -5 })).toBe('validation_error');
    expect(await bad({ ...action, extra: 1 })).toBe('validation_error');
    const outside = await t.call('vp', 'POST', `/projects/${t.projectId}/communes/${t.commune('bagnols')}/programme`, action);
    expect([outside.status, outside.json.error.code]).toEqual([404, 'commune_not_in_project']);
  });

  it('edits and removes: the commune’s people and the facilitator only; removed actions leave the list', async () => {
    const created = (await t.call('eluFayence', 'POST', `/projects/${t.projectId}/communes/${t.commune('fayence')}/programme`, { title: 'Skatepark' })).json;
    expect(created).toMatchObject({ title: 'Skatepark', description: '', plannedYear: null, budgetEuros: null });
    const path = `/programme-actions/${created.id}`;
    expect((await t.call('eluSeillans', 'PATCH', path, { budgetEuros: 1 })).status).toBe(403);
    expect((await t.call('caf', 'PATCH', path, { budgetEuros: 1 })).status).toBe(403);
    expect((await t.call('vp', 'PATCH', path, {})).status).toBe(400);
    const edited = await t.call('techFayence', 'PATCH', path, { budgetEuros: 120_000, plannedYear: 2029 });
    expect(edited.json).toMatchObject({ title: 'Skatepark', budgetEuros: 120_000, plannedYear: 2029 });
    expect((await t.call('eluSeillans', 'DELETE', path)).status).toBe(403);
    expect((await t.call('eluFayence', 'DELETE', path)).status).toBe(204);
    expect((await t.call('eluFayence', 'DELETE', path)).status).toBe(404);
    expect((await t.call('vp', 'PATCH', path, { title: 'Encore' })).status).toBe(404);
    const titles = (await t.get('vp', `/projects/${t.projectId}/programmes?communeId=${t.commune('fayence')}`)).json.map((a: { title: string }) => a.title);
    expect(titles).not.toContain('Skatepark');
    expect(t.audit('programme.action_updated')).toEqual([{ userId: t.userId('techFayence'), targetId: created.id, after: { budgetEuros: 120_000, plannedYear: 2029 } }]);
    expect(t.audit('programme.action_deleted').map((a) => a.targetId)).toEqual([created.id]);
    const events = t.sqlite.prepare("SELECT payload, audience FROM project_events WHERE type = 'programme.changed'").all() as { payload: string; audience: string }[];
    expect(JSON.parse(events[events.length - 1].audience)).toEqual({ ability: 'programme.read' });
    expect(JSON.parse(events[events.length - 1].payload)).toEqual({ communeId: t.commune('fayence'), actionId: created.id });
  });
});
