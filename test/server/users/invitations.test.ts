import { describe, it, expect, beforeEach } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';

describe('invitations and roles', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = (await t.login(DEMO.admin)).token;
  });

  it('an invited technician sets a password through the link and can then log in', async () => {
    const callian = t.communeByInsee('83029').id;
    const res = await t.request('POST', '/api/users/invitations', {
      token: admin,
      body: { email: 'Tech.Callian@exemple.fr', name: 'Amandine Callian', role: 'technicien_communal', communeId: callian, title: 'Directrice ALSH' },
    });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: 'tech.callian@exemple.fr', role: 'technicien_communal', communeId: callian });
    const token = res.json.invitationUrl.split('/invitation/')[1];
    expect(res.json.invitationUrl).toBe(`http://localhost/invitation/${token}`);
    expect((await t.request('GET', `/api/invitations/${token}`)).json).toEqual({ email: 'tech.callian@exemple.fr', name: 'Amandine Callian' });
    // no password yet: login impossible
    expect((await t.request('POST', '/api/auth/login', { body: { email: 'tech.callian@exemple.fr', password: '' } })).status).toBe(400);
    const weak = await t.request('POST', `/api/invitations/${token}/accept`, { body: { password: 'court' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error).toEqual({ code: 'weak_password', message: 'Le mot de passe doit compter au moins 12 caractères.' });
    const accepted = await t.request('POST', `/api/invitations/${token}/accept`, { body: { password: 'Jeunesse-Callian-2027' } });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('set-cookie')).toContain('mutualab_session=');
    expect((await t.request('POST', `/api/invitations/${token}/accept`, { body: { password: 'Jeunesse-Callian-2027' } })).status).toBe(404);
    expect((await t.request('POST', '/api/auth/login', { body: { email: 'tech.callian@exemple.fr', password: 'Jeunesse-Callian-2027' } })).status).toBe(200);
  });

  it('refuses inconsistent attachments and duplicate e-mails', async () => {
    const noCommune = await t.request('POST', '/api/users/invitations', { token: admin, body: { email: 'a@exemple.fr', name: 'Sans Commune', role: 'elu_communal' } });
    expect(noCommune.json.error.code).toBe('commune_required');
    const noPartner = await t.request('POST', '/api/users/invitations', { token: admin, body: { email: 'b@exemple.fr', name: 'Sans Organisme', role: 'partenaire' } });
    expect(noPartner.json.error.code).toBe('partner_required');
    const dup = await t.request('POST', '/api/users/invitations', { token: admin, body: { email: DEMO.vp, name: 'Doublon', role: 'observateur' } });
    expect(dup.status).toBe(409);
  });

  it('an expired invitation is refused', async () => {
    const res = await t.request('POST', '/api/users/invitations', { token: admin, body: { email: 'c@exemple.fr', name: 'Trop Tard', role: 'observateur' } });
    const token = res.json.invitationUrl.split('/invitation/')[1];
    t.clock.advance(15 * 86400_000);
    expect((await t.request('GET', `/api/invitations/${token}`)).status).toBe(404);
  });

  it('a role change revokes every session of that person at once', async () => {
    const elu = await t.login(DEMO.eluSeillans);
    const id = t.userByEmail(DEMO.eluSeillans).id;
    const res = await t.request('PUT', `/api/users/${id}/role`, { token: admin, body: { role: 'observateur' } });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe('observateur');
    expect((await t.request('GET', '/api/me', { token: elu.token })).status).toBe(401);
    const audit = t.sqlite.prepare("select action, before, after from audit_events where action = 'user.role_changed'").all() as any[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before).role).toBe('elu_communal');
  });
});
