/**
 * Document kinds (contracts.md "Document kinds"), their French labels and the zod schemas of the documents API.
 * Shared so the client offers exactly the kinds the server accepts.
 */
import { z } from 'zod';

export const DOCUMENT_KINDS = [
  'scenario',
  'cadre_strategique',
  'plan_actions',
  'convention',
  'avenant',
  'compte_rendu',
  'synthese',
  'fiche_impact',
  'note',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Labels shown in the UI (document list, creation dialog, exports). */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  scenario: 'Scénario',
  cadre_strategique: 'Cadre stratégique',
  plan_actions: 'Plan d’actions',
  convention: 'Convention',
  avenant: 'Avenant',
  compte_rendu: 'Compte rendu',
  synthese: 'Synthèse',
  fiche_impact: 'Fiche d’impact',
  note: 'Note',
};

/** Title bounds, shared by the creation and rename forms and the API. */
export const DOCUMENT_TITLE_MIN = 3;
export const DOCUMENT_TITLE_MAX = 200;

export const documentTitleSchema = z
  .string()
  .trim()
  .min(DOCUMENT_TITLE_MIN, `Titre trop court (${DOCUMENT_TITLE_MIN} caractères au moins)`)
  .max(DOCUMENT_TITLE_MAX, `Titre trop long (${DOCUMENT_TITLE_MAX} caractères au plus)`);

export const documentKindSchema = z.enum(DOCUMENT_KINDS, { error: 'Type de document inconnu' });

/** `POST /api/projects/:projectId/documents`: the content comes from the server's template, never from the client. */
export const CreateDocumentSchema = z.object({ kind: documentKindSchema, title: documentTitleSchema }).strict();

/** `PATCH /api/documents/:documentId`. */
export const RenameDocumentSchema = z.object({ title: documentTitleSchema }).strict();

export type CreateDocumentInput = z.infer<typeof CreateDocumentSchema>;
export type RenameDocumentInput = z.infer<typeof RenameDocumentSchema>;

/** Who did something, as the API shows it. */
export type UserRefDto = { id: string; name: string };

/** One document as listed (`GET /api/projects/:projectId/documents`) and returned by the mutations. */
export type DocumentDto = {
  id: string;
  projectId: string;
  kind: DocumentKind;
  title: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  locked: boolean;
  lockedAt: string | null;
  lockedBy: UserRefDto | null;
  createdBy: UserRefDto;
};

/** `GET /api/documents/:documentId`: the document with what the viewer may do on it. */
export type DocumentDetailDto = DocumentDto & {
  myAbilities: ('document.read' | 'document.write' | 'document.manage' | 'document.lock')[];
};
