import { Link } from 'react-router';
import { messages } from '../i18n/messages';
import { ErrorMessage } from './ErrorMessage';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * A whole page that could not load (unknown id, no access, server down): still one h1 and a title, then the
 * server's French message and a retry button.
 */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  useDocumentTitle(messages.errors.title);
  return (
    <>
      <h1>{messages.errors.title}</h1>
      <ErrorMessage error={error} onRetry={onRetry} />
      <p>
        <Link to="/">{messages.errors.notFoundLink}</Link>
      </p>
    </>
  );
}
