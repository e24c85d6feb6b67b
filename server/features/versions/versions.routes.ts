import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { CreateVersionSchema } from '../../../shared/versions/types.js';
import * as service from './versions.service.js';
import { presentVersion, presentVersionDetail } from './versions.presenter.js';

const documentParams = z.object({ documentId: idParam('documentId') });
const versionParams = z.object({ documentId: idParam('documentId'), versionId: idParam('versionId') });
const CONFLICT = jsonResponse('Document archivé, ou verrouillé');

/**
 * Versions of a document: list, create (named), view, compare with the current text, restore (as a new change).
 * Reading needs `document.read`; creating `document.version.create`; restoring `document.version.restore`.
 */
export function versionRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Versions'] };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/documents/{documentId}/versions', summary: 'Versions du document, la plus récente d’abord', request: { params: documentParams }, responses: { 200: jsonResponse('Versions'), ...ERROR_RESPONSES } }),
    (c) => {
      const { documentId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.read', { documentId });
      return c.json(service.listVersions(deps, documentId).map(presentVersion), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/documents/{documentId}/versions', summary: 'Créer une version nommée du texte actuel', request: { params: documentParams, ...jsonBody(CreateVersionSchema) }, responses: { 201: jsonResponse('Version créée'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { documentId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.version.create', { documentId });
      const row = await service.createVersion(deps, collaboration, documentId, c.req.valid('json').label, requestCtx(c));
      return c.json(presentVersion(row), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/documents/{documentId}/versions/{versionId}', summary: 'Une version et son contenu (lecture seule)', request: { params: versionParams }, responses: { 200: jsonResponse('Version'), ...ERROR_RESPONSES } }),
    (c) => {
      const { documentId, versionId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.read', { documentId });
      return c.json(presentVersionDetail(service.getVersion(deps, documentId, versionId)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/documents/{documentId}/versions/{versionId}/diff', summary: 'Différences entre la version et le texte actuel (paragraphes et mots)', request: { params: versionParams }, responses: { 200: jsonResponse('Différences'), ...ERROR_RESPONSES } }),
    async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.read', { documentId });
      return c.json(await service.diffVersion(deps, collaboration, documentId, versionId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/documents/{documentId}/versions/{versionId}/restore', summary: 'Restaurer une version (nouvelle modification ; le texte actuel est d’abord sauvegardé)', request: { params: versionParams }, responses: { 200: jsonResponse('Version restaurée'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.version.restore', { documentId });
      return c.json(await service.restoreVersion(deps, collaboration, policy, documentId, versionId, requestCtx(c)), 200);
    },
  );

  return router;
}
