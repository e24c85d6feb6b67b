import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../../context.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';
import { forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Assigns a request id (echoed in `X-Request-Id`, logged with 5xx, stored in audit events). */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = newId('req_');
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}

/** Reads the Bearer token or the session cookie and sets `user` (null when anonymous). */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = bearer ? resolveSession(deps, bearer) : resolveSession(deps, cookie);
    c.set('user', session?.user ?? null);
    c.set('sessionTokenHash', session?.tokenHash ?? null);
    c.set('authVia', session ? (bearer ? 'bearer' : 'cookie') : null);
    await next();
  };
}

/** The origin the browser app is served from: PUBLIC_ORIGIN behind a proxy, else the request's own. */
export function expectedOrigin(deps: AppDeps, requestUrl: string, host: string | undefined): string {
  if (deps.env.PUBLIC_ORIGIN) return new URL(deps.env.PUBLIC_ORIGIN).origin;
  const url = new URL(requestUrl);
  return `${url.protocol}//${host ?? url.host}`;
}

/** True when the request provably comes from our own pages (Origin, or Sec-Fetch-Site as a fallback). */
export function isSameOrigin(deps: AppDeps, headers: { origin?: string; secFetchSite?: string; host?: string }, url: string): boolean {
  if (headers.origin) return headers.origin === expectedOrigin(deps, url, headers.host);
  return headers.secFetchSite === 'same-origin';
}

/**
 * CSRF (contracts.md): cookie-authenticated mutations need a same-origin `Origin` (or `Sec-Fetch-Site: same-origin`);
 * Bearer requests are exempt. Anonymous mutations (login) carrying a foreign Origin are refused too (login CSRF).
 */
export function csrf(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.get('authVia') === 'bearer') return next();
    const origin = c.req.header('origin');
    const secFetchSite = c.req.header('sec-fetch-site');
    const cookieAuth = c.get('authVia') === 'cookie' || getCookie(c, SESSION_COOKIE) !== undefined;
    const sameOrigin = isSameOrigin(deps, { origin, secFetchSite, host: c.req.header('host') }, c.req.url);
    if (cookieAuth && !sameOrigin) {
      throw forbidden('Requête refusée : origine inconnue (protection CSRF).', 'csrf_rejected');
    }
    if (!cookieAuth && origin && !sameOrigin) {
      throw forbidden('Requête refusée : origine inconnue (protection CSRF).', 'csrf_rejected');
    }
    return next();
  };
}
