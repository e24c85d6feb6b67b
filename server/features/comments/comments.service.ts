/**
 * Comments: open a thread on 1..n anchors, reply, edit (history kept) and delete (soft) one's own messages, resolve
 * and reopen, list with filters, count open threads for badges. Each change is one transaction, then a live event
 * (audience `comment.read`) and the notifications (mentions, replies in my threads, comments on my commune's data).
 * Amendments live in `amendments.service.ts`.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import type { CommentChange } from '../../../shared/comments/events.js';
import type {
  AnchorInput,
  CommentCountsDto,
  CommentFilters,
  CommentThreadView,
  CreateCommentInput,
  EditMessageInput,
  ReplyInput,
} from '../../../shared/comments/types.js';
import { commentsRepo, type AnchorRow, type ThreadRow } from './comments.repo.js';
import { prepareAnchors } from './comments.anchors.js';
import { presentThreads, resolveTextAnchors, viewerRights } from './comments.presenter.js';
import { runCommentGuards } from './comments.registry.js';
import { notifyNewThread, notifyReply, notifyMentions } from './comments.notify.js';

export { registerCommentTarget, registerCommentGuard, type CommentTarget, type CommentGuard } from './comments.registry.js';

/** Who acts, for audit and stamps. */
export type Ctx = { user: SessionUser; requestId?: string };

/** The thread, or `404 comment_not_found`. */
export function threadOr404(deps: AppDeps, threadId: string): ThreadRow {
  const thread = commentsRepo.threadById(deps.db, threadId);
  if (!thread) throw notFound('Commentaire introuvable.', 'comment_not_found');
  return thread;
}

/** Which screens show a thread (live event payloads). */
export function screensOf(anchors: AnchorRow[]) {
  const pick = (kind: string, key: 'documentId' | 'recordId' | 'targetId') => [...new Set(anchors.filter((a) => a.kind === kind && a[key]).map((a) => a[key]!))];
  return { documentIds: pick('text', 'documentId'), recordIds: pick('diagnostic', 'recordId'), scenarioIds: pick('scenario', 'targetId') };
}

/** Publishes `comment.updated` for a thread. */
export function publishUpdated(deps: AppDeps, thread: ThreadRow, change: CommentChange, by: string): void {
  const screens = screensOf(commentsRepo.anchorsOfThread(deps.db, thread.id));
  deps.events.publish(thread.projectId, 'comment.updated', { threadId: thread.id, change, ...screens, by }, { ability: 'comment.read' });
}

/** Mentioned people must exist and be able to read the project's comments. */
function checkMentions(policy: Policy, deps: AppDeps, projectId: string, ids: string[] | undefined): string[] {
  const unique = [...new Set(ids ?? [])];
  const people = commentsRepo.people(deps.db, unique);
  for (const id of unique) {
    const person = people.get(id);
    if (!person) throw badRequest('Personne mentionnée inconnue.', { userId: id }, 'mention_invalid');
    const actor = { ...person, partnerId: null };
    if (!policy.can(actor, 'comment.read', { projectId })) {
      throw badRequest(`${person.name} n’a pas accès à ce projet : impossible de mentionner cette personne.`, { userId: id }, 'mention_invalid');
    }
  }
  return unique;
}

/** One thread as the viewer sees it. */
export async function getThreadView(deps: AppDeps, collaboration: Collaboration, policy: Policy, threadId: string, viewer: SessionUser): Promise<CommentThreadView> {
  const thread = threadOr404(deps, threadId);
  const bundles = commentsRepo.bundles(deps.db, [thread]);
  const resolved = await resolveTextAnchors(collaboration, bundles.flatMap((b) => b.anchors));
  return presentThreads(deps, viewerRights(policy, viewer, thread.projectId), bundles, resolved)[0];
}

/** Keeps the threads matching the filters that rows alone can decide (the section filter needs resolved anchors). */
function matchesRow(thread: ThreadRow, anchors: AnchorRow[], f: CommentFilters): boolean {
  if (f.type && thread.type !== f.type) return false;
  if (f.status && thread.status !== f.status) return false;
  if (f.authorId && thread.authorId !== f.authorId) return false;
  if (f.roundId && thread.roundId !== f.roundId) return false;
  if (f.communeId && thread.authorCommuneId !== f.communeId && !anchors.some((a) => a.communeIds.includes(f.communeId!))) return false;
  if (f.documentId && !anchors.some((a) => a.kind === 'text' && a.documentId === f.documentId)) return false;
  if (f.recordType && !anchors.some((a) => a.kind === 'diagnostic' && a.recordType === f.recordType)) return false;
  if (f.recordId && !anchors.some((a) => a.kind === 'diagnostic' && a.recordId === f.recordId)) return false;
  if (f.scenarioId && !anchors.some((a) => a.kind === 'scenario' && a.targetId === f.scenarioId)) return false;
  return true;
}

/**
 * Threads of a project, most recently active first, filtered (AND): commune (the author's, or the commune whose data
 * is commented), type, status, author, document, section, diagnostic record, scenario, round.
 */
export async function listThreads(deps: AppDeps, collaboration: Collaboration, policy: Policy, projectId: string, filters: CommentFilters, viewer: SessionUser): Promise<CommentThreadView[]> {
  const threads = commentsRepo.threadsOfProject(deps.db, projectId);
  const bundles = commentsRepo.bundles(deps.db, threads).filter((b) => matchesRow(b.thread, b.anchors, filters));
  const resolved = await resolveTextAnchors(collaboration, bundles.flatMap((b) => b.anchors));
  let views = presentThreads(deps, viewerRights(policy, viewer, projectId), bundles, resolved);
  if (filters.sectionId) views = views.filter((v) => v.anchors.some((a) => a.kind === 'text' && a.sectionId === filters.sectionId));
  return views;
}

/** Open threads per document, per section of each document, per diagnostic record and field, per scenario. */
export async function countOpen(deps: AppDeps, collaboration: Collaboration, projectId: string): Promise<CommentCountsDto> {
  const anchors = commentsRepo.openAnchors(deps.db, projectId);
  const counts: CommentCountsDto = { documents: {}, sections: {}, records: {}, fields: {}, scenarios: {} };
  // A thread with two anchors on one record counts once for it: count distinct threads per key.
  const seen = new Set<string>();
  const bump = (map: Record<string, number>, key: string, threadId: string, scope: string) => {
    const k = `${scope}|${key}|${threadId}`;
    if (seen.has(k)) return;
    seen.add(k);
    map[key] = (map[key] ?? 0) + 1;
  };
  const resolved = await resolveTextAnchors(collaboration, anchors);
  for (const a of anchors) {
    if (a.kind === 'text' && a.documentId) {
      bump(counts.documents, a.documentId, a.threadId, 'doc');
      const section = resolved.get(a.id)?.section?.id ?? null;
      if (section) bump((counts.sections[a.documentId] ??= {}), section, a.threadId, `sec:${a.documentId}`);
    } else if (a.kind === 'diagnostic' && a.recordId) {
      bump(counts.records, a.recordId, a.threadId, 'rec');
      if (a.field) bump((counts.fields[a.recordId] ??= {}), a.field, a.threadId, `fld:${a.recordId}`);
    } else if (a.kind === 'scenario' && a.targetId) {
      bump(counts.scenarios, a.targetId, a.threadId, 'sce');
    }
  }
  return counts;
}

/**
 * Opens a thread. Amendments (`proposition_amendement`) need `amendment.propose`, a text anchor first and a
 * replacement text that differs from the passage. Guards registered by other features (rounds) run before writing.
 */
export async function createThread(deps: AppDeps, collaboration: Collaboration, policy: Policy, projectId: string, input: CreateCommentInput, ctx: Ctx): Promise<string> {
  const isAmendment = input.type === 'proposition_amendement';
  if (isAmendment) {
    policy.authorize(ctx.user, 'amendment.propose', { projectId });
    if (input.anchors[0].kind !== 'text') throw badRequest('Un amendement porte d’abord sur un passage d’un document.', undefined, 'amendment_needs_text');
    if (input.replacementText === undefined) throw badRequest('Indiquez le texte proposé en remplacement.', undefined, 'replacement_required');
    if (/[\n\r]/.test(input.replacementText)) throw badRequest('Le texte proposé tient en un seul paragraphe (sans retour à la ligne).', undefined, 'replacement_invalid');
  } else if (input.replacementText !== undefined) {
    throw badRequest('Seule une proposition d’amendement porte un texte de remplacement.', undefined, 'replacement_not_allowed');
  }
  const mentions = checkMentions(policy, deps, projectId, input.mentions);
  runCommentGuards(deps, { action: 'create', user: ctx.user, projectId, roundId: input.roundId ?? null, type: input.type, anchors: input.anchors, threadId: null });
  const { rows, texts } = await prepareAnchors(deps, collaboration, projectId, input.anchors);
  const amended = isAmendment ? texts[0] : null;
  if (amended && amended.text.includes('\n')) throw badRequest('Un amendement porte sur un passage d’un seul paragraphe.', undefined, 'amendment_multi_block');
  if (amended && amended.text === input.replacementText) throw badRequest('Le texte proposé est identique au passage actuel.', undefined, 'replacement_unchanged');

  const now = deps.clock.now().toISOString();
  const threadId = newId('cth_');
  const author = { authorId: ctx.user.id, authorRole: ctx.user.role, authorCommuneId: ctx.user.communeId ?? null };
  deps.db.transaction((tx) => {
    commentsRepo.insertThread(tx, { id: threadId, projectId, type: input.type, status: 'open', roundId: input.roundId ?? null, ...author, createdAt: now, updatedAt: now });
    rows.forEach((row, position) => commentsRepo.insertAnchor(tx, { ...row, threadId, position }));
    commentsRepo.insertMessage(tx, { id: newId('cmt_'), threadId, ...author, body: input.body, mentions, createdAt: now });
    if (amended) {
      const amendmentId = newId('amd_');
      commentsRepo.insertAmendment(tx, { id: amendmentId, threadId, projectId, documentId: amended.documentId, originalText: amended.text, replacementText: input.replacementText!, status: 'proposee' });
      recordAudit(tx, { at: now, userId: ctx.user.id, action: 'amendment.proposed', targetType: 'amendment', targetId: amendmentId, projectId, after: { documentId: amended.documentId, originalText: amended.text, replacementText: input.replacementText }, requestId: ctx.requestId });
    }
  });
  const thread = threadOr404(deps, threadId);
  const anchors = commentsRepo.anchorsOfThread(deps.db, threadId);
  deps.events.publish(projectId, 'comment.created', { threadId, type: input.type, ...screensOf(anchors), by: ctx.user.id }, { ability: 'comment.read' });
  notifyNewThread(deps, policy, thread, anchors, input.body, mentions, ctx.user);
  return threadId;
}

/** Replies in a thread (guards see the thread's round). */
export function reply(deps: AppDeps, policy: Policy, threadId: string, input: ReplyInput, ctx: Ctx): void {
  const thread = threadOr404(deps, threadId);
  policy.authorize(ctx.user, 'comment.create', { projectId: thread.projectId });
  const mentions = checkMentions(policy, deps, thread.projectId, input.mentions);
  const anchors = commentsRepo.anchorsOfThread(deps.db, threadId);
  runCommentGuards(deps, { action: 'reply', user: ctx.user, projectId: thread.projectId, roundId: thread.roundId, type: thread.type as CreateCommentInput['type'], anchors: anchors.map(inputOf), threadId });
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    commentsRepo.insertMessage(tx, { id: newId('cmt_'), threadId, authorId: ctx.user.id, authorRole: ctx.user.role, authorCommuneId: ctx.user.communeId ?? null, body: input.body, mentions, createdAt: now });
    commentsRepo.updateThread(tx, threadId, { updatedAt: now });
  });
  publishUpdated(deps, thread, 'reply', ctx.user.id);
  notifyReply(deps, thread, input.body, mentions, ctx.user);
}

/** The stored anchor as the input shape guards receive. */
function inputOf(a: AnchorRow): AnchorInput {
  if (a.kind === 'text') return { kind: 'text', documentId: a.documentId!, anchor: a.textAnchor! };
  if (a.kind === 'diagnostic') return { kind: 'diagnostic', recordType: a.recordType as Extract<AnchorInput, { kind: 'diagnostic' }>['recordType'], recordId: a.recordId!, ...(a.field ? { field: a.field } : {}) };
  return { kind: 'scenario', scenarioId: a.targetId!, ...(a.field ? { field: a.field } : {}) };
}

/** The message of a thread written by the user, not deleted (else 404 / 403 / 409). */
function ownMessage(deps: AppDeps, policy: Policy, threadId: string, messageId: string, ctx: Ctx) {
  const thread = threadOr404(deps, threadId);
  policy.authorize(ctx.user, 'comment.create', { projectId: thread.projectId });
  const message = commentsRepo.messageById(deps.db, messageId);
  if (!message || message.threadId !== threadId) throw notFound('Message introuvable.', 'comment_not_found');
  if (message.authorId !== ctx.user.id) throw forbidden('Vous ne pouvez modifier ou supprimer que vos propres messages.', 'not_author');
  if (message.deletedAt) throw conflict('Ce message a été supprimé.', undefined, 'comment_deleted');
  return { thread, message };
}

/** Edits one's own message; the previous text is kept in its history. New mentions are notified. */
export function editMessage(deps: AppDeps, policy: Policy, threadId: string, messageId: string, input: EditMessageInput, ctx: Ctx): void {
  const { thread, message } = ownMessage(deps, policy, threadId, messageId, ctx);
  const mentions = checkMentions(policy, deps, thread.projectId, input.mentions ?? message.mentions);
  if (input.body === message.body && mentions.join() === message.mentions.join()) return;
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    commentsRepo.insertEdit(tx, { messageId, previousBody: message.body, editedAt: now, editedBy: ctx.user.id });
    commentsRepo.updateMessage(tx, messageId, { body: input.body, mentions, editedAt: now });
    commentsRepo.updateThread(tx, threadId, { updatedAt: now });
  });
  publishUpdated(deps, thread, 'edited', ctx.user.id);
  notifyMentions(deps, thread, input.body, mentions.filter((id) => !message.mentions.includes(id)), ctx.user);
}

/** Deletes one's own message softly: the row stays (who, when), its text is no longer shown; audited. */
export function deleteMessage(deps: AppDeps, policy: Policy, threadId: string, messageId: string, ctx: Ctx): void {
  const { thread } = ownMessage(deps, policy, threadId, messageId, ctx);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    commentsRepo.updateMessage(tx, messageId, { deletedAt: now });
    commentsRepo.updateThread(tx, threadId, { updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'comment.deleted', targetType: 'comment', targetId: messageId, projectId: thread.projectId, before: { threadId }, requestId: ctx.requestId });
  });
  publishUpdated(deps, thread, 'deleted', ctx.user.id);
}

/**
 * Resolves or reopens a thread: `comment.moderate` (co-writers), or the thread's author on their own thread even
 * without edit rights on the document. Setting the current status again changes nothing.
 */
export function setStatus(deps: AppDeps, policy: Policy, threadId: string, status: 'open' | 'resolved', ctx: Ctx): void {
  const thread = threadOr404(deps, threadId);
  policy.authorize(ctx.user, 'comment.read', { projectId: thread.projectId });
  const mayModerate = policy.can(ctx.user, 'comment.moderate', { projectId: thread.projectId });
  const isAuthor = thread.authorId === ctx.user.id && policy.can(ctx.user, 'comment.create', { projectId: thread.projectId });
  if (!mayModerate && !isAuthor) {
    throw forbidden(status === 'resolved' ? 'Seul·e l’auteur·rice du fil ou une personne qui co-écrit peut le résoudre.' : 'Seul·e l’auteur·rice du fil ou une personne qui co-écrit peut le rouvrir.');
  }
  if (thread.status === status) return;
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    commentsRepo.updateThread(tx, threadId, status === 'resolved' ? { status, resolvedAt: now, resolvedBy: ctx.user.id, updatedAt: now } : { status, resolvedAt: null, resolvedBy: null, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: status === 'resolved' ? 'comment.resolved' : 'comment.reopened', targetType: 'comment_thread', targetId: threadId, projectId: thread.projectId, before: { status: thread.status }, after: { status }, requestId: ctx.requestId });
  });
  publishUpdated(deps, thread, status === 'resolved' ? 'resolved' : 'reopened', ctx.user.id);
}
