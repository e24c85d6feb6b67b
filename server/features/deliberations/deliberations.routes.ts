import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { AvenantInputSchema, DeliberationDetailsSchema, DeliberationMoveSchema, EvaluationInputSchema, EvaluationPatchSchema, WithdrawalInputSchema } from '../../../shared/convention/schemas.js';
import * as deliberations from './deliberations.service.js';
import * as membership from './membership.service.js';
import * as evaluations from './evaluations.service.js';
import { getConvention } from '../convention/convention.view.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const deliberationParams = z.object({ projectId: idParam('projectId'), deliberationId: idParam('deliberationId') });
const evaluationParams = z.object({ projectId: idParam('projectId'), evaluationId: idParam('evaluationId') });
const CONFLICT = jsonResponse('Passage refusé, délibération figée, convention non signée ou déjà enregistré');

/**
 * Deliberations of each council (board, state moves, details), avenants of adhesion, withdrawals and annual
 * evaluations. Recording a deliberation = `deliberation.record` on the council's commune (facilitator and
 * administrator for the EPCI's); avenants, withdrawals and evaluations = `membership.manage`; reading = `scenario.read`.
 */
export function deliberationRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Délibérations'] };

  /** Checks `deliberation.record` on the council's commune; outsiders of the project get 403 before any 404. */
  const authorizeRecord = (c: Parameters<typeof requestCtx>[0], projectId: string, deliberationId: string) => {
    policy.authorize(c.get('user'), 'scenario.read', { projectId });
    const row = deliberations.deliberationOr404(deps, projectId, deliberationId);
    policy.authorize(c.get('user'), 'deliberation.record', deliberations.recordResource(projectId, row));
  };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/deliberations', summary: 'Tableau des délibérations (convention et avenants) et état d’adoption', request: { params: projectParams }, responses: { 200: jsonResponse('Délibérations'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(deliberations.board(deps, policy, requestCtx(c).user, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/deliberations/{deliberationId}/state', summary: 'Enregistrer la délibération d’un conseil (résultat, voix, date, avis du CST) ou sa signature', request: { params: deliberationParams, ...jsonBody(DeliberationMoveSchema) }, responses: { 200: jsonResponse('Délibération'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId, deliberationId } = c.req.valid('param');
      authorizeRecord(c, projectId, deliberationId);
      return c.json(await deliberations.moveDeliberation(deps, collaboration, policy, projectId, deliberationId, c.req.valid('json'), requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/projects/{projectId}/deliberations/{deliberationId}', summary: 'Corriger les détails d’une délibération (instance, numéro, notification, avis du CST)', request: { params: deliberationParams, ...jsonBody(DeliberationDetailsSchema) }, responses: { 200: jsonResponse('Délibération'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { projectId, deliberationId } = c.req.valid('param');
      authorizeRecord(c, projectId, deliberationId);
      return c.json(deliberations.updateDetails(deps, policy, projectId, deliberationId, c.req.valid('json'), requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/avenants', summary: 'Adhésion d’une commune à la convention signée : avenant avec ses annexes et sa délibération', request: { params: projectParams, ...jsonBody(AvenantInputSchema) }, responses: { 201: jsonResponse('Avenant créé'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'membership.manage', { projectId });
      const created = await membership.createAvenant(deps, collaboration, projectId, c.req.valid('json'), requestCtx(c));
      return c.json({ ...created, convention: getConvention(deps, policy, requestCtx(c).user, projectId) }, 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/withdrawals', summary: 'Enregistrer le retrait d’une commune (dates et effets)', request: { params: projectParams, ...jsonBody(WithdrawalInputSchema) }, responses: { 201: jsonResponse('Retrait enregistré'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'membership.manage', { projectId });
      const id = await membership.recordWithdrawal(deps, collaboration, projectId, c.req.valid('json'), requestCtx(c));
      return c.json({ id, convention: getConvention(deps, policy, requestCtx(c).user, projectId) }, 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/evaluations', summary: 'Évaluations annuelles de la convention', request: { params: projectParams }, responses: { 200: jsonResponse('Évaluations'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(evaluations.listEvaluations(deps, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/evaluations', summary: 'Créer l’évaluation d’une année (indicateurs recalculés, commentaires, décisions)', request: { params: projectParams, ...jsonBody(EvaluationInputSchema) }, responses: { 201: jsonResponse('Évaluation créée'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'membership.manage', { projectId });
      return c.json(evaluations.createEvaluation(deps, projectId, c.req.valid('json'), requestCtx(c)), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/projects/{projectId}/evaluations/{evaluationId}', summary: 'Modifier une évaluation (commentaires, décisions) ou recalculer ses indicateurs', request: { params: evaluationParams, ...jsonBody(EvaluationPatchSchema) }, responses: { 200: jsonResponse('Évaluation'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId, evaluationId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'membership.manage', { projectId });
      return c.json(evaluations.updateEvaluation(deps, projectId, evaluationId, c.req.valid('json'), requestCtx(c)), 200);
    },
  );

  return router;
}
