import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context.js';
import { requestCtx } from '../../lib/request.js';
import type { Policy } from '../../policies/index.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { PHASES } from '../../../shared/projects/phases.js';
import { PARTICIPATION_STATES } from '../../../shared/projects/participation.js';
import { PROJECT_DOMAINS } from '../../../shared/projects/domains.js';
import * as service from './projects.service.js';
import { presentProject, presentSummaries, presentPhaseHistory, presentParticipationHistory, presentAudit } from './projects.presenter.js';
import { getTerritory } from '../territory/territory.service.js';

const projectParams = z.object({ projectId: idParam('projectId') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ');
const title = z.string().trim().min(3, 'Titre trop court (3 caractères au moins)').max(200, 'Titre trop long (200 caractères au plus)');
const domains = z.array(z.enum(PROJECT_DOMAINS)).min(1, 'Au moins un domaine').max(PROJECT_DOMAINS.length);

const CreateProject = z.object({
  territoryId: z.string().min(1).max(64),
  title,
  description: z.string().max(5000).optional(),
  domains,
  facilitatorId: z.string().min(1).max(64).nullable().optional(),
  communeIds: z.array(z.string().min(1).max(64)).max(500).optional(),
});

const UpdateProject = z
  .object({ title: title.optional(), description: z.string().max(5000).optional(), domains: domains.optional(), facilitatorId: z.string().min(1).max(64).nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, 'Rien à modifier');

/** Projects (démarches): list, detail, creation, phases, planned dates, participations, members, audit. */
export function projectRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Projets'] };
  const ctx = requestCtx;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const detail = (c: Context<AppEnv, any, any>, projectId: string) => presentProject(deps, policy, service.getProjectOr404(deps, projectId), requestCtx(c).user);

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects', summary: 'Projets visibles par la personne connectée', responses: { 200: jsonResponse('Projets'), 401: ERROR_RESPONSES[401] } }),
    (c) => {
      const user = c.get('user');
      policy.authorize(user, 'territory.read');
      return c.json(presentSummaries(deps, service.listVisibleProjects(deps, policy, user!)), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects', summary: 'Créer un projet de mutualisation', request: jsonBody(CreateProject), responses: { 201: jsonResponse('Projet créé'), ...ERROR_RESPONSES } }),
    (c) => {
      policy.authorize(c.get('user'), 'project.create');
      const input = c.req.valid('json');
      getTerritory(deps, input.territoryId);
      const row = service.createProject(deps, input, ctx(c));
      return c.json(presentProject(deps, policy, row, c.get('user')!), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}', summary: 'Détail du projet (phase, participations, droits)', request: { params: projectParams }, responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'patch', path: '/projects/{projectId}', summary: 'Modifier le projet', request: { params: projectParams, ...jsonBody(UpdateProject) }, responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.update', { projectId });
      service.updateProject(deps, projectId, c.req.valid('json'), ctx(c));
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/projects/{projectId}/plan',
      summary: 'Dates prévues des phases',
      request: { params: projectParams, ...jsonBody(z.object({ plannedDates: z.partialRecord(z.enum(PHASES), isoDate.nullable()) })) },
      responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES },
    }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.update', { projectId });
      service.setPlannedDates(deps, projectId, c.req.valid('json').plannedDates, ctx(c));
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/phase',
      summary: "Changer de phase (une étape en avant, ou en arrière avec une raison)",
      request: { params: projectParams, ...jsonBody(z.object({ to: z.enum(PHASES), reason: z.string().max(2000).nullable().optional() })) },
      responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES, 409: jsonResponse('Transition refusée') },
    }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.phase.change', { projectId });
      const { to, reason } = c.req.valid('json');
      service.changePhase(deps, policy, projectId, to, reason, ctx(c));
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/phase-history', summary: 'Historique des phases', request: { params: projectParams }, responses: { 200: jsonResponse('Transitions'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      return c.json(presentPhaseHistory(deps, projectId), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/projects/{projectId}/participations/{communeId}',
      summary: "Participation d'une commune (invitée, participante, observatrice, retirée)",
      request: {
        params: z.object({ projectId: idParam('projectId'), communeId: idParam('communeId') }),
        ...jsonBody(z.object({ state: z.enum(PARTICIPATION_STATES), note: z.string().max(2000).nullable().optional() })),
      },
      responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES, 409: jsonResponse('Déjà dans cet état') },
    }),
    (c) => {
      const { projectId, communeId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.participation.manage', { projectId });
      const { state, note } = c.req.valid('json');
      service.setParticipation(deps, projectId, communeId, state, note, ctx(c));
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/participation-history', summary: 'Historique des participations', request: { params: projectParams }, responses: { 200: jsonResponse('Événements'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      return c.json(presentParticipationHistory(deps, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'post', path: '/projects/{projectId}/members', summary: 'Ajouter un·e partenaire ou observateur·rice', request: { params: projectParams, ...jsonBody(z.object({ userId: z.string().min(1).max(64) })) }, responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.members.manage', { projectId });
      service.addMember(deps, projectId, c.req.valid('json').userId, ctx(c));
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'delete', path: '/projects/{projectId}/members/{userId}', summary: 'Retirer un·e partenaire ou observateur·rice', request: { params: z.object({ projectId: idParam('projectId'), userId: idParam('userId') }) }, responses: { 200: jsonResponse('Projet'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId, userId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.members.manage', { projectId });
      service.removeMember(deps, projectId, userId, ctx(c));
      return c.json(detail(c, projectId), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/projects/{projectId}/audit', summary: "Journal d'audit du projet", request: { params: projectParams }, responses: { 200: jsonResponse('Événements'), ...ERROR_RESPONSES } }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.audit.read', { projectId });
      return c.json(presentAudit(deps, projectId), 200);
    },
  );

  return router;
}
