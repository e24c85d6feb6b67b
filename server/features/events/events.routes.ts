import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import type { FeatureMount } from '../../app.js';
import { badRequest } from '../../lib/errors.js';
import { createRouter, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { requestCtx } from '../../lib/request.js';
import { runEventStream, type EventStreamOptions } from './event-stream.js';
import { startEventPruner } from './event-retention.js';
import { runNotificationStream } from '../notifications/notifications.stream.js';
import { unauthenticated } from '../../lib/errors.js';

const EVENT_ID = /^\d{1,15}$/;
const eventId = z.string().regex(EVENT_ID, 'Identifiant d’événement invalide');

const route = createRoute({
  security: SIGNED_IN,
  tags: ['Événements'],
  method: 'get',
  path: '/projects/{projectId}/events',
  summary: 'Flux des événements du projet (Server-Sent Events)',
  description:
    'Chaque événement est envoyé sous la forme `id: <id>` / `event: <type>` / `data: <LiveEvent JSON>`, filtré selon ce que la personne connectée peut voir. ' +
    'Une reconnexion reprend après `Last-Event-ID` (en-tête, ou paramètre `lastEventId` pour les clients qui ne peuvent pas l’envoyer). ' +
    'Un commentaire `: heartbeat` est envoyé toutes les 15 secondes ; le flux se ferme quand la session est révoquée.',
  request: {
    params: z.object({ projectId: idParam('projectId') }),
    query: z.object({ lastEventId: eventId.optional() }),
    headers: z.object({ 'last-event-id': z.string().optional() }),
  },
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'Flux SSE (ne se termine pas)' },
    ...ERROR_RESPONSES,
  },
});

const notificationStream = createRoute({
  security: SIGNED_IN,
  tags: ['Notifications'],
  method: 'get',
  path: '/notifications/events',
  summary: 'Mes notifications en direct, tous projets confondus (Server-Sent Events)',
  description:
    'Chaque notification créée pour la personne connectée, quel que soit le projet : `event: notification.created`, `data: <LiveEvent JSON>`. ' +
    'Pas de reprise : à la reconnexion, le client recharge son compteur. Commentaire `: heartbeat` toutes les 15 secondes ; le flux se ferme quand la session est révoquée.',
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'Flux SSE (ne se termine pas)' },
    ...ERROR_RESPONSES,
  },
});

/** Parses the resume point; the header wins over the query parameter (EventSource sets the header on reconnect). */
function resumePoint(header: string | undefined, query: string | undefined): number | null {
  const raw = header?.trim() || query;
  if (raw === undefined || raw === '') return null;
  if (!EVENT_ID.test(raw)) throw badRequest('Last-Event-ID invalide : un identifiant numérique est attendu.');
  return Number(raw);
}

/** The per-project live events stream (contracts.md "Live events"). */
export function eventRoutes(deps: AppDeps, policy: Policy, options: EventStreamOptions = {}) {
  const router = createRouter();
  router.openapi(route, (c) => {
    const { projectId } = c.req.valid('param');
    policy.authorize(c.get('user'), 'project.read', { projectId });
    const lastEventId = resumePoint(c.req.valid('header')['last-event-id'], c.req.valid('query').lastEventId);
    const { user } = requestCtx(c);
    const sessionTokenHash = c.get('sessionTokenHash');
    // Reverse proxies (nginx) buffer responses by default, which would hold events back.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, (stream) =>
      runEventStream(stream, { deps, policy, user, sessionTokenHash, projectId, lastEventId, signal: c.req.raw.signal }, options),
    );
  });
  router.openapi(notificationStream, (c) => {
    const user = c.get('user');
    if (!user) throw unauthenticated();
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, (stream) => runNotificationStream(stream, { deps, user, sessionTokenHash: c.get('sessionTokenHash'), signal: c.req.raw.signal }, options));
  });
  return router;
}

/** The events feature as the server mounts it (`buildMounts` in server/server.ts). */
export function eventsMount(options: EventStreamOptions = {}): FeatureMount {
  return (api, deps, policy) => {
    api.route('/', eventRoutes(deps, policy, options));
    startEventPruner(deps, options.shutdownSignal);
  };
}
