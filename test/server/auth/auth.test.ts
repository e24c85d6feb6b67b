import { describe, it, expect, beforeEach } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';

describe('authentication', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('logs in with the demo password and returns the token, the user and an HttpOnly SameSite=Lax cookie', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: 'VP@demo.mutualab.fr ', password: 'demo' } });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ email: DEMO.vp, name: 'Claire Martin', role: 'elu_communautaire' });
    expect(res.json.user).not.toHaveProperty('passwordHash');
    expect(res.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('mutualab_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain http in tests
  });

  it('refuses a wrong password and an unknown account with the same 401', async () => {
    const wrong = await t.request('POST', '/api/auth/login', { body: { email: DEMO.vp, password: 'nope' } });
    const unknown = await t.request('POST', '/api/auth/login', { body: { email: 'inconnu@exemple.fr', password: 'demo' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual({ error: { code: 'invalid_credentials', message: 'Adresse e-mail ou mot de passe incorrect.' } });
    expect(unknown.json).toEqual(wrong.json);
  });

  it('validates the login body with a 400 and the field in error', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: 'pas-un-email', password: '' } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_error');
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(['email', 'password']);
    const malformed = await t.request('POST', '/api/auth/login', { body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toMatch(/malformed_json|validation_error/);
  });

  it('GET /api/me answers with the Bearer token and with the cookie, 401 without', async () => {
    const { token, cookie } = await t.login(DEMO.techFayence);
    const viaBearer = await t.request('GET', '/api/me', { token });
    const viaCookie = await t.request('GET', '/api/me', { cookie });
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.json).toMatchObject({ email: DEMO.techFayence, role: 'technicien_communal', communeName: 'Fayence' });
    expect(viaCookie.json).toEqual(viaBearer.json);
    const anonymous = await t.request('GET', '/api/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('unauthenticated');
  });

  it('logout revokes the session for both the token and the cookie', async () => {
    const { token, cookie } = await t.login(DEMO.eluFayence);
    const out = await t.request('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
    expect((await t.request('GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('sessions expire after SESSION_TTL_HOURS (12 h by default)', async () => {
    const { token } = await t.login(DEMO.eluSeillans);
    t.clock.advance(11 * 3600_000);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
    t.clock.advance(3600_000 + 1);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
  });

  it('throttles after five failures for one e-mail (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.request('POST', '/api/auth/login', { body: { email: DEMO.caf, password: 'faux' } })).status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', { body: { email: DEMO.caf, password: 'demo' } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBe(900);
    // another account is not affected
    expect((await t.request('POST', '/api/auth/login', { body: { email: DEMO.observer, password: 'demo' } })).status).toBe(200);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await t.request('POST', '/api/auth/login', { body: { email: DEMO.caf, password: 'demo' } })).status).toBe(200);
  });

  it('disabled demo accounts outside demo mode cannot log in (no known passwords)', async () => {
    const { bootstrap } = await import('../../../server/seed/bootstrap.js');
    const lines = await bootstrap({ ...t.deps, env: { ...t.deps.env, DEMO: false, ADMIN_EMAIL: 'dgs@cc-fayence.fr', ADMIN_PASSWORD: 'un-mot-de-passe-long' } });
    expect(lines).toEqual(['Administrateur·rice créé·e : dgs@cc-fayence.fr']);
    expect((await t.request('POST', '/api/auth/login', { body: { email: DEMO.admin, password: 'demo' } })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { email: 'dgs@cc-fayence.fr', password: 'un-mot-de-passe-long' } })).status).toBe(200);
  });
});

describe('CSRF (contracts.md)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  const move = { to: 'scenarios' };

  it('refuses a cookie-authenticated mutation from a foreign Origin', async () => {
    const { cookie } = await t.login(DEMO.vp);
    const res = await t.request('POST', `/api/projects/${t.demoProject().id}/phase`, { cookie, body: move, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('csrf_rejected');
    expect(t.demoProject().phase).toBe('diagnostic');
  });

  it('refuses a cookie-authenticated mutation without Origin nor Sec-Fetch-Site', async () => {
    const { cookie } = await t.login(DEMO.vp);
    const res = await t.request('POST', `/api/projects/${t.demoProject().id}/phase`, { cookie, body: move, origin: null });
    expect(res.status).toBe(403);
  });

  it('accepts same-origin cookie mutations (Origin, or Sec-Fetch-Site: same-origin)', async () => {
    const { cookie } = await t.login(DEMO.vp);
    const viaOrigin = await t.request('POST', `/api/projects/${t.demoProject().id}/phase`, { cookie, body: move });
    expect(viaOrigin.status).toBe(200);
    const back = await t.request('POST', `/api/projects/${t.demoProject().id}/phase`, {
      cookie,
      body: { to: 'diagnostic', reason: 'Retour pour compléter' },
      origin: null,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(back.status).toBe(200);
  });

  it('accepts Bearer mutations whatever the Origin', async () => {
    const { token } = await t.login(DEMO.vp);
    const res = await t.request('POST', `/api/projects/${t.demoProject().id}/phase`, { token, body: move, origin: 'https://outil-interne.example' });
    expect(res.status).toBe(200);
    expect(res.json.phase).toBe('scenarios');
  });

  it('refuses a login posted from a foreign page (login CSRF)', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: DEMO.vp, password: 'demo' }, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors, nosniff, referrer-policy and a request id', async () => {
    const t = await createTestApp({ seed: false });
    const res = await t.request('GET', '/api/health');
    expect(res.json).toEqual({ ok: true });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });
});
