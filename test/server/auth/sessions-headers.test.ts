/**
 * What auth.test.ts does not cover yet: cookie flags in detail (Path, Expires = session expiry, Secure behind
 * HTTPS, cleared at logout), CSRF on every mutating method and on logout, the security headers on every kind of
 * response, per-address login throttling (and that a forged X-Forwarded-For does not escape it), the password policy
 * of the first administrator.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';
import { clientAddress, isPrivateAddress } from '../../../server/features/auth/client-address.js';
import { loadEnv } from '../../../server/env.js';

describe('session cookie', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('is HttpOnly, SameSite=Lax, Path=/, host-only, and expires with the session (12 h)', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: DEMO.vp, password: 'demo' } });
    const cookie = res.headers.get('set-cookie')!;
    const attrs = cookie.split(';').map((s) => s.trim());
    expect(attrs[0]).toMatch(/^mutualab_session=[A-Za-z0-9_-]{43}$/);
    expect(attrs).toContain('HttpOnly');
    expect(attrs).toContain('SameSite=Lax');
    expect(attrs).toContain('Path=/');
    expect(attrs.some((a) => a.startsWith('Domain='))).toBe(false);
    const expires = attrs.find((a) => a.startsWith('Expires='))!.slice('Expires='.length);
    expect(new Date(expires).toISOString()).toBe(new Date(t.clock.now().getTime() + 12 * 3600_000).toISOString());
  });

  it('is Secure when the app is published over HTTPS (PUBLIC_ORIGIN)', async () => {
    const https = await createTestApp({ env: { PUBLIC_ORIGIN: 'https://mutualab.cc-exemple.fr' } });
    const res = await https.request('POST', '/api/auth/login', { body: { email: DEMO.vp, password: 'demo' }, origin: 'https://mutualab.cc-exemple.fr' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')!.split(';').map((s) => s.trim())).toContain('Secure');
  });

  it('is cleared at logout', async () => {
    const { cookie } = await t.login(DEMO.eluFayence);
    const out = await t.request('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    const cleared = out.headers.get('set-cookie')!;
    expect(cleared).toMatch(/^mutualab_session=;/);
    expect(cleared).toContain('Max-Age=0');
  });
});

describe('CSRF on every mutating method', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('PATCH, PUT and DELETE with the cookie from a foreign Origin are refused (403 csrf_rejected) and change nothing', async () => {
    const { cookie } = await t.login(DEMO.vp);
    const projectId = t.demoProject().id;
    const observer = t.userByEmail(DEMO.observer).id;
    const calls: [string, string, unknown][] = [
      ['PATCH', `/api/projects/${projectId}`, { title: 'Piraté' }],
      ['PUT', `/api/projects/${projectId}/plan`, { dates: {} }],
      ['DELETE', `/api/projects/${projectId}/members/${observer}`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const res = await t.request(method, path, { cookie, body, origin: 'https://evil.example' });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe('csrf_rejected');
    }
    expect(t.demoProject().title).toBe('Mutualisation du service jeunesse');
    expect(t.sqlite.prepare('SELECT COUNT(*) FROM project_members WHERE user_id = ?').pluck().get(observer)).toBe(1);
  });

  it('Sec-Fetch-Site: cross-site without Origin is refused; a cross-site logout does not end the session', async () => {
    const { cookie, token } = await t.login(DEMO.vp);
    const res = await t.request('PATCH', `/api/projects/${t.demoProject().id}`, { cookie, body: { title: 'Piraté' }, origin: null, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
    const logout = await t.request('POST', '/api/auth/logout', { cookie, origin: 'https://evil.example' });
    expect(logout.status).toBe(403);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(200);
  });
});

describe('security headers on every kind of response', () => {
  it('JSON, errors (401, 404), the API docs and the client page all carry CSP frame-ancestors, nosniff, referrer-policy, X-Frame-Options', async () => {
    const t = await createTestApp();
    const responses = {
      json: await t.request('GET', '/api/health'),
      unauthenticated: await t.request('GET', '/api/me'),
      notFound: await t.request('GET', '/api/nulle-part'),
      docs: await t.request('GET', '/api/docs'),
      page: await t.request('GET', '/projets/quelque-chose'),
    };
    expect(responses.unauthenticated.status).toBe(401);
    expect(responses.notFound.status).toBe(404);
    for (const [name, res] of Object.entries(responses)) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toContain("default-src 'self'");
      expect(csp, name).toContain("script-src 'self'");
      expect(csp, name).toContain("object-src 'none'");
      expect(csp, name).toContain("base-uri 'self'");
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), name).toBe('same-origin');
      expect(res.headers.get('x-frame-options'), name).toBe('DENY');
    }
  });
});

describe('login throttling per address', () => {
  it('twenty failures from one address (any e-mails) block that address for 15 minutes, not the others', async () => {
    const t = await createTestApp();
    const from = (ip: string, email: string, password: string) =>
      t.request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 20; i++) expect((await from('203.0.113.7', `inconnu${i}@exemple.fr`, 'faux')).status).toBe(401);
    const blocked = await from('203.0.113.7', DEMO.vp, 'demo');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect((await from('198.51.100.2', DEMO.vp, 'demo')).status).toBe(200);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await from('203.0.113.7', DEMO.vp, 'demo')).status).toBe(200);
  });

  it('X-Forwarded-For is believed only from a proxy, and only its last hop', () => {
    // A client on the Internet connecting directly: its forged header is ignored.
    expect(clientAddress('203.0.113.7', '10.9.9.9', false)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', undefined, false)).toBe('203.0.113.7');
    // Through a local reverse proxy: the hop the proxy appended, not what the client wrote before it.
    expect(clientAddress('127.0.0.1', 'forge-1, 198.51.100.2', false)).toBe('198.51.100.2');
    expect(clientAddress('::ffff:10.0.0.5', '198.51.100.2', false)).toBe('198.51.100.2');
    // Published behind a proxy on a public address (PUBLIC_ORIGIN set).
    expect(clientAddress('192.0.2.10', '198.51.100.2', true)).toBe('198.51.100.2');
    const table: [string, boolean][] = [
      ['127.0.0.1', true], ['::1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.32.0.1', false],
      ['192.168.1.1', true], ['::ffff:192.168.1.1', true], ['fd12::1', true], ['203.0.113.7', false], ['2001:db8::1', false],
    ];
    for (const [address, expected] of table) expect(isPrivateAddress(address), address).toBe(expected);
  });
});

describe('password policy', () => {
  it('the first administrator’s password (ADMIN_PASSWORD) needs 12 characters', () => {
    expect(() => loadEnv({ ADMIN_EMAIL: 'dgs@cc-fayence.fr', ADMIN_PASSWORD: 'court' })).toThrow('ADMIN_PASSWORD doit faire au moins 12 caractères');
    expect(loadEnv({ ADMIN_EMAIL: 'dgs@cc-fayence.fr', ADMIN_PASSWORD: 'douze-caract' }).ADMIN_PASSWORD).toBe('douze-caract');
  });
});
