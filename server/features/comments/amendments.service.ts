/**
 * Amendments: support/oppose, accept (the server applies the replacement inside the document's room and records the
 * decision in the SAME SQLite transaction as the Yjs update, before it is broadcast), reject (motivated), and the
 * project setting that lets co-writers decide.
 *
 * Concurrency: a decision in progress is held in `deciding` (one process owns the rooms), so a second accept or a
 * reject arriving while the first is being committed gets 409 — as does any decision on an amendment already decided.
 * The decision row is also guarded by `status = 'proposee'` in SQL.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { projects } from '../../db/schema/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { replaceRange, resolveAnchor, type Anchor } from '../../../shared/editor/index.js';
import { acceptAmendment, rejectAmendment, type Amendment, type AmendmentStance, type AmendmentStatus } from '../../../shared/rounds/amendments.js';
import { commentAnchors } from '../../db/schema/index.js';
import { commentsRepo, type AmendmentRow, type ThreadRow } from './comments.repo.js';
import { publishUpdated, threadOr404, type Ctx } from './comments.service.js';
import { notifyDecision } from './comments.notify.js';

/** Transaction origin of accepted amendments in the room. */
export const AMENDMENT_ORIGIN = 'amendment-accept';

/** Amendments being decided right now (see the module comment). */
const deciding = new Set<string>();

function amendmentOr404(deps: AppDeps, amendmentId: string): { amendment: AmendmentRow; thread: ThreadRow } {
  const amendment = commentsRepo.amendmentById(deps.db, amendmentId);
  if (!amendment) throw notFound('Amendement introuvable.', 'amendment_not_found');
  return { amendment, thread: threadOr404(deps, amendment.threadId) };
}

function asRule(amendment: AmendmentRow, thread: ThreadRow): Amendment {
  return {
    id: amendment.id,
    authorId: thread.authorId,
    authorCommuneId: thread.authorCommuneId,
    status: amendment.status as AmendmentStatus,
    originalText: amendment.originalText,
    replacementText: amendment.replacementText,
  };
}

function alreadyDecided(amendment: AmendmentRow) {
  const what = amendment.status === 'acceptee' ? 'accepté' : amendment.status === 'rejetee' ? 'rejeté' : 'en cours de décision';
  return conflict(`Cet amendement a déjà été ${what}.`, { status: amendment.status }, 'amendment_already_decided');
}

/** Records the viewer's support or opposition (the latest stance replaces the earlier one). */
export function vote(deps: AppDeps, policy: Policy, amendmentId: string, stance: AmendmentStance, ctx: Ctx): void {
  const { amendment, thread } = amendmentOr404(deps, amendmentId);
  policy.authorize(ctx.user, 'amendment.propose', { projectId: thread.projectId });
  if (amendment.status !== 'proposee' || deciding.has(amendmentId)) throw alreadyDecided(amendment);
  if (thread.authorId === ctx.user.id) throw badRequest('Vous avez proposé cet amendement : il compte déjà comme votre soutien.', undefined, 'own_amendment');
  const now = deps.clock.now().toISOString();
  commentsRepo.upsertVote(deps.db, { amendmentId, userId: ctx.user.id, communeId: ctx.user.communeId ?? null, stance, at: now });
  commentsRepo.updateThread(deps.db, thread.id, { updatedAt: now });
  publishUpdated(deps, thread, 'vote', ctx.user.id);
}

/**
 * Accepts an amendment: inside the room, checks that the anchored passage is still exactly the text the amendment
 * replaces (else `409 amendment_text_changed` with `details.currentText`), replaces it with the toolkit (formatting
 * kept), and writes the decision, the resolved thread, the anchor moved onto the new text and the audit entry in the
 * transaction that persists the Yjs update — before any client receives it.
 */
export async function accept(deps: AppDeps, collaboration: Collaboration, policy: Policy, amendmentId: string, ctx: Ctx): Promise<void> {
  const { amendment, thread } = amendmentOr404(deps, amendmentId);
  policy.authorize(ctx.user, 'amendment.decide', { documentId: amendment.documentId });
  if (amendment.status !== 'proposee' || deciding.has(amendmentId)) throw alreadyDecided(amendment);
  const anchorRow = commentsRepo.anchorsOfThread(deps.db, thread.id).find((a) => a.kind === 'text' && a.documentId === amendment.documentId);
  if (!anchorRow?.textAnchor) throw conflict('Le passage visé par cet amendement est introuvable.', { currentText: null }, 'amendment_text_changed');
  const anchor = anchorRow.textAnchor as Anchor;
  deciding.add(amendmentId);
  try {
    let refusal: Error | null = null;
    let decided: { decidedAt: string; newAnchor: Anchor | null } | null = null;
    await collaboration.edit(
      amendment.documentId,
      (doc) => {
        // Re-read now that the room is loaded: the decision could have been recorded while we waited.
        const fresh = commentsRepo.amendmentById(deps.db, amendmentId)!;
        const now = deps.clock.now().toISOString();
        const resolved = resolveAnchor(doc, anchor);
        const currentText = resolved.status === 'ok' ? resolved.text : '';
        const verdict = acceptAmendment({ amendment: asRule(fresh, thread), actorId: ctx.user.id, actorMayDecide: true, currentText, now });
        if (!verdict.ok) {
          refusal = verdict.code === 'text_changed'
            ? conflict(verdict.message, { currentText: resolved.status === 'ok' ? verdict.currentText : null }, 'amendment_text_changed')
            : verdict.code === 'already_decided' ? alreadyDecided(fresh) : forbidden(verdict.message);
          return;
        }
        const result = replaceRange(doc, anchor, amendment.replacementText, { expectedText: amendment.originalText, origin: AMENDMENT_ORIGIN });
        if (!result.ok) {
          refusal = conflict('Le passage visé a changé depuis la proposition : relisez le texte actuel avant de statuer.', { currentText: result.currentText }, 'amendment_text_changed');
          return;
        }
        decided = { decidedAt: now, newAnchor: result.anchor };
      },
      {
        inTransaction: () => {
          if (!decided) return;
          const { decidedAt, newAnchor } = decided;
          commentsRepo.decide(deps.db, amendmentId, { status: 'acceptee', decidedBy: ctx.user.id, decidedAt, decidedOriginalText: amendment.originalText, newText: amendment.replacementText, motivation: null });
          commentsRepo.updateThread(deps.db, thread.id, { status: 'resolved', resolvedAt: decidedAt, resolvedBy: ctx.user.id, updatedAt: decidedAt });
          // The comment now points at the text it introduced (an empty replacement leaves the old quote, orphaned).
          if (newAnchor) deps.db.update(commentAnchors).set({ textAnchor: newAnchor }).where(eq(commentAnchors.id, anchorRow.id)).run();
          recordAudit(deps.db, { at: decidedAt, userId: ctx.user.id, action: 'amendment.accepted', targetType: 'amendment', targetId: amendmentId, projectId: thread.projectId, before: { text: amendment.originalText }, after: { text: amendment.replacementText, documentId: amendment.documentId }, requestId: ctx.requestId });
        },
      },
    );
    if (refusal) throw refusal;
  } finally {
    deciding.delete(amendmentId);
  }
  const after = commentsRepo.amendmentById(deps.db, amendmentId)!;
  deps.events.publish(thread.projectId, 'amendment.decided', { threadId: thread.id, amendmentId, documentId: amendment.documentId, status: 'acceptee', by: ctx.user.id }, { ability: 'comment.read' });
  notifyDecision(deps, thread, after, ctx.user);
}

/** Rejects an amendment with a motivation (400 without one); the thread is resolved; audited. */
export function reject(deps: AppDeps, policy: Policy, amendmentId: string, motivation: string, ctx: Ctx): void {
  const { amendment, thread } = amendmentOr404(deps, amendmentId);
  policy.authorize(ctx.user, 'amendment.decide', { documentId: amendment.documentId });
  if (deciding.has(amendmentId)) throw alreadyDecided(amendment);
  const now = deps.clock.now().toISOString();
  const verdict = rejectAmendment({ amendment: asRule(amendment, thread), actorId: ctx.user.id, actorMayDecide: true, motivation, now });
  if (!verdict.ok) {
    if (verdict.code === 'already_decided') throw alreadyDecided(amendment);
    if (verdict.code === 'motivation_required') throw badRequest(verdict.message, undefined, 'motivation_required');
    throw forbidden(verdict.message);
  }
  const { decision } = verdict;
  deps.db.transaction((tx) => {
    const ok = commentsRepo.decide(tx, amendmentId, { status: 'rejetee', decidedBy: ctx.user.id, decidedAt: now, decidedOriginalText: amendment.originalText, newText: null, motivation: decision.motivation });
    if (!ok) throw alreadyDecided(commentsRepo.amendmentById(tx, amendmentId)!);
    commentsRepo.updateThread(tx, thread.id, { status: 'resolved', resolvedAt: now, resolvedBy: ctx.user.id, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'amendment.rejected', targetType: 'amendment', targetId: amendmentId, projectId: thread.projectId, before: { text: amendment.originalText }, after: { proposed: amendment.replacementText, motivation: decision.motivation }, requestId: ctx.requestId });
  });
  deps.events.publish(thread.projectId, 'amendment.decided', { threadId: thread.id, amendmentId, documentId: amendment.documentId, status: 'rejetee', by: ctx.user.id }, { ability: 'comment.read' });
  notifyDecision(deps, thread, commentsRepo.amendmentById(deps.db, amendmentId)!, ctx.user);
}

/** Whether co-writers may decide amendments in this project. */
export function getSettings(deps: AppDeps, projectId: string): { editorsDecideAmendments: boolean } {
  const row = deps.db.select({ v: projects.editorsDecideAmendments }).from(projects).where(eq(projects.id, projectId)).get();
  if (!row) throw notFound('Projet introuvable.', 'project_not_found');
  return { editorsDecideAmendments: row.v };
}

/** The facilitator lets (or stops letting) the document's co-writers accept and reject amendments; audited. */
export function setSettings(deps: AppDeps, projectId: string, editorsDecideAmendments: boolean, ctx: Ctx): { editorsDecideAmendments: boolean } {
  const before = getSettings(deps, projectId);
  if (before.editorsDecideAmendments === editorsDecideAmendments) return before;
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    tx.update(projects).set({ editorsDecideAmendments }).where(eq(projects.id, projectId)).run();
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'project.amendment_settings_changed', targetType: 'project', targetId: projectId, projectId, before, after: { editorsDecideAmendments }, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'project.updated', { projectId });
  return { editorsDecideAmendments };
}
