import { eq } from 'drizzle-orm';
import type { DbLike } from '../../db/client.js';
import { documents, projects } from '../../db/schema/index.js';

/**
 * Reads of the exports feature: the facts printed around the text. Kept here rather than borrowed from the
 * documents repo, because an export needs the project's title and nothing about creators or locks.
 */
export const exportsRepo = {
  /** The document's title and kind with its project's title, or undefined when the document does not exist. */
  documentWithProject: (db: DbLike, documentId: string) =>
    db
      .select({ title: documents.title, kind: documents.kind, projectTitle: projects.title })
      .from(documents)
      .innerJoin(projects, eq(projects.id, documents.projectId))
      .where(eq(documents.id, documentId))
      .get(),
};
