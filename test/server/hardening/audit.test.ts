import { describe, it, expect } from 'vitest';
import { createTestApp, DEMO } from '../../support/test-app.js';

describe('audit trail', () => {
  it('records logins, failed logins, role changes, phase changes, participations and locks; admins read it all', async () => {
    const t = await createTestApp({ full: true });
    const admin = (await t.login(DEMO.admin)).token;
    const vp = (await t.login(DEMO.vp)).token;
    await t.request('POST', '/api/auth/login', { body: { email: DEMO.caf, password: 'mauvais' } });
    const projectId = t.demoProject().id;
    await t.request('POST', `/api/projects/${projectId}/phase`, { token: vp, body: { to: 'scenarios' } });
    await t.request('PUT', `/api/projects/${projectId}/participations/${t.communeByInsee('83080').id}`, { token: vp, body: { state: 'participante' } });
    const doc = (await t.request('POST', `/api/projects/${projectId}/documents`, { token: vp, body: { kind: 'note', title: 'Note' } })).json;
    await t.request('POST', `/api/documents/${doc.id}/lock`, { token: vp });
    await t.request('PUT', `/api/users/${t.userByEmail(DEMO.observer).id}/role`, { token: admin, body: { role: 'observateur' } });

    const all = await t.request('GET', '/api/audit', { token: admin });
    expect(all.status).toBe(200);
    const actions = new Set(all.json.map((e: any) => e.action));
    for (const a of ['auth.login', 'auth.login_failed', 'project.phase_changed', 'project.participation_changed', 'user.role_changed']) {
      expect(actions, a).toContain(a);
    }
    expect([...actions].some((a) => String(a).startsWith('document.lock'))).toBe(true);
    const phase = all.json.find((e: any) => e.action === 'project.phase_changed');
    expect(phase).toMatchObject({ user: { name: 'Claire Martin' }, before: { phase: 'diagnostic' }, after: { phase: 'scenarios', reason: null } });
    expect(phase.requestId).toMatch(/^req_/);

    const logins = await t.request('GET', '/api/audit?action=auth.', { token: admin });
    expect(logins.json.every((e: any) => e.action.startsWith('auth.'))).toBe(true);

    const csv = await t.request('GET', `/api/projects/${projectId}/audit/export?format=csv`, { token: vp });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // (the UTF-8 BOM is stripped by the test's text decoder; the unit test below checks it)
    expect(csv.text.split('\r\n')[0]).toBe('id,date,auteur,action,libelle,type_cible,cible,avant,apres,requete');
    expect(csv.text).toContain('"project.phase_changed","Changement de phase"');
    expect((await t.request('GET', '/api/audit', { token: vp })).status).toBe(403);
    await t.close();
  });

  it('CSV export neutralises spreadsheet formulas', async () => {
    const { auditToCsv } = await import('../../../server/features/audit/audit.routes.js');
    const csv = auditToCsv([{ id: 1, at: '2026-11-27T09:00:00.000Z', user: { id: 'u', name: '=HYPERLINK("x")' }, action: 'x', targetType: 't', targetId: null, before: null, after: { a: '"q"' }, requestId: null }]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"{""a"":""\\""q\\""""}"');
  });
});
