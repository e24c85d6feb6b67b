import { createRoute } from '@hono/zod-openapi';
import { setCookie, deleteCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, z } from '../../lib/openapi.js';
import { users, communes, partners } from '../../db/schema/index.js';
import { invalidCredentials, throttled, unauthenticated } from '../../lib/errors.js';
import { verifyPassword } from './password.js';
import { createThrottle } from './throttle.js';
import { clientAddress } from './client-address.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createSession, revokeSession, SESSION_COOKIE } from './sessions.js';
import { presentUser } from './auth.presenter.js';
import { recordAudit } from '../../lib/audit.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seed/demo-accounts.js';
import type { MeDto, PublicConfigDto } from '../../../shared/api/types.js';

const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Adresse e-mail invalide')).openapi({ example: 'vp@demo.mutualab.fr' }),
  password: z.string().min(1, 'Mot de passe requis').max(200),
});

/** The socket's remote address; undefined for in-process requests (`app.request` in tests has no socket). */
function peerAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** Sets the HttpOnly session cookie (Secure when served over HTTPS). */
export function setSessionCookie(deps: AppDeps, c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const https = (deps.env.PUBLIC_ORIGIN ?? c.req.url).startsWith('https:');
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: https,
    path: '/',
    expires: expiresAt,
  });
}

/** Login, logout, the signed-in user and the public configuration. */
export function authRoutes(deps: AppDeps) {
  // Five failures per e-mail or twenty per address within 15 minutes → 429 until the window passes.
  const byEmail = createThrottle(deps.clock, 5, 15 * 60_000);
  const byIp = createThrottle(deps.clock, 20, 15 * 60_000);

  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/config',
      summary: 'Configuration publique (mode démo, comptes de démonstration)',
      responses: { 200: jsonResponse('Configuration') },
    }),
    (c) => {
      const body: PublicConfigDto = {
        demo: deps.env.DEMO,
        ...(deps.env.DEMO ? { demoPassword: DEMO_PASSWORD } : {}),
        demoAccounts: deps.env.DEMO ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, role: a.role, label: a.label })) : [],
      };
      return c.json(body, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      summary: 'Se connecter (cookie de session + jeton Bearer)',
      request: jsonBody(LoginSchema),
      responses: { 200: jsonResponse('Connecté·e'), 400: ERROR_RESPONSES[400], 401: ERROR_RESPONSES[401], 429: jsonResponse('Trop de tentatives') },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const ip = clientAddress(peerAddress(c), c.req.header('x-forwarded-for'), !!deps.env.PUBLIC_ORIGIN);
      const wait = Math.max(byEmail.retryAfter(email), byIp.retryAfter(ip));
      if (wait > 0) throw throttled(wait);
      const user = deps.db.select().from(users).where(eq(users.email, email)).get();
      const ok = user && !user.disabledAt && (await verifyPassword(password, user.passwordHash));
      if (!ok || !user) {
        byEmail.fail(email);
        byIp.fail(ip);
        recordAudit(deps.db, { at: deps.clock.now().toISOString(), userId: user?.id ?? null, action: 'auth.login_failed', targetType: 'user', targetId: user?.id, after: { email }, requestId: c.get('requestId') });
        throw invalidCredentials();
      }
      byEmail.reset(email);
      const { token, expiresAt } = createSession(deps, user.id);
      recordAudit(deps.db, { at: deps.clock.now().toISOString(), userId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, requestId: c.get('requestId') });
      setSessionCookie(deps, c, token, expiresAt);
      return c.json({ token, user: presentUser(user) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'Se déconnecter (révoque la session)',
      security: SIGNED_IN,
      responses: { 204: { description: 'Déconnecté·e' }, 401: ERROR_RESPONSES[401] },
    }),
    (c) => {
      const user = c.get('user');
      const tokenHash = c.get('sessionTokenHash');
      if (!user || !tokenHash) throw unauthenticated();
      revokeSession(deps, tokenHash, user.id);
      recordAudit(deps.db, { at: deps.clock.now().toISOString(), userId: user.id, action: 'auth.logout', targetType: 'user', targetId: user.id, requestId: c.get('requestId') });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: "L'utilisateur·rice connecté·e",
      security: SIGNED_IN,
      responses: { 200: jsonResponse('Utilisateur·rice'), 401: ERROR_RESPONSES[401] },
    }),
    (c) => {
      const user = c.get('user');
      if (!user) throw unauthenticated();
      const commune = user.communeId ? deps.db.select().from(communes).where(eq(communes.id, user.communeId)).get() : undefined;
      const partner = user.partnerId ? deps.db.select().from(partners).where(eq(partners.id, user.partnerId)).get() : undefined;
      const body: MeDto = {
        ...presentUser(user),
        ...(commune ? { communeName: commune.name, territoryId: commune.territoryId } : {}),
        ...(partner ? { partnerName: partner.name, territoryId: partner.territoryId } : {}),
      };
      return c.json(body, 200);
    },
  );

  return router;
}
