import * as Y from 'yjs';
import type { Collaboration } from '../../collab/types.js';
import { DEFAULT_FRAGMENT, jsonToUpdate } from '../../../shared/editor/index.js';
import { templateContent } from '../../../shared/documents/templates.js';
import type { DocumentKind } from '../../../shared/documents/kinds.js';

/**
 * Writes a kind's template into a new document through the collaboration service (persisted in `doc_updates`
 * before any client sees it). Seeding happens only on the server and only into an empty fragment, so a retried
 * call can never duplicate the sections.
 */
export async function seedTemplate(collaboration: Collaboration, documentId: string, kind: DocumentKind): Promise<void> {
  const update = jsonToUpdate(templateContent(kind));
  await collaboration.edit(documentId, (doc) => {
    if (doc.getXmlFragment(DEFAULT_FRAGMENT).length > 0) return;
    Y.applyUpdate(doc, update);
  });
}
