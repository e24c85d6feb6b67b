import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { requestCtx } from '../../lib/request.js';
import { ROLES } from '../../../shared/auth/roles.js';
import { presentUser } from '../auth/auth.presenter.js';
import { createSession } from '../auth/sessions.js';
import { setSessionCookie } from '../auth/auth.routes.js';
import { expectedOrigin } from '../auth/middleware.js';
import * as service from './users.service.js';
import { users } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';

const attachments = { communeId: z.string().min(1).max(64).nullable().optional(), partnerId: z.string().min(1).max(64).nullable().optional() };
const Invite = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Adresse e-mail invalide')),
  name: z.string().trim().min(2, 'Nom trop court').max(120),
  role: z.enum(ROLES),
  title: z.string().trim().max(160).nullable().optional(),
  ...attachments,
});
const tokenParams = z.object({ token: z.string().min(20).max(100).openapi({ param: { name: 'token', in: 'path' } }) });

/** Accounts: listing and invitations by an administrator, invitation acceptance by the invitee, role changes. */
export function userRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Comptes'] };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/users', summary: 'Lister les comptes', responses: { 200: jsonResponse('Comptes'), ...ERROR_RESPONSES } }),
    (c) => {
      policy.authorize(c.get('user'), 'users.manage');
      return c.json(service.listUsers(deps).map((u) => ({ ...presentUser(u), pending: u.passwordHash === null })), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/users/invitations', summary: 'Inviter une personne (lien à transmettre)', request: jsonBody(Invite), responses: { 201: jsonResponse('Invitation créée'), ...ERROR_RESPONSES, 409: jsonResponse('Adresse déjà utilisée') } }),
    (c) => {
      policy.authorize(c.get('user'), 'users.manage');
      const { userId, token, expiresAt } = service.invite(deps, c.req.valid('json'), requestCtx(c));
      const user = deps.db.select().from(users).where(eq(users.id, userId)).get()!;
      const origin = expectedOrigin(deps, c.req.url, c.req.header('host'));
      return c.json({ user: presentUser(user), invitationUrl: `${origin}/invitation/${token}`, expiresAt }, 201);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/users/{userId}/role',
      summary: 'Changer le rôle (révoque les sessions de la personne)',
      request: { params: z.object({ userId: idParam('userId') }), ...jsonBody(z.object({ role: z.enum(ROLES), ...attachments })) },
      responses: { 200: jsonResponse('Compte'), ...ERROR_RESPONSES },
    }),
    (c) => {
      policy.authorize(c.get('user'), 'users.manage');
      const row = service.changeRole(deps, c.req.valid('param').userId, c.req.valid('json'), requestCtx(c));
      return c.json(presentUser(row), 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/invitations/{token}', tags: ['Comptes'], summary: 'Voir une invitation (public)', request: { params: tokenParams }, responses: { 200: jsonResponse('Invitation'), 400: ERROR_RESPONSES[400], 404: ERROR_RESPONSES[404] } }),
    (c) => c.json(service.describeInvitation(deps, c.req.valid('param').token), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tags: ['Comptes'],
      summary: 'Accepter une invitation en choisissant un mot de passe (12 caractères au moins)',
      request: { params: tokenParams, ...jsonBody(z.object({ password: z.string().max(200) })) },
      responses: { 200: jsonResponse('Connecté·e'), 400: ERROR_RESPONSES[400], 404: ERROR_RESPONSES[404] },
    }),
    async (c) => {
      const userId = await service.acceptInvitation(deps, c.req.valid('param').token, c.req.valid('json').password);
      const { token, expiresAt } = createSession(deps, userId);
      setSessionCookie(deps, c, token, expiresAt);
      const user = deps.db.select().from(users).where(eq(users.id, userId)).get()!;
      return c.json({ token, user: presentUser(user) }, 200);
    },
  );

  return router;
}
