/**
 * The completeness board (communes × sections) and its workflow: whoever may write a commune's data submits a
 * section, an élu·e of that commune validates it or sends it back with a comment.
 */
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { diagCompleteness } from '../../db/schema/index.js';
import { conflict } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import {
  BOARD_SECTIONS, effectiveStatus, checkCompletenessMove, boardSectionOf, type BoardSection, type StoredStatus, type SectionKey,
} from '../../../shared/diagnostic/sections.js';
import type { BoardCellDto, BoardRowDto } from '../../../shared/diagnostic/types.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { communesOfRow } from './diagnostic.tables.js';
import { announce, type Ctx } from './diagnostic.service.js';

/** Number of records per commune and board section. */
function counts(deps: AppDeps, projectId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const section of ['besoins', 'services', 'usages', 'agents', 'equipements', 'finances', 'consultations'] as SectionKey[]) {
    for (const row of diagnosticRepo.list(deps.db, section, projectId)) {
      for (const communeId of communesOfRow(section, row)) {
        const key = `${communeId}:${boardSectionOf(section)}`;
        out.set(key, (out.get(key) ?? 0) + 1);
      }
    }
  }
  return out;
}

/** The board: one row per commune of the diagnostic, one cell per section. */
export function buildBoard(deps: AppDeps, projectId: string, communeIds: string[]): BoardRowDto[] {
  const stored = new Map(diagnosticRepo.completeness(deps.db, projectId).map((s) => [`${s.communeId}:${s.section}`, s]));
  const n = counts(deps, projectId);
  const userIds = [...stored.values()].flatMap((s) => [s.submittedBy, s.validatedBy]).filter((x): x is string => !!x);
  const names = diagnosticRepo.userNames(deps.db, [...new Set(userIds)]);
  const who = (id: string | null, at: string | null) => (id && at ? { id, name: names.get(id) ?? '—', at } : null);
  return communeIds.map((communeId) => {
    const cells = {} as Record<BoardSection, BoardCellDto>;
    for (const section of BOARD_SECTIONS) {
      const s = stored.get(`${communeId}:${section}`);
      const count = n.get(`${communeId}:${section}`) ?? 0;
      cells[section] = {
        status: effectiveStatus(s?.status as StoredStatus | undefined, count),
        count,
        updatedAt: s?.updatedAt ?? null,
        submittedBy: who(s?.submittedBy ?? null, s?.submittedAt ?? null),
        validatedBy: s?.status === 'valide' ? who(s.validatedBy, s.validatedAt) : null,
        comment: s?.comment ?? null,
      };
    }
    return { communeId, cells, validated: BOARD_SECTIONS.filter((x) => cells[x].status === 'valide').length };
  });
}

/** The status shown for one cell. */
export function cellStatus(deps: AppDeps, projectId: string, communeId: string, section: BoardSection) {
  return buildBoard(deps, projectId, [communeId])[0].cells[section].status;
}

/**
 * Moves a section: `submit` (technician or anyone who may write the commune's data), `validate` or `return`
 * (an élu·e of the commune; returning requires a comment, checked by the route's schema).
 */
export function moveSection(deps: AppDeps, projectId: string, communeId: string, section: BoardSection, action: 'submit' | 'validate' | 'return', comment: string | null, c: Ctx) {
  const from = cellStatus(deps, projectId, communeId, section);
  const refusal = checkCompletenessMove(from, action);
  if (refusal) throw conflict(refusal, { status: from }, 'completeness_state');
  const now = deps.clock.now().toISOString();
  const status: StoredStatus = action === 'submit' ? 'soumis' : action === 'validate' ? 'valide' : 'a_revoir';
  const existing = diagnosticRepo.completenessOf(deps.db, projectId, communeId, section);
  const values = {
    status,
    updatedAt: now,
    comment: comment?.trim() || null,
    ...(action === 'submit' ? { submittedAt: now, submittedBy: c.user.id } : { validatedAt: now, validatedBy: c.user.id }),
  };
  deps.db.transaction((tx) => {
    if (existing) {
      tx.update(diagCompleteness)
        .set(values)
        .where(and(eq(diagCompleteness.projectId, projectId), eq(diagCompleteness.communeId, communeId), eq(diagCompleteness.section, section)))
        .run();
    } else {
      tx.insert(diagCompleteness).values({ projectId, communeId, section, ...values }).run();
    }
    const verb = action === 'submit' ? 'submitted' : action === 'validate' ? 'validated' : 'returned';
    recordAudit(tx, { at: now, userId: c.user.id, action: `diagnostic.completeness.${verb}`, targetType: 'diagnostic.completeness', targetId: `${communeId}:${section}`, projectId, before: { status: from }, after: { status, comment: values.comment }, requestId: c.requestId });
  });
  const action2 = action === 'submit' ? 'submitted' : action === 'validate' ? 'validated' : 'returned';
  announce(deps, projectId, { section: 'completeness', action: action2, communeIds: [communeId], recordIds: [`${communeId}:${section}`] }, c.user.id);
  return buildBoard(deps, projectId, [communeId])[0];
}
