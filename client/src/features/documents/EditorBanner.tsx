import { dm } from './messages';

/**
 * Why the text cannot be edited: read-only (role, participation), locked (workshop), archived, or a terminal close
 * of the connection (with the shared French explanation of its close code). Nothing when the text is writable.
 */
export function EditorBanner({ reason, closed }: { reason: string | null; closed: { code: number; message: string } | null }) {
  if (closed) {
    return (
      <div className="alert alert-error doc-banner" role="alert" data-testid="doc-banner" data-reason="closed">
        <p className="alert-title">{dm.closedTitle}</p>
        <p>{closed.message}</p>
        <p>
          <a href={location.pathname}>{dm.reload}</a>
        </p>
      </div>
    );
  }
  if (reason === null) return null;
  const text = reason === 'locked' ? dm.lockedBanner : reason === 'archived' ? dm.archivedBanner : dm.readOnlyBanner;
  return (
    <div className={`doc-banner doc-banner-${reason === 'locked' ? 'locked' : 'readonly'}`} role="status" data-testid="doc-banner" data-reason={reason}>
      {text}
    </div>
  );
}
