/**
 * Anchors of comments: checks what a new comment points at (a document's text range, a diagnostic record or one of
 * its fields, a registered target such as a scenario) and resolves text anchors against the current documents on read.
 */
import * as Y from 'yjs';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { commentAnchors } from '../../db/schema/index.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { DEFAULT_FRAGMENT, createAnchor, listSections, resolveAnchors, type Anchor, type ResolvedAnchor, type Section } from '../../../shared/editor/index.js';
import { readFragment } from '../../../shared/editor/pm-view.js';
import { fieldOf } from '../../../shared/diagnostic/fields.js';
import { SECTION_LABELS, type SectionKey } from '../../../shared/diagnostic/sections.js';
import type { AnchorInput } from '../../../shared/comments/types.js';
import { documentsRepo } from '../documents/documents.repo.js';
import { diagnosticRepo } from '../diagnostic/diagnostic.repo.js';
import { SECTION_TABLES, communesOfRow, type Row } from '../diagnostic/diagnostic.tables.js';
import { commentTarget } from './comments.registry.js';

/** An anchor ready to insert (thread id and position are added by the caller). */
export type PreparedAnchor = Omit<typeof commentAnchors.$inferInsert, 'id' | 'threadId' | 'position'>;

/** A text anchor as checked: the server-made anchor of the passage and its current text. */
export type CheckedText = { documentId: string; anchor: Anchor; text: string };

/** The section holding a top-level block index (the innermost heading whose section contains it). */
function sectionOfBlock(sections: Section[], blockIndex: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) if (s.start <= blockIndex && blockIndex < s.end && (!best || s.level >= best.level)) best = s;
  return best;
}

/** The section of a ProseMirror position in the document. */
export function sectionAt(doc: Y.Doc, pos: number, sections = listSections(doc)): Section | null {
  const view = readFragment(doc.getXmlFragment(DEFAULT_FRAGMENT));
  const index = view.doc.resolve(Math.min(pos, view.doc.content.size)).index(0);
  return sectionOfBlock(sections, index);
}

/** Label of a diagnostic record (and field) as people read it: « Agents — Animatrice (Fayence) · Quotité ». */
export function recordLabel(
  section: SectionKey,
  row: Row | undefined,
  field: string | null,
  communeName: (id: string) => string | null,
  missionLabel: (key: string) => string | undefined = () => undefined,
): string {
  const def = field ? fieldOf(section, field) : undefined;
  const fieldLabel = field ? (def?.short ?? def?.label ?? (field.startsWith('needs.') ? 'Besoin exprimé' : field)) : null;
  let what = `${SECTION_TABLES[section].noun} supprimé·e`;
  if (row) {
    const mission = typeof row.missionKey === 'string' ? missionLabel(row.missionKey) : undefined;
    const name = [row.name, row.jobTitle, row.title, mission, row.year].find((v) => typeof v === 'string' || typeof v === 'number');
    const communes = communesOfRow(section, row).map(communeName).filter((n): n is string => !!n);
    what = [name !== undefined ? String(name) : SECTION_TABLES[section].noun, communes.length ? `(${communes.join(', ')})` : ''].filter(Boolean).join(' ');
  }
  return `${SECTION_LABELS[section]} — ${what}${fieldLabel ? ` · ${fieldLabel}` : ''}`;
}

async function checkText(deps: AppDeps, collaboration: Collaboration, projectId: string, input: Extract<AnchorInput, { kind: 'text' }>) {
  const document = documentsRepo.byId(deps.db, input.documentId);
  if (!document || document.projectId !== projectId) throw badRequest('Le document commenté n’appartient pas à ce projet.', undefined, 'anchor_invalid');
  if (document.archivedAt) throw conflict('Ce document est archivé : il ne peut plus être commenté.', undefined, 'document_archived');
  return collaboration.read(input.documentId, (doc) => {
    const [resolved] = resolveAnchors(doc, [input.anchor]);
    if (resolved.status !== 'ok') throw badRequest('Le passage sélectionné n’existe plus dans le document : sélectionnez-le à nouveau.', undefined, 'anchor_orphaned');
    // The server re-anchors the passage itself: the stored quote is the text as it is now, not what a client claims.
    const anchor = createAnchor(doc, resolved.from, resolved.to);
    const section = sectionAt(doc, resolved.from);
    return { anchor, text: resolved.text, section };
  });
}

function checkDiagnostic(deps: AppDeps, projectId: string, input: Extract<AnchorInput, { kind: 'diagnostic' }>): string[] {
  const row = diagnosticRepo.byId(deps.db, input.recordType, input.recordId);
  if (!row || row.projectId !== projectId) throw badRequest('La fiche du diagnostic commentée est introuvable dans ce projet.', undefined, 'anchor_invalid');
  if (input.field !== undefined) {
    const need = input.recordType === 'consultations' && input.field.startsWith('needs.') ? input.field.slice(6) : null;
    const ok = need !== null ? ((row.needs as { id: string }[] | null) ?? []).some((n) => n.id === need) : !!fieldOf(input.recordType, input.field);
    if (!ok) throw badRequest(`Champ inconnu pour cette fiche : ${input.field}.`, undefined, 'anchor_invalid');
  }
  return communesOfRow(input.recordType, row);
}

/**
 * Checks every anchor of a new comment and returns the rows to store, plus the checked text anchors (the first one
 * carries an amendment). Throws 400 `anchor_invalid` / `anchor_orphaned` / `anchor_kind_unavailable`, 409
 * `document_archived`.
 */
export async function prepareAnchors(deps: AppDeps, collaboration: Collaboration, projectId: string, inputs: AnchorInput[]): Promise<{ rows: PreparedAnchor[]; texts: CheckedText[] }> {
  const rows: PreparedAnchor[] = [];
  const texts: CheckedText[] = [];
  for (const input of inputs) {
    if (input.kind === 'text') {
      const { anchor, text, section } = await checkText(deps, collaboration, projectId, input);
      texts.push({ documentId: input.documentId, anchor, text });
      rows.push({ kind: 'text', documentId: input.documentId, textAnchor: anchor, sectionId: section?.id ?? null, sectionTitle: section?.title ?? null, communeIds: [] });
    } else if (input.kind === 'diagnostic') {
      const communeIds = checkDiagnostic(deps, projectId, input);
      rows.push({ kind: 'diagnostic', recordType: input.recordType, recordId: input.recordId, field: input.field ?? null, communeIds });
    } else {
      const target = commentTarget(input.kind);
      if (!target) throw badRequest('Les commentaires sur les scénarios ne sont pas encore disponibles.', undefined, 'anchor_kind_unavailable');
      const ref = { id: input.scenarioId, field: input.field ?? null };
      if (!target.exists(deps, projectId, ref)) throw badRequest('Le scénario commenté est introuvable dans ce projet.', undefined, 'anchor_invalid');
      rows.push({ kind: input.kind, targetId: input.scenarioId, field: input.field ?? null, communeIds: target.communeIds?.(deps, projectId, ref) ?? [] });
    }
  }
  return { rows, texts };
}

/** A text anchor resolved today: its range and text, or orphaned; plus its current section. */
export type ResolvedTextAnchor = { resolved: ResolvedAnchor; section: Section | null };

/**
 * Resolves the stored text anchors of one document in one read: current text, orphaned or not, and section.
 * Orphaned anchors keep their quote (the caller shows it).
 */
export async function resolveDocumentAnchors(collaboration: Collaboration, documentId: string, anchors: Anchor[]): Promise<ResolvedTextAnchor[]> {
  if (anchors.length === 0) return [];
  return collaboration.read(documentId, (doc) => {
    const sections = listSections(doc);
    const view = readFragment(doc.getXmlFragment(DEFAULT_FRAGMENT));
    return resolveAnchors(doc, anchors).map((resolved) => {
      if (resolved.status !== 'ok') return { resolved, section: null };
      const index = view.doc.resolve(Math.min(resolved.from, view.doc.content.size)).index(0);
      return { resolved, section: sectionOfBlock(sections, index) };
    });
  });
}
