import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { documents, docUpdates, docSnapshots } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { conflict, notFound, unavailable } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import type { CreateDocumentInput } from '../../../shared/documents/kinds.js';
import { documentsRepo } from './documents.repo.js';
import { seedTemplate } from './documents.templates.js';

type Ctx = { user: SessionUser; requestId?: string };

/** The document row, or `404 document_not_found`. */
export function getDocumentOr404(deps: AppDeps, documentId: string) {
  const row = documentsRepo.named(deps.db, documentId);
  if (!row) throw notFound('Document introuvable.', 'document_not_found');
  return row;
}

/** A project's documents (the route has checked `document.read` on the project). */
export function listDocuments(deps: AppDeps, projectId: string, includeArchived: boolean) {
  return documentsRepo.listNamed(deps.db, projectId, includeArchived);
}

/**
 * Creates a document and seeds its template through the collaboration service, so the initial content is one
 * update in `doc_updates`, written by the server exactly once. If seeding fails the row is removed again: a
 * document that exists without its template would tempt a client into seeding it (the duplicated-content bug).
 */
export async function createDocument(deps: AppDeps, collaboration: Collaboration, projectId: string, input: CreateDocumentInput, ctx: Ctx) {
  const now = deps.clock.now().toISOString();
  const id = newId('doc_');
  deps.db.transaction((tx) => {
    documentsRepo.insert(tx, { id, projectId, kind: input.kind, title: input.title, createdBy: ctx.user.id, createdAt: now, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'document.created', targetType: 'document', targetId: id, projectId, after: { kind: input.kind, title: input.title }, requestId: ctx.requestId });
  });
  try {
    await seedTemplate(collaboration, id, input.kind);
  } catch (err) {
    deps.logger.error('document template seeding failed', { documentId: id, requestId: ctx.requestId, error: String(err) });
    deps.db.transaction((tx) => {
      tx.delete(docUpdates).where(eq(docUpdates.documentId, id)).run();
      tx.delete(docSnapshots).where(eq(docSnapshots.documentId, id)).run();
      tx.delete(documents).where(eq(documents.id, id)).run();
      recordAudit(tx, { at: now, userId: ctx.user.id, action: 'document.creation_rolled_back', targetType: 'document', targetId: id, projectId, requestId: ctx.requestId });
    });
    // Usually the collaboration service shutting down or its storage failing: logged above, retryable by the user.
    throw unavailable('Le document n’a pas pu être créé (service d’édition indisponible) ; réessayez dans un instant.');
  }
  deps.events.publish(projectId, 'document.created', { documentId: id, kind: input.kind, title: input.title });
  return getDocumentOr404(deps, id);
}

/** Renames a document; an archived one must be restored first (it is frozen). */
export function renameDocument(deps: AppDeps, documentId: string, title: string, ctx: Ctx) {
  const before = getDocumentOr404(deps, documentId).d;
  if (before.archivedAt) throw conflict('Ce document est archivé : restaurez-le avant de le renommer.', undefined, 'document_archived');
  if (before.title === title) return getDocumentOr404(deps, documentId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    documentsRepo.update(tx, documentId, { title, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'document.renamed', targetType: 'document', targetId: documentId, projectId: before.projectId, before: { title: before.title }, after: { title }, requestId: ctx.requestId });
  });
  deps.events.publish(before.projectId, 'document.updated', { documentId, title, archived: false });
  return getDocumentOr404(deps, documentId);
}

/** Archives (hides and freezes) or restores a document. A compare-and-set keeps two concurrent calls from both applying. */
export function setArchived(deps: AppDeps, documentId: string, archived: boolean, ctx: Ctx) {
  const before = getDocumentOr404(deps, documentId).d;
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    const res = tx
      .update(documents)
      .set({ archivedAt: archived ? now : null, updatedAt: now })
      .where(and(eq(documents.id, documentId), archived ? isNull(documents.archivedAt) : isNotNull(documents.archivedAt)))
      .run();
    if (res.changes !== 1) {
      throw archived
        ? conflict('Ce document est déjà archivé.', undefined, 'already_archived')
        : conflict('Ce document n’est pas archivé.', undefined, 'not_archived');
    }
    recordAudit(tx, { at: now, userId: ctx.user.id, action: archived ? 'document.archived' : 'document.unarchived', targetType: 'document', targetId: documentId, projectId: before.projectId, before: { archived: !archived }, after: { archived }, requestId: ctx.requestId });
  });
  deps.events.publish(before.projectId, 'document.updated', { documentId, title: before.title, archived });
  return getDocumentOr404(deps, documentId);
}

/**
 * Locks (read-only for everyone but the facilitator, enforced by the policy) or unlocks a document. The row is
 * committed first, then the rooms are told, so a client that reconnects in between already sees the new state.
 */
export function setLocked(deps: AppDeps, collaboration: Collaboration, documentId: string, locked: boolean, ctx: Ctx) {
  const before = getDocumentOr404(deps, documentId).d;
  if (locked && before.archivedAt) throw conflict('Ce document est archivé : il ne peut pas être verrouillé.', undefined, 'document_archived');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    const res = tx
      .update(documents)
      .set(locked ? { lockedAt: now, lockedBy: ctx.user.id, updatedAt: now } : { lockedAt: null, lockedBy: null, updatedAt: now })
      .where(and(eq(documents.id, documentId), locked ? isNull(documents.lockedAt) : isNotNull(documents.lockedAt)))
      .run();
    if (res.changes !== 1) {
      throw locked
        ? conflict('Ce document est déjà verrouillé.', undefined, 'already_locked')
        : conflict('Ce document n’est pas verrouillé.', undefined, 'not_locked');
    }
    recordAudit(tx, { at: now, userId: ctx.user.id, action: locked ? 'document.locked' : 'document.unlocked', targetType: 'document', targetId: documentId, projectId: before.projectId, before: { locked: !locked, lockedBy: before.lockedBy }, after: { locked }, requestId: ctx.requestId });
  });
  collaboration.lockChanged(documentId);
  deps.events.publish(before.projectId, 'document.locked', { documentId, locked, by: ctx.user.id });
  return getDocumentOr404(deps, documentId);
}
