/**
 * The convention as a file for a council's agenda (DOCX or PDF, through the export renderers): its text with the
 * annex tables it contains, followed by the fiche d'impact as the last annex when the instrument requires one.
 * Before signature the live text is exported; once signed, the frozen signed version.
 */
import type { JSONContent } from '@tiptap/core';
import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { conflict } from '../../lib/errors.js';
import { DEFAULT_FRAGMENT, fragmentToJSON } from '../../../shared/editor/index.js';
import { ANNEX_KEYS, annexHeading } from '../../../shared/convention/annexes.js';
import { heading } from '../../../shared/convention/blocks.js';
import { contentDisposition, FORMAT_INFO, renderExport } from '../exports/render/index.js';
import { getProjectOr404 } from '../projects/projects.service.js';
import { versionsRepo } from '../versions/versions.repo.js';
import { conventionRepo } from './convention.repo.js';

/** Headings one level down (an annexed document's sections sit under its « Annexe » heading). */
function demote(blocks: readonly JSONContent[]): JSONContent[] {
  return blocks.map((b) => (b.type === 'heading' ? { ...b, attrs: { ...b.attrs, level: Math.min(6, Number(b.attrs?.level ?? 2) + 1) } } : b));
}

const read = (collaboration: Collaboration, documentId: string) => collaboration.read(documentId, (doc) => fragmentToJSON(doc.getXmlFragment(DEFAULT_FRAGMENT)));

/** Renders the convention of a project with its annexes (409 before it is generated). */
export async function exportConvention(deps: AppDeps, collaboration: Collaboration, projectId: string, format: 'docx' | 'pdf') {
  const project = getProjectOr404(deps, projectId);
  const row = conventionRepo.byProject(deps.db, projectId);
  if (!row?.documentId) throw conflict('La convention n’a pas encore été générée.', undefined, 'convention_missing');
  const signed = row.status === 'signee' && row.signedVersionId ? versionsRepo.byId(deps.db, row.documentId, row.signedVersionId) : null;
  const main = signed ? (signed.content as JSONContent) : await read(collaboration, row.documentId);
  const blocks = [...(main.content ?? [])];
  if (row.ficheImpactDocumentId) {
    const fiche = await read(collaboration, row.ficheImpactDocumentId);
    blocks.push(heading(annexHeading(ANNEX_KEYS.length + 1, 'Fiche d’impact')), ...demote(fiche.content ?? []));
  }
  const title = conventionRepo.docTitle(deps.db, row.documentId)?.title ?? 'Convention';
  const body = await renderExport(format, {
    content: { type: 'doc', content: blocks },
    meta: { title: signed ? `${title} (version signée)` : title, projectTitle: project.title, kindLabel: 'Convention et annexes', generatedAt: deps.clock.now() },
  });
  const info = FORMAT_INFO[format];
  return { body, contentType: info.contentType, contentDisposition: contentDisposition(title, info.extension) };
}
