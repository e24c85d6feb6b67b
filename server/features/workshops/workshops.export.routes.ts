import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { createRouter, jsonResponse, ERROR_RESPONSES, SIGNED_IN, z } from '../../lib/openapi.js';
import { SEANCE_EXPORT_FORMATS } from '../../../shared/workshops/types.js';
import type { Services } from './workshops.context.js';
import { buildSummary } from './workshops.summary.js';
import { agendaContent, agendaICal, renderSeanceFile, summaryContent, type SeanceFile } from './workshops.exports.js';
import { seanceFor, seanceParams } from './workshops.routes.js';

const FormatQuery = z.object({
  format: z
    .enum(SEANCE_EXPORT_FORMATS, { message: 'Format attendu : docx ou pdf' })
    .default('pdf')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'docx' }),
});
const binary = z.string().openapi({ format: 'binary' });
const FILE = {
  description: 'Le fichier, en pièce jointe (Content-Disposition)',
  content: {
    'application/pdf': { schema: binary },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary },
  },
};
const CALENDAR = { description: 'L’événement iCalendar (RFC 5545)', content: { 'text/calendar': { schema: binary } } };

/** Exports of a séance (`workshop.read`): iCalendar and DOCX/PDF agenda, the summary as JSON and DOCX/PDF. */
export function workshopExportRoutes(deps: AppDeps, policy: Policy, collaboration: Collaboration) {
  const router = createRouter();
  const s: Services = { deps, collaboration, policy };
  const common = { security: SIGNED_IN, tags: ['Séances'] };
  const headers = (f: SeanceFile) => ({ 'Content-Type': f.contentType, 'Content-Disposition': f.contentDisposition, 'Cache-Control': 'private, no-store' });

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/seances/{seanceId}/agenda.ics', summary: 'La séance pour un agenda (iCalendar, un événement)', request: { params: seanceParams }, responses: { 200: CALENDAR, ...ERROR_RESPONSES } }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.read');
      const file = agendaICal(deps, row);
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers(file));
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/seances/{seanceId}/agenda', summary: 'L’ordre du jour en DOCX ou PDF', request: { params: seanceParams, query: FormatQuery }, responses: { 200: FILE, ...ERROR_RESPONSES } }),
    async (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.read');
      const file = await renderSeanceFile(deps, row, 'agenda', c.req.valid('query').format, agendaContent(deps, row));
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers(file));
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/seances/{seanceId}/summary', summary: 'Synthèse : présences par commune, décisions, sondages, temps de parole, amendements acceptés', request: { params: seanceParams }, responses: { 200: jsonResponse('Synthèse'), ...ERROR_RESPONSES } }),
    (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.read');
      return c.json(buildSummary(s, row), 200);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/seances/{seanceId}/summary/export', summary: 'La synthèse en DOCX ou PDF', request: { params: seanceParams, query: FormatQuery }, responses: { 200: FILE, ...ERROR_RESPONSES } }),
    async (c) => {
      const row = seanceFor(deps, policy, c, c.req.valid('param').seanceId, 'workshop.read');
      const file = await renderSeanceFile(deps, row, 'summary', c.req.valid('query').format, summaryContent(buildSummary(s, row)));
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers(file));
    },
  );

  return router;
}
