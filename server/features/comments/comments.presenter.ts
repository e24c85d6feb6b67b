/**
 * Threads as the API returns them (`CommentThreadView`): names, communes, resolved anchors, messages with their
 * history, the amendment with its tally, and what the viewer may do.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import type { Anchor } from '../../../shared/editor/index.js';
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import { tallyAmendment, type AmendmentStatus } from '../../../shared/rounds/amendments.js';
import type {
  AmendmentView,
  CommentAnchorView,
  CommentMessageView,
  CommentStatus,
  CommentThreadView,
  CommentType,
} from '../../../shared/comments/types.js';
import { diagnosticRepo } from '../diagnostic/diagnostic.repo.js';
import { commentsRepo, personOf, type AnchorRow, type ThreadBundle } from './comments.repo.js';
import { recordLabel, resolveDocumentAnchors, type ResolvedTextAnchor } from './comments.anchors.js';

/** What the viewer may do, computed once per request. */
export type ViewerRights = {
  viewer: SessionUser;
  canCreate: boolean;
  canModerate: boolean;
  canPropose: boolean;
  canDecide(documentId: string): boolean;
};

/** The viewer's rights on a project's comments (decisions per document are cached). */
export function viewerRights(policy: Policy, viewer: SessionUser, projectId: string): ViewerRights {
  const decide = new Map<string, boolean>();
  return {
    viewer,
    canCreate: policy.can(viewer, 'comment.create', { projectId }),
    canModerate: policy.can(viewer, 'comment.moderate', { projectId }),
    canPropose: policy.can(viewer, 'amendment.propose', { projectId }),
    canDecide(documentId) {
      let value = decide.get(documentId);
      if (value === undefined) decide.set(documentId, (value = policy.can(viewer, 'amendment.decide', { documentId })));
      return value;
    },
  };
}

/** Resolves every text anchor among `anchors`, one document read per document. Keyed by anchor row id. */
export async function resolveTextAnchors(collaboration: Collaboration, anchors: AnchorRow[]): Promise<Map<number, ResolvedTextAnchor>> {
  const byDocument = new Map<string, AnchorRow[]>();
  for (const a of anchors) {
    if (a.kind !== 'text' || !a.documentId || !a.textAnchor) continue;
    const list = byDocument.get(a.documentId) ?? [];
    list.push(a);
    byDocument.set(a.documentId, list);
  }
  const out = new Map<number, ResolvedTextAnchor>();
  for (const [documentId, rows] of byDocument) {
    const resolved = await resolveDocumentAnchors(collaboration, documentId, rows.map((r) => r.textAnchor as Anchor));
    rows.forEach((row, i) => out.set(row.id, resolved[i]));
  }
  return out;
}

/** Builds the views of the bundles (anchors already resolved by {@link resolveTextAnchors}). */
export function presentThreads(deps: AppDeps, rights: ViewerRights, bundles: ThreadBundle[], resolved: Map<number, ResolvedTextAnchor>): CommentThreadView[] {
  if (bundles.length === 0) return [];
  const personIds = bundles.flatMap((b) => [
    b.thread.authorId,
    b.thread.resolvedBy ?? '',
    ...b.messages.flatMap((m) => [m.authorId, ...m.mentions]),
    ...b.votes.map((v) => v.userId),
    b.amendment?.decidedBy ?? '',
  ]);
  const people = commentsRepo.people(deps.db, personIds);
  const anchorCommunes = bundles.flatMap((b) => b.anchors.flatMap((a) => a.communeIds));
  const communeNames = commentsRepo.communeNames(deps.db, [...bundles.flatMap((b) => [b.thread.authorCommuneId ?? '', ...b.messages.map((m) => m.authorCommuneId ?? '')]), ...anchorCommunes]);
  const titles = commentsRepo.documentTitles(deps.db, bundles.flatMap((b) => b.anchors.flatMap((a) => (a.documentId ? [a.documentId] : []))));
  const ref = (id: string | null) => (id ? { id, name: people.get(id)?.name ?? 'Compte supprimé' } : null);
  let missions: Map<string, string> | null = null;
  const missionLabel = (key: string) => {
    missions ??= new Map(diagnosticRepo.missions(deps.db, bundles[0].thread.projectId).map((m) => [m.key, m.label]));
    return missions.get(key);
  };
  const viewerId = rights.viewer.id;

  const anchorView = (a: AnchorRow): CommentAnchorView => {
    if (a.kind === 'text') {
      const quote = a.textAnchor?.quote ?? '';
      const r = resolved.get(a.id);
      const ok = r?.resolved.status === 'ok' ? r.resolved : null;
      return {
        kind: 'text',
        documentId: a.documentId!,
        documentTitle: titles.get(a.documentId!) ?? '',
        // A range found again by its quote (its block was recreated) comes with fresh relative positions: editors
        // highlight those.
        anchor: (ok?.anchor ?? a.textAnchor) as Anchor,
        quote,
        currentText: ok ? ok.text : null,
        orphaned: !ok,
        changed: ok ? ok.text !== quote : true,
        sectionId: r?.section?.id ?? (ok ? null : a.sectionId),
        sectionTitle: r?.section?.title ?? (ok ? null : a.sectionTitle),
      };
    }
    if (a.kind === 'diagnostic') {
      const section = a.recordType as SectionKey;
      const row = diagnosticRepo.byId(deps.db, section, a.recordId!);
      return {
        kind: 'diagnostic',
        recordType: section,
        recordId: a.recordId!,
        field: a.field,
        label: recordLabel(section, row, a.field, (id) => communeNames.get(id) ?? null, missionLabel),
        communeIds: a.communeIds,
        missing: !row,
      };
    }
    return { kind: 'scenario', scenarioId: a.targetId!, field: a.field, communeIds: a.communeIds };
  };

  return bundles.map(({ thread, anchors, messages, edits, amendment, votes }) => {
    const messageViews: CommentMessageView[] = messages.map((m) => {
      const own = m.authorId === viewerId;
      const deleted = m.deletedAt !== null;
      const history = deleted ? [] : (edits.get(m.id) ?? []);
      return {
        id: m.id,
        author: personOf(people, communeNames, m.authorId, m.authorRole, m.authorCommuneId),
        body: deleted ? '' : m.body,
        mentions: deleted ? [] : m.mentions.map((id) => ref(id)!),
        createdAt: m.createdAt,
        editedAt: m.editedAt,
        deletedAt: m.deletedAt,
        history: history.map((e) => ({ body: e.previousBody, editedAt: e.editedAt })),
        can: { edit: own && !deleted && rights.canCreate, delete: own && !deleted && rights.canCreate },
      };
    });
    let amendmentView: AmendmentView | null = null;
    if (amendment) {
      const status = amendment.status as AmendmentStatus;
      const stored = votes.map((v) => ({ userId: v.userId, communeId: v.communeId, stance: v.stance as 'soutien' | 'opposition', at: v.at }));
      const tally = tallyAmendment(
        { id: amendment.id, authorId: thread.authorId, authorCommuneId: thread.authorCommuneId, status, originalText: amendment.originalText, replacementText: amendment.replacementText },
        stored,
      );
      const others = stored.filter((v) => v.userId !== thread.authorId);
      const mine = thread.authorId === viewerId ? 'soutien' : (others.find((v) => v.userId === viewerId)?.stance ?? null);
      amendmentView = {
        id: amendment.id,
        documentId: amendment.documentId,
        status,
        originalText: amendment.originalText,
        replacementText: amendment.replacementText,
        tally,
        myStance: mine,
        supporters: [ref(thread.authorId)!, ...others.filter((v) => v.stance === 'soutien').map((v) => ref(v.userId)!)],
        opponents: others.filter((v) => v.stance === 'opposition').map((v) => ref(v.userId)!),
        decidedBy: ref(amendment.decidedBy),
        decidedAt: amendment.decidedAt,
        decidedOriginalText: amendment.decidedOriginalText,
        newText: amendment.newText,
        motivation: amendment.motivation,
        can: {
          vote: status === 'proposee' && rights.canPropose && thread.authorId !== viewerId,
          decide: status === 'proposee' && rights.canDecide(amendment.documentId),
        },
      };
    }
    return {
      id: thread.id,
      projectId: thread.projectId,
      type: thread.type as CommentType,
      status: thread.status as CommentStatus,
      roundId: thread.roundId,
      author: personOf(people, communeNames, thread.authorId, thread.authorRole, thread.authorCommuneId),
      createdAt: thread.createdAt,
      updatedAt: thread.updatedAt,
      resolvedAt: thread.resolvedAt,
      resolvedBy: ref(thread.resolvedBy),
      anchors: anchors.map(anchorView),
      messages: messageViews,
      amendment: amendmentView,
      can: { reply: rights.canCreate, resolve: rights.canModerate || (thread.authorId === viewerId && rights.canCreate) },
    };
  });
}
