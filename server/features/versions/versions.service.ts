import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { newId } from '../../lib/ids.js';
import { conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { DEFAULT_FRAGMENT, applyJSONMinimal, fragmentToJSON, parseEditorJSON } from '../../../shared/editor/index.js';
import { diffDocuments, type DiffNode } from '../../../shared/versions/diff.js';
import { phaseVersionLabel, type RestoreResultDto, type VersionDiffDto, type VersionKind } from '../../../shared/versions/types.js';
import type { PhaseChange } from '../projects/projects.service.js';
import { getDocumentOr404 } from '../documents/documents.service.js';
import { versionsRepo } from './versions.repo.js';
import { presentVersion } from './versions.presenter.js';

type Ctx = { user: SessionUser; requestId?: string };

/** Transaction origin of restores, so the room (and later an undo manager) can tell them apart. */
export const RESTORE_ORIGIN = 'version-restore';

type Captured = { yjsState: Buffer; content: JSONContent };

/** The document's full Yjs state and its ProseMirror JSON, read from the same replica at the same instant. */
function capture(doc: Y.Doc): Captured {
  return { yjsState: Buffer.from(Y.encodeStateAsUpdate(doc)), content: fragmentToJSON(doc.getXmlFragment(DEFAULT_FRAGMENT)) };
}

function insertVersion(deps: AppDeps, documentId: string, kind: VersionKind, label: string, userId: string, captured: Captured): string {
  const id = newId('ver_');
  versionsRepo.insert(deps.db, { id, documentId, kind, label, createdBy: userId, createdAt: deps.clock.now().toISOString(), ...captured });
  return id;
}

function versionOr404(deps: AppDeps, documentId: string, versionId: string) {
  const row = versionsRepo.byId(deps.db, documentId, versionId);
  if (!row) throw notFound('Version introuvable.', 'version_not_found');
  return row;
}

function publishCreated(deps: AppDeps, projectId: string, documentId: string, versionId: string, kind: VersionKind, label: string, by: string) {
  deps.events.publish(projectId, 'document.version_created', { documentId, versionId, kind, label, by }, { ability: 'document.read' });
}

/** A document's versions, newest first (the route checked `document.read`). */
export function listVersions(deps: AppDeps, documentId: string) {
  getDocumentOr404(deps, documentId);
  return versionsRepo.list(deps.db, documentId);
}

/** One version with its content. */
export function getVersion(deps: AppDeps, documentId: string, versionId: string) {
  return versionOr404(deps, documentId, versionId);
}

/** Saves a named version of the current text (`409 document_archived` on a frozen document). */
export async function createVersion(deps: AppDeps, collaboration: Collaboration, documentId: string, label: string, ctx: Ctx) {
  const document = getDocumentOr404(deps, documentId).d;
  if (document.archivedAt) throw conflict('Ce document est archivé : restaurez-le avant d’en créer une version.', undefined, 'document_archived');
  const captured = await collaboration.read(documentId, capture);
  const id = insertVersion(deps, documentId, 'manual', label, ctx.user.id, captured);
  recordAudit(deps.db, { at: deps.clock.now().toISOString(), userId: ctx.user.id, action: 'document.version_created', targetType: 'document', targetId: documentId, projectId: document.projectId, after: { versionId: id, label }, requestId: ctx.requestId });
  publishCreated(deps, document.projectId, documentId, id, 'manual', label, ctx.user.id);
  return versionOr404(deps, documentId, id);
}

/** The readable diff from a version to the current text. */
export async function diffVersion(deps: AppDeps, collaboration: Collaboration, documentId: string, versionId: string): Promise<VersionDiffDto> {
  const version = versionOr404(deps, documentId, versionId);
  const current = await collaboration.read(documentId, (doc) => fragmentToJSON(doc.getXmlFragment(DEFAULT_FRAGMENT)));
  return { versionId, ...diffDocuments(version.content as DiffNode, current as DiffNode) };
}

/**
 * Restores a version as a NEW change: the text becomes the version's content through the minimal edit of the
 * document toolkit (unchanged paragraphs keep their Yjs identity, hence comment anchors and carets), committed
 * before it is broadcast. History is never rewritten: the current text is first saved as a `restore_backup`
 * version, inside the same room turn so no edit can slip between the backup and the restore.
 * Archived documents, and locked ones for anyone but the facilitator, answer 409.
 */
export async function restoreVersion(deps: AppDeps, collaboration: Collaboration, policy: Policy, documentId: string, versionId: string, ctx: Ctx): Promise<RestoreResultDto> {
  const document = getDocumentOr404(deps, documentId).d;
  if (document.archivedAt) throw conflict('Ce document est archivé : restaurez-le avant d’en restaurer une version.', undefined, 'document_archived');
  if (document.lockedAt && !policy.can(ctx.user, 'document.write', { documentId })) {
    throw conflict('Ce document est verrouillé : seul·e l’animateur·rice peut restaurer une version.', undefined, 'document_locked');
  }
  const version = versionOr404(deps, documentId, versionId);
  try {
    parseEditorJSON(version.content); // checked before anything is written (a schema change could make it unreadable)
  } catch {
    throw conflict('Cette version ne peut plus être restaurée : son contenu n’est pas lisible par l’éditeur actuel.', undefined, 'version_unreadable');
  }
  const backupLabel = `Avant la restauration de « ${version.label} »`.slice(0, 200);
  let backupId = '';
  let changes: RestoreResultDto['changes'] = { unchanged: 0, updated: 0, inserted: 0, deleted: 0 };
  await collaboration.edit(documentId, (doc) => {
    backupId = insertVersion(deps, documentId, 'restore_backup', backupLabel, ctx.user.id, capture(doc));
    changes = applyJSONMinimal(doc, version.content, RESTORE_ORIGIN);
  });
  const now = deps.clock.now().toISOString();
  recordAudit(deps.db, { at: now, userId: ctx.user.id, action: 'document.version_restored', targetType: 'document', targetId: documentId, projectId: document.projectId, before: { backupVersionId: backupId }, after: { versionId, label: version.label, changes }, requestId: ctx.requestId });
  publishCreated(deps, document.projectId, documentId, backupId, 'restore_backup', backupLabel, ctx.user.id);
  deps.events.publish(document.projectId, 'document.restored', { documentId, versionId, label: version.label, backupVersionId: backupId, by: ctx.user.id }, { ability: 'document.read' });
  return { restoredVersion: presentVersion(version), backupVersion: presentVersion(versionOr404(deps, documentId, backupId)), changes };
}

/**
 * The automatic versions of a phase change: one `phase` version of every non-archived document of the project,
 * attributed to whoever changed the phase. One failing document is logged and does not stop the others.
 */
export async function snapshotProjectAtPhase(deps: AppDeps, collaboration: Collaboration, change: PhaseChange): Promise<string[]> {
  const label = phaseVersionLabel(change.to);
  const created: string[] = [];
  for (const documentId of versionsRepo.activeDocumentIds(deps.db, change.projectId)) {
    try {
      const captured = await collaboration.read(documentId, capture);
      const id = insertVersion(deps, documentId, 'phase', label, change.ctx.user.id, captured);
      publishCreated(deps, change.projectId, documentId, id, 'phase', label, change.ctx.user.id);
      created.push(id);
    } catch (err) {
      deps.logger.error('phase version failed', { projectId: change.projectId, documentId, error: String(err) });
    }
  }
  return created;
}
