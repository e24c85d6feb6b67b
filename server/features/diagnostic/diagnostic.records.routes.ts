import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { SECTIONS, SECTION_LABELS, type SectionKey } from '../../../shared/diagnostic/sections.js';
import { SECTION_SCHEMAS, SECTION_PATCH_SCHEMAS } from '../../../shared/diagnostic/schemas.js';
import { loadContext } from './diagnostic.context.js';
import { writeChecks, authorizeAll } from './diagnostic.authz.js';
import * as service from './diagnostic.service.js';

const CONFLICT = jsonResponse('Une fiche existe déjà (une réponse par commune et mission, une fiche finances par commune)');

/** Keys of `input` whose value differs from the stored record. */
function changedKeys(existing: Record<string, unknown>, input: Record<string, unknown>): string[] {
  return Object.keys(input).filter((k) => JSON.stringify(existing[k] ?? null) !== JSON.stringify(input[k] ?? null));
}

/**
 * The records of each section of the diagnostic: `GET|POST /projects/{projectId}/diagnostic/{section}` and
 * `PATCH|DELETE …/{section}/{recordId}`, one documented route per section so that each body has its schema.
 */
export function diagnosticRecordRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Diagnostic'] };

  for (const section of SECTIONS) {
    const label = SECTION_LABELS[section];
    const base = `/projects/{projectId}/diagnostic/${section}`;
    const listParams = z.object({ projectId: idParam('projectId') });
    const recordParams = z.object({ projectId: idParam('projectId'), recordId: idParam('recordId') });
    const s = section as SectionKey;

    router.openapi(
      createRoute({
        ...common,
        method: 'get',
        path: base,
        summary: `${label} : liste (filtrable par commune)`,
        request: { params: listParams, query: z.object({ communeId: z.string().max(64).optional() }) },
        responses: { 200: jsonResponse(label), ...ERROR_RESPONSES },
      }),
      (c) => {
        const { projectId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'project.read', { projectId });
        return c.json(service.listRecords(deps, projectId, s, c.req.valid('query').communeId), 200);
      },
    );

    router.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: base,
        summary: `${label} : créer une fiche`,
        request: { params: listParams, ...jsonBody(SECTION_SCHEMAS[s]) },
        responses: { 201: jsonResponse('Fiche créée'), ...ERROR_RESPONSES, 409: CONFLICT },
      }),
      (c) => {
        const { projectId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'project.read', { projectId });
        const input = c.req.valid('json') as Record<string, unknown>;
        const ctx = loadContext(deps, policy, projectId);
        authorizeAll(policy, c.get('user'), writeChecks(s, projectId, 'create', service.communesTouched(ctx, s, input, null)));
        return c.json(service.createRecord(deps, ctx, s, input, requestCtx(c)), 201);
      },
    );

    router.openapi(
      createRoute({
        ...common,
        method: 'patch',
        path: `${base}/{recordId}`,
        summary: `${label} : modifier des champs (null efface un champ facultatif)`,
        request: { params: recordParams, ...jsonBody(SECTION_PATCH_SCHEMAS[s]) },
        responses: { 200: jsonResponse('Fiche modifiée'), ...ERROR_RESPONSES, 409: CONFLICT },
      }),
      (c) => {
        const { projectId, recordId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'project.read', { projectId });
        const existing = service.getRecordOr404(deps, projectId, s, recordId);
        const input = c.req.valid('json') as Record<string, unknown>;
        const ctx = loadContext(deps, policy, projectId);
        const communes = service.communesTouched(ctx, s, input, existing);
        authorizeAll(policy, c.get('user'), writeChecks(s, projectId, 'update', communes, { consultationId: recordId, changedFields: changedKeys(existing, input) }));
        return c.json(service.updateRecordById(deps, ctx, s, existing, input, requestCtx(c)), 200);
      },
    );

    router.openapi(
      createRoute({
        ...common,
        method: 'delete',
        path: `${base}/{recordId}`,
        summary: `${label} : supprimer une fiche${s === 'services' ? ' (et sa fréquentation)' : ''}`,
        request: { params: recordParams },
        responses: { 204: { description: 'Fiche supprimée' }, ...ERROR_RESPONSES },
      }),
      (c) => {
        const { projectId, recordId } = c.req.valid('param');
        policy.authorize(c.get('user'), 'project.read', { projectId });
        const existing = service.getRecordOr404(deps, projectId, s, recordId);
        const ctx = loadContext(deps, policy, projectId);
        authorizeAll(policy, c.get('user'), writeChecks(s, projectId, 'delete', service.communesTouched(ctx, s, {}, existing)));
        service.deleteRecordById(deps, ctx, s, existing, requestCtx(c));
        return c.body(null, 204);
      },
    );
  }
  return router;
}
