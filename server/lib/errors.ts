/**
 * The one errors module: each factory carries an HTTP status and a stable snake_case code;
 * `app.onError` turns them into `{ error: { code, message, details? } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown, code = 'validation_error') =>
  new AppError(400, code, message, details);
export const unauthenticated = (message = 'Vous devez être connecté·e.') => new AppError(401, 'unauthenticated', message);
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
export const forbidden = (message = "Vous n'avez pas le droit de faire cette action.", code = 'forbidden') =>
  new AppError(403, code, message);
export const notFound = (message = 'Ressource introuvable.', code = 'not_found') => new AppError(404, code, message);
export const conflict = (message: string, details?: unknown, code = 'conflict') => new AppError(409, code, message, details);
export const tooLarge = (message = 'Requête trop volumineuse.') => new AppError(413, 'payload_too_large', message);
export const throttled = (retryAfterSeconds: number) =>
  new AppError(429, 'too_many_attempts', `Trop de tentatives. Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
    retryAfterSeconds,
  }, { 'Retry-After': String(retryAfterSeconds) });
export const unavailable = (message: string) => new AppError(503, 'unavailable', message);

/** Body of every error response. */
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };
