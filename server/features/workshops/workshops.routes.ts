import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import type { Action } from '../../../shared/auth/abilities.js';
import { unauthenticated } from '../../lib/errors.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { CreateSeanceSchema, FollowSchema, LockSchema, SeanceCommandSchema, UpdateSeanceSchema } from '../../../shared/workshops/types.js';
import type { SeanceViewDto } from '../../../shared/workshops/types.js';
import { asActor, seanceOr404, type Services } from './workshops.context.js';
import { buildState } from './workshops.state.js';
import { myVotes } from './workshops.live.js';
import { presentSeanceListItem } from './workshops.presenter.js';
import { workshopsRepo, type SeanceRow } from './workshops.repo.js';
import * as service from './workshops.service.js';

export const projectParams = z.object({ projectId: idParam('projectId') });
export const seanceParams = z.object({ seanceId: idParam('seanceId') });
export const CONFLICT = jsonResponse('État de la séance incompatible (terminée, pas commencée, sondage clos…)');

/**
 * The séance of the path after the checks, in this order: signed in (401), the séance exists (404), the caller holds
 * `action` on its project (403).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function seanceFor(deps: AppDeps, policy: Policy, c: Context<AppEnv, any, any>, seanceId: string, action: Action): SeanceRow {
  if (!c.get('user')) throw unauthenticated();
  const row = seanceOr404(deps, seanceId);
  policy.authorize(c.get('user'), action, { projectId: row.projectId });
  return row;
}

/** The caller's view of a séance: the public state plus their own votes. */
export function viewOf(s: Services, state: Omit<SeanceViewDto, 'myVotes'>, user: Parameters<typeof myVotes>[2]): SeanceViewDto {
  return { ...state, myVotes: myVotes(s, state.id, user) };
}

/**
 * Séances: list, create (with its compte rendu document and invitations), read the live state, edit, steer
 * (commands), « Suivre l'animatrice » target, locks. Reading needs `workshop.read`; everything else
 * `workshop.control` (facilitator, administrator).
 */
export function workshopRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const s: Services = { deps, collaboration, policy };
  const common = { security: SIGNED_IN, tags: ['Séances'] };
  const ok = (d: string) => ({ 200: jsonResponse(d), ...ERROR_RESPONSES, 409: CONFLICT });

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/seances', summary: 'Séances du projet (la plus récente d’abord)', request: { params: projectParams }, responses: { 200: jsonResponse('Séances'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'workshop.read', { projectId });
      return c.json(service.listSeances(deps, projectId).map(presentSeanceListItem), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/seances/invitables', summary: 'Personnes qui peuvent être invitées à une séance (accès au projet)', request: { params: projectParams }, responses: { 200: jsonResponse('Personnes'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'workshop.control', { projectId });
      const people = workshopsRepo.allUsers(deps.db).filter((u) => policy.can(asActor(u), 'workshop.read', { projectId }));
      const names = new Map(workshopsRepo.communeNames(deps.db, people.flatMap((p) => (p.communeId ? [p.communeId] : []))).map((n) => [n.id, n.name]));
      return c.json(people.map((p) => ({ id: p.id, name: p.name, role: p.role, communeId: p.communeId, communeName: p.communeId ? (names.get(p.communeId) ?? null) : null })), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/seances', summary: 'Préparer une séance (ordre du jour, invitations ; son compte rendu est créé)', request: { params: projectParams, ...jsonBody(CreateSeanceSchema) }, responses: { 201: jsonResponse('Séance créée'), ...ERROR_RESPONSES } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'workshop.control', { projectId });
      const ctx = requestCtx(c);
      const state = await service.createSeance(s, projectId, c.req.valid('json'), ctx);
      return c.json(viewOf(s, state, ctx.user), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/seances/{seanceId}', summary: 'État en direct d’une séance (reprise après reconnexion)', request: { params: seanceParams }, responses: { 200: jsonResponse('Séance'), ...ERROR_RESPONSES } }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.read');
      return c.json(viewOf(s, buildState(deps, row, (id) => collaboration.presence(id)), requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/seances/{seanceId}', summary: 'Modifier une séance et son ordre du jour', request: { params: seanceParams, ...jsonBody(UpdateSeanceSchema) }, responses: ok('Séance') }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, service.updateSeance(s, row.id, c.req.valid('json'), ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/commands', summary: 'Piloter la séance : démarrer, pause, reprendre, point suivant, aller à un point, terminer', request: { params: seanceParams, ...jsonBody(SeanceCommandSchema) }, responses: ok('Séance') }),
    async (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, await service.commandSeance(s, row.id, c.req.valid('json'), ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'put', path: '/seances/{seanceId}/follow', summary: "Ce que montrent les écrans qui suivent l'animatrice (document et section)", request: { params: seanceParams, ...jsonBody(FollowSchema) }, responses: ok('Séance') }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, service.setFollow(s, row.id, c.req.valid('json'), ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/locks', summary: 'Verrouiller ou déverrouiller un document de la séance, ou tous', request: { params: seanceParams, ...jsonBody(LockSchema) }, responses: ok('Séance') }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, service.setSeanceLocks(s, row.id, c.req.valid('json'), ctx), ctx.user), 200);
    },
  );

  return router;
}
