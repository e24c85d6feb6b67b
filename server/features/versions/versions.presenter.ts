import type { JSONContent } from '@tiptap/core';
import type { VersionDetailDto, VersionDto, VersionKind } from '../../../shared/versions/types.js';
import type { ListedVersionRow } from './versions.repo.js';

/** The API shape of a version (never the raw row, never the Yjs state). */
export function presentVersion(row: ListedVersionRow): VersionDto {
  return { id: row.id, label: row.label, kind: row.kind as VersionKind, createdAt: row.createdAt, createdBy: { id: row.createdBy, name: row.createdByName } };
}

/** A version with its content, for the read-only view. */
export function presentVersionDetail(row: ListedVersionRow & { content: JSONContent }): VersionDetailDto {
  return { ...presentVersion(row), documentId: row.documentId, content: row.content };
}
