import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { notFound } from '../../lib/errors.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { AmendmentSettingsSchema, RejectSchema, VoteSchema } from '../../../shared/comments/types.js';
import { getThreadView } from './comments.service.js';
import { commentsRepo } from './comments.repo.js';
import * as amendments from './amendments.service.js';

const amendmentParams = z.object({ amendmentId: idParam('amendmentId') });
const projectParams = z.object({ projectId: idParam('projectId') });
const THREAD = jsonResponse('Le fil de l’amendement (CommentView)');
const SETTINGS = jsonResponse('Réglage des amendements', z.object({ editorsDecideAmendments: z.boolean() }));

/**
 * Amendments: support/oppose (`amendment.propose`), accept and reject (`amendment.decide`: the facilitator, and
 * co-writers when the facilitator allows it — `PUT /projects/{projectId}/amendment-settings`, `project.update`).
 * Accept answers 409 `amendment_text_changed` (with `details.currentText`) when the passage changed, and 409
 * `amendment_already_decided` to a second decision.
 */
export function amendmentRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Amendements'] };
  const documentOf = (amendmentId: string) => {
    const row = commentsRepo.amendmentById(deps.db, amendmentId);
    if (!row) throw notFound('Amendement introuvable.', 'amendment_not_found');
    return row;
  };

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/amendments/{amendmentId}/votes', summary: 'Soutenir un amendement ou s’y opposer (la dernière position compte)', request: { params: amendmentParams, ...jsonBody(VoteSchema) }, responses: { 200: THREAD, ...ERROR_RESPONSES, 409: jsonResponse('Amendement déjà tranché') } }),
    async (c) => {
      const { amendmentId } = c.req.valid('param');
      const row = documentOf(amendmentId);
      policy.authorize(c.get('user'), 'amendment.propose', { projectId: row.projectId });
      amendments.vote(deps, policy, amendmentId, c.req.valid('json').stance, requestCtx(c));
      return c.json(await getThreadView(deps, collaboration, policy, row.threadId, requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/amendments/{amendmentId}/accept', summary: 'Accepter un amendement : le texte du document est remplacé (409 si le passage a changé ou si l’amendement est déjà tranché)', request: { params: amendmentParams }, responses: { 200: THREAD, ...ERROR_RESPONSES, 409: jsonResponse('Passage modifié depuis la proposition (details.currentText), ou amendement déjà tranché') } }),
    async (c) => {
      const { amendmentId } = c.req.valid('param');
      const row = documentOf(amendmentId);
      policy.authorize(c.get('user'), 'amendment.decide', { documentId: row.documentId });
      await amendments.accept(deps, collaboration, policy, amendmentId, requestCtx(c));
      return c.json(await getThreadView(deps, collaboration, policy, row.threadId, requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/amendments/{amendmentId}/reject', summary: 'Rejeter un amendement (motivation obligatoire)', request: { params: amendmentParams, ...jsonBody(RejectSchema) }, responses: { 200: THREAD, ...ERROR_RESPONSES, 409: jsonResponse('Amendement déjà tranché') } }),
    async (c) => {
      const { amendmentId } = c.req.valid('param');
      const row = documentOf(amendmentId);
      policy.authorize(c.get('user'), 'amendment.decide', { documentId: row.documentId });
      amendments.reject(deps, policy, amendmentId, c.req.valid('json').motivation, requestCtx(c));
      return c.json(await getThreadView(deps, collaboration, policy, row.threadId, requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/amendment-settings', summary: 'Qui statue sur les amendements : l’animateur·rice seul·e, ou aussi les personnes qui co-écrivent', request: { params: projectParams }, responses: { 200: SETTINGS, ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'comment.read', { projectId });
      return c.json(amendments.getSettings(deps, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'put', path: '/projects/{projectId}/amendment-settings', summary: 'Permettre (ou non) aux personnes qui co-écrivent d’accepter ou rejeter les amendements', request: { params: projectParams, ...jsonBody(AmendmentSettingsSchema) }, responses: { 200: SETTINGS, ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.update', { projectId });
      return c.json(amendments.setSettings(deps, projectId, c.req.valid('json').editorsDecideAmendments, requestCtx(c)), 200);
    },
  );

  return router;
}
