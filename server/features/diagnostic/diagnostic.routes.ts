import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { notFound } from '../../lib/errors.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { BOARD_SECTIONS } from '../../../shared/diagnostic/sections.js';
import { loadContext } from './diagnostic.context.js';
import * as analysis from './diagnostic.analysis.js';
import { addMission, removeMission } from './diagnostic.missions.js';
import { moveSection } from './diagnostic.completeness.js';
import { diagnosticRecordRoutes } from './diagnostic.records.routes.js';
import { diagnosticIoRoutes } from './diagnostic.io.routes.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const cellParams = z.object({ projectId: idParam('projectId'), communeId: idParam('communeId'), section: z.enum(BOARD_SECTIONS).openapi({ param: { name: 'section', in: 'path' } }) });
const STATE_CONFLICT = jsonResponse('La rubrique n’est pas dans un état qui permet cette action');

/** The diagnostic of a project: overview and board, indicators, overlap matrix, missions, completeness workflow. */
export function diagnosticRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Diagnostic'] };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/diagnostic', summary: 'Diagnostic : communes et droits, missions, tableau de complétude', request: { params: projectParams }, responses: { 200: jsonResponse('Vue d’ensemble'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      return c.json(analysis.overview(deps, policy, loadContext(deps, policy, projectId), requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/diagnostic/indicators', summary: 'Indicateurs par commune et pour l’ensemble, flux de fréquentation', request: { params: projectParams }, responses: { 200: jsonResponse('Indicateurs'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      const ctx = loadContext(deps, policy, projectId);
      return c.json({ ...analysis.indicators(deps, ctx), flows: analysis.usageFlows(deps, ctx) }, 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/diagnostic/overlap', summary: 'Matrice missions × communes (chevauchements et manques)', request: { params: projectParams }, responses: { 200: jsonResponse('Matrice'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      return c.json(analysis.overlap(deps, loadContext(deps, policy, projectId)), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/diagnostic/missions',
      summary: 'Ajouter une mission à la liste du projet',
      request: { params: projectParams, ...jsonBody(z.object({ label: z.string().trim().min(2, 'Intitulé trop court.').max(120, 'Intitulé trop long (120 caractères au plus).'), description: z.string().max(1000).optional() })) },
      responses: { 201: jsonResponse('Mission ajoutée'), ...ERROR_RESPONSES, 409: jsonResponse('Mission déjà présente') },
    }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'diagnostic.missions.manage', { projectId });
      return c.json(addMission(deps, loadContext(deps, policy, projectId), c.req.valid('json'), requestCtx(c)), 201);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/projects/{projectId}/diagnostic/missions/{missionKey}',
      summary: 'Retirer une mission ajoutée au projet (si aucune fiche ne l’utilise)',
      request: { params: z.object({ projectId: idParam('projectId'), missionKey: idParam('missionKey') }) },
      responses: { 204: { description: 'Mission retirée' }, ...ERROR_RESPONSES, 409: jsonResponse('Mission utilisée') },
    }),
    (c) => {
      const { projectId, missionKey } = c.req.valid('param');
      policy.authorize(c.get('user'), 'diagnostic.missions.manage', { projectId });
      removeMission(deps, loadContext(deps, policy, projectId), missionKey, requestCtx(c));
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/diagnostic/completeness/{communeId}/{section}/submit',
      summary: 'Soumettre une rubrique d’une commune à la validation de ses élus',
      request: { params: cellParams, ...jsonBody(z.object({ comment: z.string().max(2000).nullable().optional() })) },
      responses: { 200: jsonResponse('Ligne du tableau de complétude'), ...ERROR_RESPONSES, 409: STATE_CONFLICT },
    }),
    (c) => {
      const { projectId, communeId, section } = c.req.valid('param');
      policy.authorize(c.get('user'), 'diagnostic.write', { projectId, communeId });
      if (!loadContext(deps, policy, projectId).communeIds.has(communeId)) throw notFound('Cette commune ne fait pas partie du diagnostic du projet.', 'commune_not_found');
      return c.json(moveSection(deps, projectId, communeId, section, 'submit', c.req.valid('json').comment ?? null, requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/diagnostic/completeness/{communeId}/{section}/review',
      summary: 'Valider une rubrique soumise, ou la renvoyer pour correction avec un commentaire (élu·e de la commune)',
      request: {
        params: cellParams,
        ...jsonBody(
          z.discriminatedUnion('decision', [
            z.object({ decision: z.literal('valide'), comment: z.string().max(2000).nullable().optional() }),
            z.object({ decision: z.literal('a_revoir'), comment: z.string().trim().min(3, 'Expliquez ce qui est à revoir.').max(2000) }),
          ]),
        ),
      },
      responses: { 200: jsonResponse('Ligne du tableau de complétude'), ...ERROR_RESPONSES, 409: STATE_CONFLICT },
    }),
    (c) => {
      const { projectId, communeId, section } = c.req.valid('param');
      policy.authorize(c.get('user'), 'diagnostic.validate', { projectId, communeId });
      const body = c.req.valid('json');
      return c.json(moveSection(deps, projectId, communeId, section, body.decision === 'valide' ? 'validate' : 'return', body.comment ?? null, requestCtx(c)), 200);
    },
  );

  router.route('/', diagnosticRecordRoutes(deps, policy));
  router.route('/', diagnosticIoRoutes(deps, policy));
  return router;
}
