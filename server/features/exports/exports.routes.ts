import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { createRouter, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { EXPORT_FORMATS, FORMAT_INFO } from './render/index.js';
import { exportDocument } from './exports.service.js';

const ExportQuery = z.object({
  // Defaults to PDF, the format people print and attach to a deliberation; any other value is a 400.
  format: z
    .enum(EXPORT_FORMATS, { message: 'Format attendu : docx, pdf, html ou md' })
    .default('pdf')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
});

const file = z.string().openapi({ format: 'binary' });
const FILE_RESPONSE = {
  description: 'Le fichier, en pièce jointe (Content-Disposition)',
  content: Object.fromEntries(EXPORT_FORMATS.map((f) => [FORMAT_INFO[f].contentType, { schema: file }])),
};

/** Exports of a co-written document (DOCX, PDF, HTML, Markdown), rendered on the server from its live text. */
export function exportRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{documentId}/export',
      summary: 'Exporter un document (docx, pdf, html ou md)',
      security: SIGNED_IN,
      tags: ['Documents'],
      request: { params: z.object({ documentId: idParam('documentId') }), query: ExportQuery },
      responses: { 200: FILE_RESPONSE, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { documentId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'document.read', { documentId });
      const out = await exportDocument(deps, collaboration, documentId, c.req.valid('query').format);
      // Buffers are typed over ArrayBufferLike (they could be shared memory); ours never are.
      return c.body(out.body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': out.contentType,
        'Content-Disposition': out.contentDisposition,
        // The text changes as people write: a cached copy would be a stale version presented as current.
        'Cache-Control': 'private, no-store',
      });
    },
  );

  return router;
}
