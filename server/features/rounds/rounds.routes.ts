import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import type { Action } from '../../../shared/auth/abilities.js';
import { requestCtx } from '../../lib/request.js';
import { unauthenticated } from '../../lib/errors.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { CreateRoundSchema, ExtendRoundSchema, PositionSchema, UpdateRoundSchema, type SynthesisDto } from '../../../shared/rounds/api.js';
import { listRounds, roundsRepo, type RoundRow } from './rounds.repo.js';
import * as service from './rounds.service.js';
import { closeRound, extendRoundDeadline, remindNow } from './rounds.closing.js';
import { computeSynthesis, generateSynthesisDocument, roundPositionsCsv } from './rounds.synthesis.js';
import { presentRoundDetail, presentRoundSummary } from './rounds.presenter.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const roundParams = z.object({ roundId: idParam('roundId') });
const positionParams = z.object({ roundId: idParam('roundId'), communeId: idParam('communeId') });
const CONFLICT = jsonResponse('État du tour de table incompatible (déjà ouvert, clos : positions figées…)');

/**
 * Rounds (*tours de table*): list and create (drafts) in a project; read, edit and delete a draft, open (freezes the
 * texts), close (freezes positions, generates the synthesis), record a commune's position, remind the communes,
 * read the synthesis, export positions as CSV. Reading needs `round.read`; steering `round.manage`; a position
 * `round.position.set` for that commune (and the commune must be invited, checked by the service).
 */
export function roundRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Tours de table'] };

  /** Loads the round (401 before 404 before 403) and checks `action` on its project (and commune). */
  const authorizedRound = (c: Context<AppEnv>, roundId: string, action: Action, communeId?: string): RoundRow => {
    const user = c.get('user');
    if (!user) throw unauthenticated();
    const row = service.getRoundOr404(deps, roundId);
    policy.authorize(user, action, { projectId: row.projectId, ...(communeId ? { communeId } : {}) });
    return row;
  };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/rounds', summary: 'Tours de table du projet, le plus récent d’abord', request: { params: projectParams }, responses: { 200: jsonResponse('Tours de table'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'round.read', { projectId });
      return c.json(listRounds(deps.db, projectId).map((r) => presentRoundSummary(deps, r)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/rounds', summary: 'Préparer un tour de table (brouillon)', request: { params: projectParams, ...jsonBody(CreateRoundSchema) }, responses: { 201: jsonResponse('Tour de table créé'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'round.manage', { projectId });
      const ctx = requestCtx(c);
      const row = service.createRound(deps, projectId, c.req.valid('json'), ctx);
      return c.json(presentRoundDetail(deps, policy, row, ctx.user), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/rounds/{roundId}', summary: 'Un tour de table : textes figés, communes, positions, suivi', request: { params: roundParams }, responses: { 200: jsonResponse('Tour de table'), ...ERROR_RESPONSES } }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.read');
      return c.json(presentRoundDetail(deps, policy, row, requestCtx(c).user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/rounds/{roundId}', summary: 'Modifier un brouillon de tour de table', request: { params: roundParams, ...jsonBody(UpdateRoundSchema) }, responses: { 200: jsonResponse('Tour de table'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      const ctx = requestCtx(c);
      return c.json(presentRoundDetail(deps, policy, service.updateRound(deps, row.id, c.req.valid('json'), ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/rounds/{roundId}', summary: 'Supprimer un brouillon de tour de table', request: { params: roundParams }, responses: { 204: { description: 'Brouillon supprimé' }, ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      service.deleteRound(deps, row.id, requestCtx(c));
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/rounds/{roundId}/open', summary: 'Ouvrir le tour de table (fige une version nommée de chaque document et les chiffres des scénarios)', request: { params: roundParams }, responses: { 200: jsonResponse('Tour de table ouvert'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      const ctx = requestCtx(c);
      return c.json(presentRoundDetail(deps, policy, await service.openRound(deps, collaboration, row.id, ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/rounds/{roundId}/close', summary: 'Clore le tour de table (fige les positions, génère la synthèse)', request: { params: roundParams }, responses: { 200: jsonResponse('Tour de table clos'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      const ctx = requestCtx(c);
      return c.json(presentRoundDetail(deps, policy, await closeRound(deps, collaboration, row.id, ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'put', path: '/rounds/{roundId}/positions/{communeId}', summary: 'Exprimer (ou remplacer) la position d’une commune', request: { params: positionParams, ...jsonBody(PositionSchema) }, responses: { 200: jsonResponse('Tour de table avec la position'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const { roundId, communeId } = c.req.valid('param');
      authorizedRound(c, roundId, 'round.position.set', communeId);
      const ctx = requestCtx(c);
      service.setPosition(deps, roundId, communeId, c.req.valid('json'), ctx);
      return c.json(presentRoundDetail(deps, policy, roundsRepo.byId(deps.db, roundId)!, ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/rounds/{roundId}/reminders', summary: 'Relancer maintenant les communes sans position', request: { params: roundParams }, responses: { 200: jsonResponse('Communes relancées'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      return c.json(remindNow(deps, row.id, requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/rounds/{roundId}/extend',
      summary: 'Prolonger un tour de table ouvert (nouvelle date de clôture, raison communiquée aux communes)',
      request: { params: roundParams, ...jsonBody(ExtendRoundSchema) },
      responses: { 200: jsonResponse('Tour de table prolongé'), ...ERROR_RESPONSES, 409: CONFLICT },
    }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      const ctx = requestCtx(c);
      const extended = extendRoundDeadline(deps, row.id, c.req.valid('json'), ctx);
      return c.json(presentRoundDetail(deps, policy, extended, ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/rounds/{roundId}/synthesis', summary: 'Synthèse du tour de table (positions, effet sur les programmes, commentaires)', request: { params: roundParams }, responses: { 200: jsonResponse('Synthèse'), ...ERROR_RESPONSES } }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.read');
      const body: SynthesisDto = { ...computeSynthesis(deps, row).synthesis, roundId: row.id, synthesisDocumentId: row.synthesisDocumentId };
      return c.json(body, 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/rounds/{roundId}/synthesis', summary: 'Générer le document de synthèse d’un tour clos (s’il n’existe pas encore)', request: { params: roundParams }, responses: { 201: jsonResponse('Document de synthèse créé'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    async (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.manage');
      const ctx = requestCtx(c);
      const documentId = await generateSynthesisDocument(deps, collaboration, row.id, ctx.user.id, ctx.requestId);
      return c.json({ documentId }, 201);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/rounds/{roundId}/positions.csv',
      summary: 'Positions des communes en CSV (UTF-8 avec BOM, « ; »)',
      request: { params: roundParams },
      responses: { 200: { description: 'Fichier CSV', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    (c) => {
      const row = authorizedRound(c, c.req.valid('param').roundId, 'round.read');
      const name = `positions-${row.title.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'tour-de-table'}.csv`;
      return c.body(roundPositionsCsv(deps, row), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  );

  return router;
}
