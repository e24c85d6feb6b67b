import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { ActionInputSchema, ActionPatchSchema, ObjectiveInputSchema } from '../../../shared/convention/action-plan.js';
import * as service from './action-plan.service.js';
import { exportPlan } from './action-plan.export.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const actionParams = z.object({ projectId: idParam('projectId'), actionId: idParam('actionId') });
const objectiveParams = z.object({ projectId: idParam('projectId'), objectiveId: idParam('objectiveId') });
const ExportQuery = z.object({
  format: z.enum(['xlsx', 'csv'], { message: 'Format attendu : xlsx ou csv' }).default('xlsx').openapi({ param: { name: 'format', in: 'query' }, example: 'xlsx' }),
});
const FILE = {
  description: 'Le plan d’actions (XLSX, ou CSV UTF-8 « ; »)',
  content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } },
};

/**
 * The action plan: objectives of the cadre stratégique and actions. Reading = `scenario.read`; writing =
 * `action_plan.write` (administrator, facilitator, EPCI élus and technicians).
 */
export function actionPlanRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Plan d’actions'] };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/action-plan', summary: 'Plan d’actions : objectifs, actions, avancement, calendrier', request: { params: projectParams }, responses: { 200: jsonResponse('Plan d’actions'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(service.getPlan(deps, policy, requestCtx(c).user, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/action-plan/export', summary: 'Exporter le plan d’actions (xlsx ou csv)', request: { params: projectParams, query: ExportQuery }, responses: { 200: FILE, ...ERROR_RESPONSES } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      const file = await exportPlan(deps, projectId, c.req.valid('query').format);
      return c.body(typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/action-plan/actions', summary: 'Ajouter une action', request: { params: projectParams, ...jsonBody(ActionInputSchema) }, responses: { 201: jsonResponse('Action créée'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'action_plan.write', { projectId });
      return c.json(service.createAction(deps, projectId, c.req.valid('json'), requestCtx(c)), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/projects/{projectId}/action-plan/actions/{actionId}', summary: 'Modifier une action (statut, échéance, pilote…)', request: { params: actionParams, ...jsonBody(ActionPatchSchema) }, responses: { 200: jsonResponse('Action modifiée'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId, actionId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'action_plan.write', { projectId });
      return c.json(service.updateAction(deps, projectId, actionId, c.req.valid('json'), requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/projects/{projectId}/action-plan/actions/{actionId}', summary: 'Supprimer une action', request: { params: actionParams }, responses: { 204: { description: 'Action supprimée' }, ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId, actionId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'action_plan.write', { projectId });
      service.deleteAction(deps, projectId, actionId, requestCtx(c));
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/action-plan/objectives', summary: 'Ajouter un objectif stratégique', request: { params: projectParams, ...jsonBody(ObjectiveInputSchema) }, responses: { 201: jsonResponse('Objectif créé'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'action_plan.write', { projectId });
      return c.json(service.createObjective(deps, projectId, c.req.valid('json').label, requestCtx(c)), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/projects/{projectId}/action-plan/objectives/{objectiveId}', summary: 'Renommer un objectif', request: { params: objectiveParams, ...jsonBody(ObjectiveInputSchema) }, responses: { 200: jsonResponse('Objectif renommé'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId, objectiveId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'action_plan.write', { projectId });
      return c.json(service.renameObjective(deps, projectId, objectiveId, c.req.valid('json').label, requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/projects/{projectId}/action-plan/objectives/{objectiveId}', summary: 'Supprimer un objectif sans action rattachée', request: { params: objectiveParams }, responses: { 204: { description: 'Objectif supprimé' }, ...ERROR_RESPONSES, 409: jsonResponse('Des actions sont rattachées à l’objectif') } }),
    (c) => {
      const { projectId, objectiveId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'action_plan.write', { projectId });
      service.deleteObjective(deps, projectId, objectiveId, requestCtx(c));
      return c.body(null, 204);
    },
  );

  return router;
}
