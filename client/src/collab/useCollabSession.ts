import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, type SessionSnapshot } from './session';
import { clearLocalDocument } from './local';

const IDLE: SessionSnapshot = { status: 'connecting', readOnly: null, closed: null, loaded: false, diverged: null };
const noop = () => () => {};

/** What the editor page gets. */
export type CollabSessionState = {
  /** Null until the effect created it (first render, and between a reset and the new session). */
  session: CollabSession | null;
  snapshot: SessionSnapshot;
  /** Text of the local version that the server refused, kept after the reset for the user to copy. */
  lostText: string | null;
  dismissLostText(): void;
};

/**
 * Opens a document's collaboration session for the signed-in user. The session is created in an effect and
 * destroyed in its cleanup: StrictMode's mount → unmount → mount closes the first socket before opening the second.
 * When the replica diverged (edits refused by the server), the session, its Y.Doc and its IndexedDB data are thrown
 * away, a fresh one syncs from the server, and the refused text stays available in `lostText`.
 */
export function useCollabSession(documentId: string, userId: string): CollabSessionState {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const [lostText, setLostText] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let current: CollabSession | null = null;
    const open = () => {
      if (cancelled) return;
      current = new CollabSession({ documentId, userId });
      setSession(current);
    };
    // After a reset, wait for the old replica to be deleted before opening a new one.
    if (generation === 0) open();
    else void clearLocalDocument(userId, documentId).then(open);
    return () => {
      cancelled = true;
      current?.destroy();
      setSession(null);
    };
  }, [documentId, userId, generation]);

  const snapshot = useSyncExternalStore(session?.subscribe ?? noop, session?.getSnapshot ?? (() => IDLE));

  useEffect(() => {
    if (snapshot.diverged === null || !session) return;
    setLostText(snapshot.diverged);
    // Destroy now (the effect cleanup would too) so that nothing more is written to the doomed replica.
    session.destroy();
    setGeneration((g) => g + 1);
  }, [snapshot.diverged, session]);

  const dismissLostText = useCallback(() => setLostText(null), []);
  return { session, snapshot, lostText, dismissLostText };
}
