import type { SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import type { DocumentDetailDto, DocumentDto, DocumentKind } from '../../../shared/documents/kinds.js';
import type { NamedDocumentRow } from './documents.repo.js';

/** The API shape of a document row (never the raw row: column names and nullable facts stay server-side). */
export function presentDocument({ d, createdByName, lockedByName }: NamedDocumentRow): DocumentDto {
  return {
    id: d.id,
    projectId: d.projectId,
    kind: d.kind as DocumentKind,
    title: d.title,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    archived: d.archivedAt !== null,
    locked: d.lockedAt !== null,
    lockedAt: d.lockedAt,
    lockedBy: d.lockedAt !== null && d.lockedBy ? { id: d.lockedBy, name: lockedByName ?? '—' } : null,
    createdBy: { id: d.createdBy, name: createdByName },
  };
}

const DOCUMENT_ACTIONS = ['document.read', 'document.write', 'document.manage', 'document.lock'] as const;

/** The document with what the viewer may do on it (the client hides controls; the server still decides). */
export function presentDocumentDetail(policy: Policy, row: NamedDocumentRow, viewer: SessionUser): DocumentDetailDto {
  return {
    ...presentDocument(row),
    myAbilities: DOCUMENT_ACTIONS.filter((a) => policy.can(viewer, a, { documentId: row.d.id })),
  };
}
