/**
 * Local (IndexedDB) replicas of real-time documents, kept so that edits made offline survive a closed tab and merge
 * when the document is opened again online. One database per user and document: a shared computer never mixes two
 * people's drafts, and logout clears them all.
 */

/** Prefix of every IndexedDB database holding a document replica. */
export const LOCAL_DOC_PREFIX = 'mutualab-doc:';

/** Name of the IndexedDB database of `documentId` for `userId`. */
export function localDocName(userId: string, documentId: string): string {
  return `${LOCAL_DOC_PREFIX}${userId}:${documentId}`;
}

/** Deletes one database; resolves even when it is blocked or fails (a logout must never hang on it). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
      // Blocked: an editor still has it open; the deletion completes when that editor closes it.
      request.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}

/**
 * Removes every local document replica of this browser profile (all users). Called on logout: whatever was not
 * synchronised by then is dropped, by design — the next person on this computer must not find it.
 */
export async function clearLocalDocuments(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases.map((db) => db.name).filter((name): name is string => !!name?.startsWith(LOCAL_DOC_PREFIX)).map(deleteDatabase),
  );
}

/** Deletes the replica of one document for one user (after a reset from the server). */
export function clearLocalDocument(userId: string, documentId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return deleteDatabase(localDocName(userId, documentId));
}
