/**
 * ─── VERSIONS SLOT ───────────────────────────────────────────────────────────────────────────────────────────
 * The side panel's place for the document's versions, built by the versions feature
 * (`./versions/VersionsPanel.tsx`, exported as `VersionsPanel({ documentId, canRestore })`). Kept as its own file
 * so that the versions work plugs in here without touching the editor page.
 */
import { VersionsPanel } from './versions/VersionsPanel';

/** Renders the versions panel of `documentId` in the editor's side panel. */
export function VersionsSlot({ documentId, canRestore }: { documentId: string; canRestore: boolean }) {
  return (
    <div className="doc-versions-slot">
      <VersionsPanel documentId={documentId} canRestore={canRestore} />
    </div>
  );
}
