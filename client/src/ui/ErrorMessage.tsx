import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/errors';
import { messages } from '../i18n/messages';
import { Button } from './Button';

/**
 * Shows an error with the server's French message, announced immediately (role="alert").
 * `onRetry` adds a « Réessayer » button for failed loads — unless the server answered a definitive 4xx
 * (not found, forbidden…), which asking again will not change.
 */
export function ErrorMessage({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{errorMessage(error)}</p>
      {onRetry && isRetryable(error) ? (
        <Button variant="secondary" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      ) : null}
    </div>
  );
}

/** A success confirmation, announced politely (role="status") after a form was saved. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

/** Network failures and 5xx may succeed on a second try; 4xx answers will not. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}
