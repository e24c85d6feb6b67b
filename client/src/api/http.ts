import { ApiError, errorFromResponse } from './errors';
import { messages } from '../i18n/messages';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The one fetch wrapper of the app. Same-origin cookie authentication only: the server sets an HttpOnly session
 * cookie at login and the browser never sees nor stores the token. Resolves with the parsed JSON body (undefined for
 * 204) and throws an {@link ApiError} with the server's French message otherwise.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    // Aborts are React Query cancelling a stale request: let them through untouched.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', messages.errors.network);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** GET helper used by query functions (React Query passes its AbortSignal). */
export const apiGet = <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, undefined, signal);
