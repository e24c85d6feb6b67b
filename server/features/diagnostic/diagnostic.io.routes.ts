import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { requestCtx } from '../../lib/request.js';
import { badRequest, tooLarge } from '../../lib/errors.js';
import { createRouter, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { SECTIONS, type SectionKey } from '../../../shared/diagnostic/sections.js';
import { loadContext } from './diagnostic.context.js';
import { planImport, presentPlan, commitPlan } from './diagnostic.import.js';
import { exportFile, templateFile, type FileOut } from './diagnostic.export.js';

/**
 * Imports have their own body limit (the API's default is 1 MiB): 5 MiB, 413 `payload_too_large` beyond. app.ts
 * applies it in place of the default one, before any middleware reads the body.
 */
export const IMPORT_BODY_LIMIT = {
  path: /^\/api\/projects\/[^/]+\/diagnostic\/import\//,
  maxSize: 5 * 1024 * 1024,
  middleware: bodyLimit({ maxSize: 5 * 1024 * 1024, onError: () => { throw tooLarge('Fichier trop volumineux : 5 Mio au plus.'); } }),
};

const projectParams = z.object({ projectId: idParam('projectId') });
const JsonUpload = z.object({
  section: z.enum(SECTIONS),
  fileName: z.string().max(255).optional(),
  contentBase64: z.string().min(1, 'Fichier vide.').max(8 * 1024 * 1024, 'Fichier trop volumineux.'),
});
const FormUpload = z.object({
  section: z.enum(SECTIONS),
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'Fichier CSV ou XLSX' }),
});
/** Documented on the import routes so that clients and tests know the limit (OpenAPI extension). */
const LIMIT_DOC = { 'x-max-body-bytes': IMPORT_BODY_LIMIT.maxSize } as const;
const upload = {
  body: {
    required: false,
    description: 'Le fichier, en multipart/form-data (champs « section » et « file ») ou en JSON encodé en base64.',
    content: { 'multipart/form-data': { schema: FormUpload }, 'application/json': { schema: JsonUpload } },
  },
};

/** The uploaded file from either body shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function readUpload(c: Context<AppEnv, any, any>): Promise<{ section: SectionKey; fileName: string; bytes: Uint8Array }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = c.req.valid('form') as { section: SectionKey; file: unknown };
    if (!(form.file instanceof File)) throw badRequest('Aucun fichier reçu (champ « file »).', undefined, 'missing_file');
    return { section: form.section, fileName: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()) };
  }
  const body = c.req.valid('json') as z.infer<typeof JsonUpload> | Record<string, never>;
  if (!('section' in body)) throw badRequest('Envoyez le fichier en multipart/form-data ou en JSON.', undefined, 'missing_file');
  return { section: body.section, fileName: body.fileName ?? 'import', bytes: new Uint8Array(Buffer.from(body.contentBase64, 'base64')) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sendFile(c: Context<AppEnv, any, any>, file: FileOut) {
  return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': 'no-store',
  });
}

const fileResponse = { 200: { description: 'Fichier CSV (UTF-8, « ; ») ou XLSX', content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } } };

/** Import (preview, then commit), export and templates of the diagnostic. */
export function diagnosticIoRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Diagnostic'] };

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/diagnostic/import/preview',
      summary: 'Aperçu d’un import : lignes créées ou mises à jour, erreurs (ligne, colonne, message) ; rien n’est écrit',
      ...LIMIT_DOC,
      request: { params: projectParams, ...upload },
      responses: { 200: jsonResponse('Aperçu'), ...ERROR_RESPONSES, 413: jsonResponse('Fichier trop volumineux') },
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'diagnostic.import', { projectId });
      const { section, fileName, bytes } = await readUpload(c);
      const ctx = loadContext(deps, policy, projectId);
      const plan = await planImport(deps, policy, requestCtx(c).user, ctx, section, bytes, fileName);
      return c.json(presentPlan(ctx, section, plan), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/projects/{projectId}/diagnostic/import/commit',
      summary: 'Importer le fichier (le même qu’à l’aperçu) : tout ou rien, en une transaction',
      ...LIMIT_DOC,
      request: { params: projectParams, ...upload },
      responses: { 200: jsonResponse('Import enregistré'), ...ERROR_RESPONSES, 413: jsonResponse('Fichier trop volumineux') },
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'diagnostic.import', { projectId });
      const { section, fileName, bytes } = await readUpload(c);
      const ctx = loadContext(deps, policy, projectId);
      const plan = await planImport(deps, policy, requestCtx(c).user, ctx, section, bytes, fileName);
      return c.json(commitPlan(deps, ctx, section, plan, fileName, requestCtx(c)), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/projects/{projectId}/diagnostic/export',
      summary: 'Exporter une rubrique, les indicateurs, ou tout le diagnostic (par défaut : tout, en XLSX)',
      request: { params: projectParams, query: z.object({ section: z.enum([...SECTIONS, 'indicateurs', 'tout']).default('tout'), format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
      responses: { ...fileResponse, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      const { section, format } = c.req.valid('query');
      if (section === 'tout' && format === 'csv') throw badRequest('L’export complet n’existe qu’en XLSX (un onglet par rubrique).', undefined, 'csv_single_section');
      return sendFile(c, await exportFile(deps, loadContext(deps, policy, projectId), section, format));
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/projects/{projectId}/diagnostic/template',
      summary: 'Modèle d’import d’une rubrique, avec la colonne id (par défaut : besoins, en XLSX)',
      request: { params: projectParams, query: z.object({ section: z.enum(SECTIONS).default('besoins'), format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
      responses: { ...fileResponse, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.read', { projectId });
      const { section, format } = c.req.valid('query');
      return sendFile(c, await templateFile(deps, loadContext(deps, policy, projectId), section, format));
    },
  );

  return router;
}
