import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { unauthenticated } from '../../lib/errors.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { MarkAllReadSchema } from '../../../shared/notifications/api.js';
import * as service from './notifications.service.js';
import type { SessionUser } from '../../context.js';

const ListQuery = z.object({
  unread: z.enum(['true', 'false']).default('false').openapi({ param: { name: 'unread', in: 'query' }, example: 'true' }),
  limit: z.coerce.number().int().min(1).max(service.NOTIFICATIONS_PAGE_MAX).default(30).openapi({ param: { name: 'limit', in: 'query' } }),
  before: z.iso.datetime({ error: 'Date-heure ISO 8601 attendue' }).optional().openapi({ param: { name: 'before', in: 'query' } }),
});

/**
 * The notification centre of the signed-in user: list, unread count, mark one or all read. A user only ever sees
 * and changes their own notifications (ownership, not a project ability: notifications are personal).
 */
export function notificationRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Notifications'] };
  const me = (user: SessionUser | null): SessionUser => {
    if (!user) throw unauthenticated();
    return user;
  };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/notifications', summary: 'Mes notifications, les plus récentes d’abord', request: { query: ListQuery }, responses: { 200: jsonResponse('Notifications'), ...ERROR_RESPONSES } }),
    (c) => {
      const user = me(c.get('user'));
      const q = c.req.valid('query');
      return c.json(service.listNotifications(deps, policy, user, { unreadOnly: q.unread === 'true', limit: q.limit, before: q.before }), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/notifications/unread-count', summary: 'Nombre de notifications non lues', responses: { 200: jsonResponse('Compteur', z.object({ count: z.number().int() })), ...ERROR_RESPONSES } }),
    (c) => c.json({ count: service.unreadCount(deps, policy, me(c.get('user'))) }, 200),
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/notifications/{notificationId}/read', summary: 'Marquer une notification comme lue', request: { params: z.object({ notificationId: idParam('notificationId') }) }, responses: { 200: jsonResponse('Notification'), ...ERROR_RESPONSES } }),
    (c) => c.json(service.markRead(deps, me(c.get('user')), c.req.valid('param').notificationId), 200),
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/notifications/read-all', summary: 'Tout marquer comme lu (éventuellement pour un seul projet)', request: jsonBody(MarkAllReadSchema), responses: { 200: jsonResponse('Nombre de notifications marquées', z.object({ updated: z.number().int() })), ...ERROR_RESPONSES } }),
    (c) => c.json(service.markAllRead(deps, me(c.get('user')), c.req.valid('json').projectId), 200),
  );

  return router;
}
