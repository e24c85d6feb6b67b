import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { SECTIONS } from '../../../shared/diagnostic/sections.js';
import { COMMENT_STATUSES, COMMENT_TYPES, CreateCommentSchema, EditMessageSchema, ReplySchema } from '../../../shared/comments/types.js';
import * as service from './comments.service.js';
import { mentionablePeople } from './comments.people.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const threadParams = z.object({ threadId: idParam('threadId') });
const messageParams = z.object({ threadId: idParam('threadId'), messageId: idParam('messageId') });
const optionalId = z.string().trim().min(1).max(64).optional();
const FiltersQuery = z.object({
  communeId: optionalId,
  type: z.enum(COMMENT_TYPES).optional(),
  status: z.enum(COMMENT_STATUSES).optional(),
  authorId: optionalId,
  documentId: optionalId,
  sectionId: z.string().trim().min(1).max(2000).optional(),
  recordType: z.enum(SECTIONS).optional(),
  recordId: optionalId,
  scenarioId: optionalId,
  roundId: optionalId,
});
const THREAD = jsonResponse('Le fil de commentaires (CommentView)');
const CONFLICT = jsonResponse('Document archivé, message supprimé, ou refusé par une règle du tour de table');

/**
 * Comments of a project: threads on text ranges, diagnostic records/fields and scenarios; replies, edits (own),
 * soft deletion (own), resolve/reopen; filters and open counts for badges. Reading needs `comment.read`, writing
 * `comment.create` (amendments `amendment.propose`), resolving `comment.moderate` or being the thread's author.
 */
export function commentRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Commentaires'] };
  const view = (threadId: string, c: Parameters<typeof requestCtx>[0]) => service.getThreadView(deps, collaboration, policy, threadId, requestCtx(c).user);
  const threadProject = (threadId: string) => service.threadOr404(deps, threadId).projectId;

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/comments', summary: 'Fils de commentaires du projet (filtres : commune, type, statut, auteur·rice, document, section, fiche du diagnostic, scénario, tour)', request: { params: projectParams, query: FiltersQuery }, responses: { 200: jsonResponse('Fils, le plus récemment actif d’abord'), ...ERROR_RESPONSES } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.read', { projectId });
      return c.json(await service.listThreads(deps, collaboration, policy, projectId, c.req.valid('query'), requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/comments', summary: 'Commenter un passage, une donnée du diagnostic ou un scénario (ou proposer un amendement)', request: { params: projectParams, ...jsonBody(CreateCommentSchema) }, responses: { 201: THREAD, ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.create', { projectId });
      const threadId = await service.createThread(deps, collaboration, policy, projectId, c.req.valid('json'), requestCtx(c));
      return c.json(await view(threadId, c), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/comment-counts', summary: 'Nombre de fils ouverts par document, section, fiche et champ du diagnostic, scénario', request: { params: projectParams }, responses: { 200: jsonResponse('Compteurs'), ...ERROR_RESPONSES } }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.read', { projectId });
      return c.json(await service.countOpen(deps, collaboration, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/comment-people', summary: 'Personnes qui peuvent être mentionnées (@) dans les commentaires du projet', request: { params: projectParams }, responses: { 200: jsonResponse('Personnes'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.read', { projectId });
      return c.json(mentionablePeople(deps, policy, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/comments/{threadId}', summary: 'Un fil de commentaires', request: { params: threadParams }, responses: { 200: THREAD, ...ERROR_RESPONSES } }),
    async (c) => {
      const { threadId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.read', { projectId: threadProject(threadId) });
      return c.json(await view(threadId, c), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/comments/{threadId}/replies', summary: 'Répondre dans un fil', request: { params: threadParams, ...jsonBody(ReplySchema) }, responses: { 201: THREAD, ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { threadId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.create', { projectId: threadProject(threadId) });
      service.reply(deps, policy, threadId, c.req.valid('json'), requestCtx(c));
      return c.json(await view(threadId, c), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/comments/{threadId}/messages/{messageId}', summary: 'Modifier son propre message (le texte précédent est conservé)', request: { params: messageParams, ...jsonBody(EditMessageSchema) }, responses: { 200: THREAD, ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { threadId, messageId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.create', { projectId: threadProject(threadId) });
      service.editMessage(deps, policy, threadId, messageId, c.req.valid('json'), requestCtx(c));
      return c.json(await view(threadId, c), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/comments/{threadId}/messages/{messageId}', summary: 'Supprimer son propre message (une trace reste)', request: { params: messageParams }, responses: { 200: THREAD, ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const { threadId, messageId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.create', { projectId: threadProject(threadId) });
      service.deleteMessage(deps, policy, threadId, messageId, requestCtx(c));
      return c.json(await view(threadId, c), 200);
    },
  );

  for (const [action, status, summary] of [
    ['resolve', 'resolved', 'Résoudre un fil (son auteur·rice, ou une personne qui co-écrit)'],
    ['reopen', 'open', 'Rouvrir un fil (son auteur·rice, ou une personne qui co-écrit)'],
  ] as const) {
    router.openapi(
      createRoute({ ...common, method: 'post', path: `/comments/{threadId}/${action}`, summary, request: { params: threadParams }, responses: { 200: THREAD, ...ERROR_RESPONSES } }),
      async (c) => {
        const { threadId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'comment.read', { projectId: threadProject(threadId) });
        service.setStatus(deps, policy, threadId, status, requestCtx(c));
        return c.json(await view(threadId, c), 200);
      },
    );
  }

  return router;
}
