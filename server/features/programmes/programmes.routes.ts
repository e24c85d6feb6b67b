import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { unauthenticated } from '../../lib/errors.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { CreateProgrammeActionSchema, UpdateProgrammeActionSchema } from '../../../shared/rounds/programme.js';
import { listProgramme, listProjectProgrammes } from './programmes.repo.js';
import * as service from './programmes.service.js';
import { presentActions } from './programmes.presenter.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const communeParams = z.object({ projectId: idParam('projectId'), communeId: idParam('communeId') });
const actionParams = z.object({ actionId: idParam('actionId') });
const ListQuery = z.object({ communeId: z.string().min(1).max(64).optional().openapi({ param: { name: 'communeId', in: 'query' } }) });

/**
 * Programmes communaux: list a project's programme actions (optionally one commune's), add one to a commune's
 * programme, edit or remove it. Reading needs `programme.read`; writing `programme.write` on that commune
 * (facilitator, administrator, élus and technicians of the commune).
 */
export function programmeRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Programmes communaux'] };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/programmes', summary: 'Actions des programmes communaux du projet (filtre `communeId`)', request: { params: projectParams, query: ListQuery }, responses: { 200: jsonResponse('Actions'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      const { communeId } = c.req.valid('query');
      policy.authorize(c.get('user'), 'programme.read', { projectId });
      const rows = communeId ? listProgramme(deps.db, projectId, communeId) : listProjectProgrammes(deps.db, projectId);
      return c.json(presentActions(deps, rows), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/communes/{communeId}/programme', summary: 'Ajouter une action au programme d’une commune', request: { params: communeParams, ...jsonBody(CreateProgrammeActionSchema) }, responses: { 201: jsonResponse('Action créée'), ...ERROR_RESPONSES, 409: jsonResponse('Programme complet') } }),
    (c) => {
      const { projectId, communeId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'programme.write', { projectId, communeId });
      const row = service.createAction(deps, projectId, communeId, c.req.valid('json'), requestCtx(c));
      return c.json(presentActions(deps, [row])[0], 201);
    },
  );

  /** 401, then 404 for an unknown action, then the commune-scoped `programme.write`. */
  const authorizedAction = (user: Parameters<Policy['authorize']>[0], actionId: string) => {
    if (!user) throw unauthenticated();
    const row = service.getActionOr404(deps, actionId);
    policy.authorize(user, 'programme.write', { projectId: row.projectId, communeId: row.communeId });
    return row;
  };

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/programme-actions/{actionId}', summary: 'Modifier une action d’un programme communal', request: { params: actionParams, ...jsonBody(UpdateProgrammeActionSchema) }, responses: { 200: jsonResponse('Action'), ...ERROR_RESPONSES } }),
    (c) => {
      const row = authorizedAction(c.get('user'), c.req.valid('param').actionId);
      return c.json(presentActions(deps, [service.updateAction(deps, row.id, c.req.valid('json'), requestCtx(c))])[0], 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/programme-actions/{actionId}', summary: 'Retirer une action d’un programme communal', request: { params: actionParams }, responses: { 204: { description: 'Action retirée' }, ...ERROR_RESPONSES } }),
    (c) => {
      const row = authorizedAction(c.get('user'), c.req.valid('param').actionId);
      service.deleteAction(deps, row.id, requestCtx(c));
      return c.body(null, 204);
    },
  );

  return router;
}
