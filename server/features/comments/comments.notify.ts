/**
 * Notifications sent by comments: mentions, replies in my threads, comments on my commune's data, amendment
 * decisions. A person gets one notification per action: a mention wins over "reply" and "my commune".
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { users } from '../../db/schema/index.js';
import { COMMUNE_ROLES, type Role } from '../../../shared/auth/roles.js';
import { COMMENT_TYPE_LABELS, type CommentType } from '../../../shared/comments/types.js';
import { notify } from '../notifications/notify.js';
import { commentsRepo, type AmendmentRow, type AnchorRow, type ThreadRow } from './comments.repo.js';

/** In-app path of a thread: the document it is on (editor opens the panel on it), else the diagnostic. */
export function threadLink(thread: ThreadRow, anchors: AnchorRow[]): string {
  const text = anchors.find((a) => a.kind === 'text' && a.documentId);
  if (text) return `/projets/${thread.projectId}/documents/${text.documentId}?commentaire=${thread.id}`;
  const data = anchors.find((a) => a.kind === 'diagnostic');
  if (data?.recordType === 'consultations') return `/projets/${thread.projectId}/diagnostic/consultations?commentaire=${thread.id}`;
  // The commune's page lists the record (with its « Commenter » button, which opens this thread).
  if (data?.communeIds[0]) return `/projets/${thread.projectId}/diagnostic/communes/${data.communeIds[0]}?commentaire=${thread.id}`;
  if (data) return `/projets/${thread.projectId}/diagnostic?commentaire=${thread.id}`;
  return `/projets/${thread.projectId}?commentaire=${thread.id}`;
}

/** A short extract of a message for the notification body. */
function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

function typeLabel(thread: ThreadRow): string {
  return COMMENT_TYPE_LABELS[thread.type as CommentType] ?? 'Commentaire';
}

/** Active élus and technicians of these communes who may read the project's comments. */
function communeReaders(deps: AppDeps, policy: Policy, projectId: string, communeIds: string[]): string[] {
  if (communeIds.length === 0) return [];
  const rows = deps.db
    .select({ id: users.id, role: users.role, communeId: users.communeId })
    .from(users)
    .where(and(inArray(users.communeId, communeIds), isNull(users.disabledAt)))
    .all();
  return rows
    .filter((u) => COMMUNE_ROLES.includes(u.role as Role))
    .filter((u) => policy.can({ id: u.id, role: u.role as Role, communeId: u.communeId }, 'comment.read', { projectId }))
    .map((u) => u.id);
}

/** Mentions of a message (the author excluded by `notify`). */
export function notifyMentions(deps: AppDeps, thread: ThreadRow, body: string, mentions: string[], author: SessionUser): void {
  if (mentions.length === 0) return;
  const anchors = commentsRepo.anchorsOfThread(deps.db, thread.id);
  notify(deps, {
    userIds: mentions,
    exceptUserId: author.id,
    projectId: thread.projectId,
    kind: 'mention',
    title: `${author.name} vous a mentionné·e (${typeLabel(thread).toLowerCase()})`,
    body: excerpt(body),
    link: threadLink(thread, anchors),
  });
}

/** A new thread: its mentions, then the people of the communes whose data it comments. */
export function notifyNewThread(deps: AppDeps, policy: Policy, thread: ThreadRow, anchors: AnchorRow[], body: string, mentions: string[], author: SessionUser): void {
  notifyMentions(deps, thread, body, mentions, author);
  const communeIds = [...new Set(anchors.filter((a) => a.kind !== 'text').flatMap((a) => a.communeIds))];
  const readers = communeReaders(deps, policy, thread.projectId, communeIds).filter((id) => !mentions.includes(id));
  if (readers.length === 0) return;
  notify(deps, {
    userIds: readers,
    exceptUserId: author.id,
    projectId: thread.projectId,
    kind: 'comment_on_my_commune',
    title: `${typeLabel(thread)} de ${author.name} sur les données de votre commune`,
    body: excerpt(body),
    link: threadLink(thread, anchors),
  });
}

/** A reply: its mentions, then everyone who wrote in the thread before (its author first). */
export function notifyReply(deps: AppDeps, thread: ThreadRow, body: string, mentions: string[], author: SessionUser): void {
  notifyMentions(deps, thread, body, mentions, author);
  const [bundle] = commentsRepo.bundles(deps.db, [thread]);
  const participants = [thread.authorId, ...bundle.messages.filter((m) => !m.deletedAt).map((m) => m.authorId)].filter((id) => !mentions.includes(id));
  notify(deps, {
    userIds: participants,
    exceptUserId: author.id,
    projectId: thread.projectId,
    kind: 'reply',
    title: `${author.name} a répondu dans un fil où vous êtes intervenu·e`,
    body: excerpt(body),
    link: threadLink(thread, bundle.anchors),
  });
}

/** An amendment was accepted or rejected: its author and its supporters learn it. */
export function notifyDecision(deps: AppDeps, thread: ThreadRow, amendment: AmendmentRow, decider: SessionUser): void {
  const supporters = commentsRepo.votesOf(deps.db, amendment.id).filter((v) => v.stance === 'soutien').map((v) => v.userId);
  const accepted = amendment.status === 'acceptee';
  notify(deps, {
    userIds: [thread.authorId, ...supporters],
    exceptUserId: decider.id,
    projectId: thread.projectId,
    kind: accepted ? 'amendment_accepted' : 'amendment_rejected',
    title: accepted ? `Amendement accepté par ${decider.name}` : `Amendement rejeté par ${decider.name}`,
    body: accepted ? excerpt(`« ${amendment.replacementText} »`) : excerpt(`Motif : ${amendment.motivation ?? ''}`),
    link: threadLink(thread, commentsRepo.anchorsOfThread(deps.db, thread.id)),
  });
}
