import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { CheckInSchema, CreateDecisionSchema, CreatePollSchema, SpeakingSchema, VoteSchema } from '../../../shared/workshops/types.js';
import type { Services } from './workshops.context.js';
import * as live from './workshops.live.js';
import { CONFLICT, seanceFor, seanceParams, viewOf } from './workshops.routes.js';

const pollParams = z.object({ seanceId: idParam('seanceId'), pollId: idParam('pollId') });
const decisionParams = z.object({ seanceId: idParam('seanceId'), decisionId: idParam('decisionId') });

/**
 * What participants do during a séance (speaking requests, check-in, votes: `workshop.participate` or
 * `workshop.read` for votes, whose own rule says who votes) and the facilitator's polls and relevé de décisions
 * (`workshop.control`). Each answer is the caller's view of the new state, also published to everyone.
 */
export function workshopLiveRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const s: Services = { deps, collaboration, policy };
  const common = { security: SIGNED_IN, tags: ['Séances'] };
  const ok = (d: string) => ({ 200: jsonResponse(d), ...ERROR_RESPONSES, 409: CONFLICT });

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/speaking', summary: 'Demandes de parole : lever ou baisser la main, donner la parole, finir un tour', request: { params: seanceParams, ...jsonBody(SpeakingSchema) }, responses: ok('Séance') }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.participate');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.speak(s, row.id, c.req.valid('json'), ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/check-ins', summary: 'Émarger (soi-même, ou une personne présente dans la salle pour l’animateur·rice)', request: { params: seanceParams, ...jsonBody(CheckInSchema) }, responses: ok('Séance') }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.participate');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.checkIn(s, row.id, c.req.valid('json').personId, ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/polls', summary: 'Lancer un sondage rapide (sur une question ou un passage)', request: { params: seanceParams, ...jsonBody(CreatePollSchema) }, responses: { 201: jsonResponse('Sondage ouvert'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.openPoll(s, row.id, c.req.valid('json'), ctx), ctx.user), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/polls/{pollId}/votes', summary: 'Voter (ou changer son vote) ; par commune, seul·e·s les élu·e·s communaux·ales votent', request: { params: pollParams, ...jsonBody(VoteSchema) }, responses: ok('Séance') }),
    (c) => {
      const { seanceId, pollId } = c.req.valid('param');
      const row = seanceFor(deps, policy, c, seanceId, 'workshop.read');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.vote(s, row.id, pollId, c.req.valid('json').value, ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/polls/{pollId}/close', summary: 'Clore un sondage (résultats enregistrés)', request: { params: pollParams }, responses: ok('Séance') }),
    (c) => {
      const { seanceId, pollId } = c.req.valid('param');
      const row = seanceFor(deps, policy, c, seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.closeSeancePoll(s, row.id, pollId, ctx), ctx.user), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/seances/{seanceId}/decisions', summary: 'Relevé de décisions : ajouter une décision ou une question ouverte', request: { params: seanceParams, ...jsonBody(CreateDecisionSchema) }, responses: { 201: jsonResponse('Décision enregistrée'), ...ERROR_RESPONSES, 409: CONFLICT } }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.recordDecision(s, row.id, c.req.valid('json'), ctx), ctx.user), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/seances/{seanceId}/decisions/{decisionId}', summary: 'Retirer une entrée du relevé de décisions', request: { params: decisionParams }, responses: ok('Séance') }),
    (c) => {
      const { seanceId, decisionId } = c.req.valid('param');
      const row = seanceFor(deps, policy, c, seanceId, 'workshop.control');
      const ctx = requestCtx(c);
      return c.json(viewOf(s, live.removeDecision(s, row.id, decisionId, ctx), ctx.user), 200);
    },
  );

  return router;
}
