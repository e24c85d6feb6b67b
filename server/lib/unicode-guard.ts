import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { badRequest } from './errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when any string inside the value holds a lone UTF-16 surrogate (not representable in UTF-8). */
export function hasMalformedText(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some((v) => hasMalformedText(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => LONE_SURROGATE.test(k) || hasMalformedText(v, depth + 1));
  }
  return false;
}

/**
 * Refuses JSON bodies carrying lone surrogates: SQLite stores UTF-8, so they would silently come back as U+FFFD —
 * a stored string must come back literally or be refused.
 */
export function unicodeGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.header('content-type')?.includes('application/json')) {
      let parsed: unknown;
      try {
        parsed = await c.req.json();
      } catch {
        return next(); // the validator answers malformed JSON
      }
      if (hasMalformedText(parsed)) throw badRequest('Texte invalide : caractères Unicode mal formés.', undefined, 'invalid_unicode');
    }
    return next();
  };
}
