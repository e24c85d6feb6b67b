import { Link } from 'react-router';
import { messages } from '../i18n/messages';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { EmptyState } from '../ui/EmptyState';

/** Any unknown address inside the app. */
export function NotFoundPage() {
  useDocumentTitle(messages.errors.notFoundTitle);
  return (
    <>
      <h1>{messages.errors.notFoundTitle}</h1>
      <EmptyState title={messages.errors.notFoundText} action={<Link to="/">{messages.errors.notFoundLink}</Link>} />
    </>
  );
}
