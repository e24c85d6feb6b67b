import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { tooLarge } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { ProjectArchiveSchema } from './transfer.format.js';
import { exportProject, archiveSummary } from './transfer.export.js';
import { importProject } from './transfer.import.js';

const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/**
 * A transfer file carries every document's Yjs state and every version: 32 MiB instead of the API's 1 MiB
 * (413 `payload_too_large` beyond; the CLI `npm run import-project` has no limit). app.ts applies it before any
 * middleware reads the body.
 */
export const PROJECT_IMPORT_BODY_LIMIT = {
  path: /^\/api\/projects\/import$/,
  maxSize: MAX_IMPORT_BYTES,
  middleware: bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: () => { throw tooLarge('Fichier trop volumineux : 32 Mio au plus (utilisez `npm run import-project` au-delà).'); } }),
};

const ImportResult = z.object({
  projectId: z.string(),
  title: z.string(),
  tables: z.record(z.string(), z.number()),
  documents: z.number(),
});

/** Slug of a title for a file name (ASCII, dashes). */
const slug = (title: string) =>
  title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'projet';

/**
 * Transfer of a whole project between instances (or into a restored database): export as one JSON file, import it
 * where the project does not exist. Administrators only (`project.export`, `project.import`): the file holds every
 * participant's data, personal notifications and the audit trail of the project.
 */
export function projectTransferRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Projets'] };

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/projects/{projectId}/export',
      summary: 'Exporter le projet entier (données, historiques, documents et leur état Yjs) en un fichier JSON (administrateur)',
      request: { params: z.object({ projectId: idParam('projectId') }) },
      responses: { 200: jsonResponse('Fichier de transfert (pièce jointe)', ProjectArchiveSchema), ...ERROR_RESPONSES },
    }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.export', { projectId });
      const ctx = requestCtx(c);
      const now = deps.clock.now().toISOString();
      const archive = exportProject(deps.sqlite, projectId, now);
      recordAudit(deps.db, { at: now, userId: ctx.user.id, action: 'project.exported', targetType: 'project', targetId: projectId, projectId, after: archiveSummary(archive), requestId: ctx.requestId });
      const title = String(archive.tables.projects.rows[0][archive.tables.projects.columns.indexOf('title')] ?? '');
      return c.json(archive, 200, {
        'Content-Disposition': `attachment; filename="mutualab-${slug(title)}-${now.slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
      });
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/import',
      summary: 'Importer un projet exporté, dans une instance où il n’existe pas (administrateur) ; tout ou rien',
      'x-max-body-bytes': PROJECT_IMPORT_BODY_LIMIT.maxSize,
      request: jsonBody(ProjectArchiveSchema),
      responses: {
        201: jsonResponse('Projet importé : lignes par table et documents', ImportResult),
        ...ERROR_RESPONSES,
        409: jsonResponse('Le projet, ou un identifiant du fichier, existe déjà ici'),
        413: jsonResponse('Fichier trop volumineux'),
      },
    }),
    (c) => {
      policy.authorize(c.get('user'), 'project.import');
      const ctx = requestCtx(c);
      const summary = importProject(deps, c.req.valid('json'), { userId: ctx.user.id, requestId: ctx.requestId });
      return c.json(summary, 201);
    },
  );
  return router;
}
