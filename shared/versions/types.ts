/** Versions of a document: kinds, limits, the creation schema and the API shapes. */
import { z } from 'zod';
import type { JSONContent } from '@tiptap/core';
import type { UserRefDto } from '../documents/kinds.js';
import { PHASE_LABELS, type Phase } from '../projects/phases.js';
import type { DocumentDiff } from './diff.js';

/** `manual`: named by someone; `phase`: automatic at each phase change; `restore_backup`: automatic before a restore. */
export const VERSION_KINDS = ['manual', 'phase', 'restore_backup'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VERSION_LABEL_MAX = 120;

/** `POST /api/documents/:documentId/versions`. */
export const CreateVersionSchema = z
  .object({
    label: z
      .string()
      .trim()
      .min(1, 'Donnez un nom à la version')
      .max(VERSION_LABEL_MAX, `Nom trop long (${VERSION_LABEL_MAX} caractères au plus)`),
  })
  .strict();
export type CreateVersionInput = z.infer<typeof CreateVersionSchema>;

/** Label of the automatic version taken when the project enters `phase`. */
export function phaseVersionLabel(phase: Phase): string {
  return `Passage en phase ${PHASE_LABELS[phase]}`;
}

/** One version as listed (`GET /api/documents/:documentId/versions`, newest first). */
export type VersionDto = { id: string; label: string; kind: VersionKind; createdAt: string; createdBy: UserRefDto };

/** `GET …/versions/:versionId`: the version with its content (ProseMirror JSON), for a read-only view. */
export type VersionDetailDto = VersionDto & { documentId: string; content: JSONContent };

/** `GET …/versions/:versionId/diff`: from the version (before) to the current text (after). */
export type VersionDiffDto = DocumentDiff & { versionId: string };

/** `POST …/versions/:versionId/restore`. */
export type RestoreResultDto = {
  restoredVersion: VersionDto;
  /** The automatic version of the text as it was just before the restore. */
  backupVersion: VersionDto;
  changes: { unchanged: number; updated: number; inserted: number; deleted: number };
};
