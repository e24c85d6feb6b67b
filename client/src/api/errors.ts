import type { ApiErrorBody } from '../../../shared/api/types.js';
import { messages } from '../i18n/messages';

/**
 * Error thrown by every API call that did not succeed. `message` is the server's French message,
 * ready to show to the user; `code` is the stable snake_case code to branch on.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True for the "not signed in" answer, which sends the user back to the login page. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Builds an ApiError from a failed response, tolerating bodies that are not the documented shape (proxies, crashes). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (e.g. an HTML error page from a proxy): fall back to a generic message below.
  }
  const error = body?.error;
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details);
  }
  const fallback = response.status >= 500 ? messages.errors.server : messages.errors.unexpected;
  return new ApiError(response.status, 'http_' + response.status, fallback);
}

/** The message to show for any error caught in the UI (API or not). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return messages.errors.unexpected;
}
