import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { ConventionSettingsSchema } from '../../../shared/convention/schemas.js';
import * as service from './convention.service.js';
import { getConvention } from './convention.view.js';
import { exportConvention } from './convention.export.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const CONFLICT = jsonResponse('Pas de scénario retenu, convention déjà générée ou signée, génération en cours');
const ExportQuery = z.object({
  format: z.enum(['docx', 'pdf'], { message: 'Format attendu : docx ou pdf' }).default('pdf').openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
});
const FILE = {
  description: 'La convention et ses annexes (DOCX ou PDF)',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
    'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
  },
};

/**
 * Cadre stratégique and convention generated from the retained scenario, annexes regenerated from data, export.
 * Reading = `scenario.read`; generating = `convention.generate` (administrator, facilitator, EPCI élus and
 * technicians); the arrêté préfectoral date = `membership.manage` (facilitator, administrator).
 */
export function conventionRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Convention'] };
  const view = (c: Parameters<typeof requestCtx>[0], projectId: string) => getConvention(deps, policy, requestCtx(c).user, projectId);

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/convention', summary: 'Cadre stratégique, convention, fiche d’impact, adoption, avenants et retraits', request: { params: projectParams }, responses: { 200: jsonResponse('Convention'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      return c.json(view(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/cadre-strategique', summary: 'Générer le cadre stratégique depuis le scénario retenu (et les objectifs du plan d’actions)', request: { params: projectParams }, responses: { 201: jsonResponse('Cadre généré'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'convention.generate', { projectId });
      await service.generateCadre(deps, collaboration, projectId, requestCtx(c));
      return c.json(view(c, projectId), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/convention', summary: 'Générer la convention pré-remplie, ses annexes et la fiche d’impact depuis le scénario retenu', request: { params: projectParams }, responses: { 201: jsonResponse('Convention générée'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'convention.generate', { projectId });
      await service.generateConvention(deps, collaboration, projectId, requestCtx(c));
      return c.json(view(c, projectId), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/convention/annexes', summary: 'Régénérer les annexes depuis les données (seuls les tableaux d’annexes changent)', request: { params: projectParams }, responses: { 200: jsonResponse('Annexes régénérées'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'convention.generate', { projectId });
      const user = requestCtx(c).user;
      const result = await service.regenerateAnnexes(deps, collaboration, projectId, requestCtx(c), (documentId) => policy.can(user, 'document.write', { documentId }));
      return c.json({ result, convention: view(c, projectId) }, 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/projects/{projectId}/convention', summary: 'Date de l’arrêté préfectoral (transfert de compétence)', request: { params: projectParams, ...jsonBody(ConventionSettingsSchema) }, responses: { 200: jsonResponse('Convention'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'membership.manage', { projectId });
      service.updateSettings(deps, projectId, c.req.valid('json'), requestCtx(c));
      return c.json(view(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/convention/export', summary: 'Exporter la convention et ses annexes (docx ou pdf), prête pour l’ordre du jour d’un conseil', request: { params: projectParams, query: ExportQuery }, responses: { 200: FILE, ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'scenario.read', { projectId });
      const out = await exportConvention(deps, collaboration, projectId, c.req.valid('query').format);
      return c.body(out.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': out.contentType, 'Content-Disposition': out.contentDisposition, 'Cache-Control': 'private, no-store' });
    },
  );

  return router;
}
