import { createRoute } from '@hono/zod-openapi';
import { and, desc, eq, gte, like, lt } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { createRouter, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { auditEvents, users } from '../../db/schema/index.js';
import type { AuditEventDto } from '../../../shared/api/types.js';
import { auditActionLabel } from '../../../shared/audit/labels.js';

/** JSON by default; CSV with `?format=csv`. */
const AUDIT_RESPONSE = {
  content: { 'application/json': { schema: z.any() }, 'text/csv': { schema: z.string() } },
  description: 'Événements (les plus récents d’abord)',
};

const Filters = z.object({
  action: z.string().max(80).optional().openapi({ description: 'Préfixe d’action, ex. « project. » ou « auth.login »' }),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  format: z.enum(['json', 'csv']).default('json'),
});

type Filter = z.infer<typeof Filters>;

function query(deps: AppDeps, f: Filter, projectId?: string): AuditEventDto[] {
  const conditions = [
    projectId ? eq(auditEvents.projectId, projectId) : undefined,
    f.action ? like(auditEvents.action, `${f.action.replace(/[%_]/g, '')}%`) : undefined,
    f.since ? gte(auditEvents.at, f.since) : undefined,
    f.until ? lt(auditEvents.at, f.until) : undefined,
  ].filter((c) => c !== undefined);
  return deps.db
    .select({ a: auditEvents, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(f.limit)
    .all()
    .map(({ a, name }) => ({
      id: a.id,
      at: a.at,
      user: a.userId ? { id: a.userId, name: name ?? '—' } : null,
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      before: a.before,
      after: a.after,
      requestId: a.requestId,
    }));
}

/** RFC 4180 CSV with a BOM so spreadsheet software opens French accents correctly. */
export function auditToCsv(rows: AuditEventDto[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    // Neutralise formulas (CSV injection) and quote every cell.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const header = ['id', 'date', 'auteur', 'action', 'libelle', 'type_cible', 'cible', 'avant', 'apres', 'requete'];
  const lines = rows.map((r) => [r.id, r.at, r.user?.name ?? '', r.action, auditActionLabel(r.action), r.targetType, r.targetId, r.before, r.after, r.requestId].map(cell).join(','));
  return '\ufeff' + [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/**
 * The audit log (contracts.md): the whole log for administrators, a project's log for its facilitator, as JSON or
 * CSV (export).
 */
export function auditRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Audit'] };
  const csvHeaders = (name: string) => ({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/audit', summary: "Journal d'audit complet (administrateur), JSON ou CSV", request: { query: Filters }, responses: { 200: AUDIT_RESPONSE, ...ERROR_RESPONSES } }),
    (c) => {
      policy.authorize(c.get('user'), 'users.manage');
      const f = c.req.valid('query');
      const rows = query(deps, f);
      if (f.format === 'csv') return c.body(auditToCsv(rows), 200, csvHeaders('audit-mutualab'));
      return c.json(rows, 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/projects/{projectId}/audit/export',
      summary: "Export du journal d'audit du projet (animateur·rice, administrateur), JSON ou CSV",
      request: { params: z.object({ projectId: idParam('projectId') }), query: Filters },
      responses: { 200: AUDIT_RESPONSE, ...ERROR_RESPONSES },
    }),
    (c) => {
      const { projectId } = c.req.valid('param');
      policy.authorize(c.get('user'), 'project.audit.read', { projectId });
      const f = c.req.valid('query');
      const rows = query(deps, f, projectId);
      if (f.format === 'csv') return c.body(auditToCsv(rows), 200, csvHeaders('audit-projet'));
      return c.json(rows, 200);
    },
  );
  return router;
}
