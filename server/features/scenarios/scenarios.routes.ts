import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { projects } from '../../db/schema/index.js';
import { requestCtx } from '../../lib/request.js';
import { unauthenticated } from '../../lib/errors.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { ArbitrationInputSchema, ComparisonQuerySchema, ScenarioInputSchema, ScenarioStatusSchema, ScenarioUpdateSchema } from '../../../shared/scenarios/schemas.js';
import * as service from './scenarios.service.js';
import { listArbitrations, recordArbitration } from './scenarios.arbitration.js';
import { loadScenarioInputs } from './scenarios.inputs.js';
import { scenariosRepo } from './scenarios.repo.js';
import { COMPARISON_FORMATS, exportComparison } from './scenarios.export.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const scenarioParams = z.object({ scenarioId: idParam('scenarioId') });
const CONFLICT = jsonResponse('Scénario arbitré (figé), modifié entre-temps, ou pas prêt');
const RULES = jsonResponse('Combinaison refusée par les règles de l’instrument juridique (détails : violations)');
const ids = ComparisonQuerySchema.shape.ids.openapi({ param: { name: 'ids', in: 'query' }, example: 'scn_a,scn_b' });
const exportQuery = z.object({
  ids,
  format: z.enum(COMPARISON_FORMATS, { message: 'Format attendu : xlsx ou pdf' }).default('xlsx').openapi({ param: { name: 'format', in: 'query' }, example: 'xlsx' }),
});
const file = z.string().openapi({ format: 'binary' });

/**
 * Scenarios of a project (build, present, compare, export) and the arbitration. Reading needs `scenario.read`;
 * writing `scenario.write` (administrator, facilitator, EPCI élus and technicians); arbitrating `scenario.decide`.
 */
export function scenarioRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Scénarios'] };
  // 401 before 404: an anonymous caller learns nothing about which scenario ids exist.
  const projectOf = (user: unknown, scenarioId: string) => {
    if (!user) throw unauthenticated();
    return service.projectOfScenario(deps, scenarioId);
  };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/scenarios', summary: 'Scénarios du projet et leurs chiffres clés, arbitrage en vigueur', request: { params: projectParams }, responses: { 200: jsonResponse('Scénarios'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(service.listForProject(deps, policy, requestCtx(c).user, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/scenario-inputs', summary: 'Données du diagnostic utilisées par les scénarios (communes, équipements, usages, EPCI)', request: { params: projectParams }, responses: { 200: jsonResponse('Données'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(loadScenarioInputs(deps, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/scenarios', summary: 'Créer un scénario (brouillon) et son document de présentation', request: { params: projectParams, ...jsonBody(ScenarioInputSchema) }, responses: { 201: jsonResponse('Scénario créé'), ...ERROR_RESPONSES, 422: RULES } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.write', { projectId });
      return c.json(await service.createScenario(deps, collaboration, projectId, c.req.valid('json'), requestCtx(c)), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/scenarios/compare', summary: 'Comparer 2 à 4 scénarios côte à côte', request: { params: projectParams, query: z.object({ ids }) }, responses: { 200: jsonResponse('Comparaison'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(service.compare(deps, projectId, c.req.valid('query').ids), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common, method: 'get', path: '/projects/{projectId}/scenarios/compare/export', summary: 'Exporter la comparaison (xlsx ou pdf)',
      request: { params: projectParams, query: exportQuery },
      responses: { 200: { description: 'Le fichier, en pièce jointe', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: file }, 'application/pdf': { schema: file } } }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      const q = c.req.valid('query');
      const comparison = service.compare(deps, projectId, q.ids);
      const project = deps.db.select({ title: projects.title }).from(projects).where(eq(projects.id, projectId)).get()!;
      const out = await exportComparison(comparison, q.format, project.title, deps.clock.now());
      return c.body(out.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': out.contentType, 'Content-Disposition': out.contentDisposition, 'Cache-Control': 'private, no-store' });
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/scenarios/{scenarioId}', summary: 'Un scénario, ses chiffres (coûts, répartition, règles) et les droits de l’utilisateur', request: { params: scenarioParams }, responses: { 200: jsonResponse('Scénario'), ...ERROR_RESPONSES } }),
    (c) => {
      const { scenarioId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId: projectOf(c.get('user'), scenarioId) });
      return c.json(service.detail(deps, policy, requestCtx(c).user, scenarioId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'put', path: '/scenarios/{scenarioId}', summary: 'Modifier un scénario (en entier, avec sa révision)', request: { params: scenarioParams, ...jsonBody(ScenarioUpdateSchema) }, responses: { 200: jsonResponse('Scénario modifié'), ...ERROR_RESPONSES, 409: CONFLICT, 422: RULES } }),
    (c) => {
      const { scenarioId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.write', { projectId: projectOf(c.get('user'), scenarioId) });
      return c.json(service.updateScenario(deps, scenarioId, c.req.valid('json'), requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/scenarios/{scenarioId}', summary: 'Supprimer un brouillon jamais présenté (son document est archivé)', request: { params: scenarioParams }, responses: { 204: { description: 'Supprimé' }, ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { scenarioId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.write', { projectId: projectOf(c.get('user'), scenarioId) });
      service.deleteScenario(deps, scenarioId, requestCtx(c));
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/scenarios/{scenarioId}/status', summary: 'Présenter un scénario ou le renvoyer en brouillon', request: { params: scenarioParams, ...jsonBody(ScenarioStatusSchema) }, responses: { 200: jsonResponse('Statut changé'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { scenarioId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.write', { projectId: projectOf(c.get('user'), scenarioId) });
      const body = c.req.valid('json');
      return c.json(service.setStatus(deps, scenarioId, body.status, body.reason, body.revision, requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/scenarios/{scenarioId}/document', summary: 'Créer le document de présentation du scénario s’il n’existe pas encore (idempotent)', request: { params: scenarioParams }, responses: { 200: jsonResponse('Scénario avec son document'), ...ERROR_RESPONSES } }),
    async (c) => {
      const { scenarioId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.write', { projectId: projectOf(c.get('user'), scenarioId) });
      return c.json(await service.ensureDocument(deps, collaboration, scenarioId, requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/scenarios/{scenarioId}/history', summary: 'Historique des statuts du scénario', request: { params: scenarioParams }, responses: { 200: jsonResponse('Historique'), ...ERROR_RESPONSES } }),
    (c) => {
      const { scenarioId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId: projectOf(c.get('user'), scenarioId) });
      return c.json(scenariosRepo.history(deps.db, scenarioId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/arbitrations', summary: 'Arbitrages du projet, le plus récent d’abord (y compris ceux remplacés)', request: { params: projectParams }, responses: { 200: jsonResponse('Arbitrages'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(listArbitrations(deps, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/arbitrations', summary: 'Arbitrer : retenir un scénario (les autres sont écartés)', request: { params: projectParams, ...jsonBody(ArbitrationInputSchema) }, responses: { 201: jsonResponse('Arbitrage enregistré'), ...ERROR_RESPONSES, 409: jsonResponse('Arbitrage déjà en vigueur, scénario non présenté ou pas prêt') } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.decide', { projectId });
      return c.json(recordArbitration(deps, projectId, c.req.valid('json'), requestCtx(c)), 201);
    },
  );

  return router;
}
