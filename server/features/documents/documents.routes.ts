import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { CreateDocumentSchema, RenameDocumentSchema } from '../../../shared/documents/kinds.js';
import * as service from './documents.service.js';
import { presentDocument, presentDocumentDetail } from './documents.presenter.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const documentParams = z.object({ documentId: idParam('documentId') });
const CONFLICT = jsonResponse('État incompatible (archivé, déjà verrouillé…)');

/**
 * Documents as resources: list, create (with the server-seeded template), rename, archive, lock.
 * Their text is edited over the WebSocket; these routes manage the facts around it.
 */
export function documentRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Documents'] };

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/projects/{projectId}/documents',
      summary: 'Documents du projet (archivés inclus avec ?archived=1)',
      request: { params: projectParams, query: z.object({ archived: z.enum(['0', '1']).optional() }) },
      responses: { 200: jsonResponse('Documents'), ...ERROR_RESPONSES },
    }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.read', { projectId });
      const rows = service.listDocuments(deps, projectId, c.req.valid('query').archived === '1');
      return c.json(rows.map(presentDocument), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/documents',
      summary: 'Créer un document (son contenu initial vient du modèle du type, écrit par le serveur)',
      request: { params: projectParams, ...jsonBody(CreateDocumentSchema) },
      responses: { 201: jsonResponse('Document créé'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.create', { projectId });
      const row = await service.createDocument(deps, collaboration, projectId, c.req.valid('json'), requestCtx(c));
      return c.json(presentDocument(row), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/documents/{documentId}', summary: 'Un document et les droits de la personne connectée', request: { params: documentParams }, responses: { 200: jsonResponse('Document'), ...ERROR_RESPONSES } }),
    (c) => {
      const { documentId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.read', { documentId });
      return c.json(presentDocumentDetail(policy, service.getDocumentOr404(deps, documentId), requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/documents/{documentId}', summary: 'Renommer un document', request: { params: documentParams, ...jsonBody(RenameDocumentSchema) }, responses: { 200: jsonResponse('Document'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { documentId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.manage', { documentId });
      return c.json(presentDocument(service.renameDocument(deps, documentId, c.req.valid('json').title, requestCtx(c))), 200);
    },
  );

  for (const [action, archived, summary] of [
    ['archive', true, 'Archiver un document (masqué et figé)'],
    ['unarchive', false, 'Restaurer un document archivé'],
  ] as const) {
    router.openapi(
      createRoute({ ...common, method: 'post', path: `/documents/{documentId}/${action}`, summary, request: { params: documentParams }, responses: { 200: jsonResponse('Document'), ...ERROR_RESPONSES, 409: CONFLICT } }),
      (c) => {
        const { documentId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'document.manage', { documentId });
        return c.json(presentDocument(service.setArchived(deps, documentId, archived, requestCtx(c))), 200);
      },
    );
  }

  for (const [action, locked, summary] of [
    ['lock', true, "Verrouiller un document (lecture seule sauf pour l'animateur·rice)"],
    ['unlock', false, 'Déverrouiller un document'],
  ] as const) {
    router.openapi(
      createRoute({ ...common, method: 'post', path: `/documents/{documentId}/${action}`, summary, request: { params: documentParams }, responses: { 200: jsonResponse('Document'), ...ERROR_RESPONSES, 409: CONFLICT } }),
      (c) => {
        const { documentId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'document.lock', { documentId });
        return c.json(presentDocument(service.setLocked(deps, collaboration, documentId, locked, requestCtx(c))), 200);
      },
    );
  }

  return router;
}
