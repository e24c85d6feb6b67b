/**
 * Who may open `/ws/:documentId`, decided before the WebSocket handshake completes (synchronously: the session
 * and the policy read SQLite). The socket is still upgraded when refused, then closed with the close code, because
 * browsers cannot read the HTTP status of a failed upgrade.
 *
 * Authentication: `?token=` or `Authorization: Bearer` (API clients, tests), else the session cookie (browsers) whose
 * `Origin` must be ours (cross-site WebSocket hijacking: cookies ride along with any page's `new WebSocket`).
 */
import type { IncomingMessage } from 'node:http';
import type { AppDeps, SessionUser } from '../context.js';
import type { Policy } from '../policies/index.js';
import { resolveSession, SESSION_COOKIE } from '../features/auth/sessions.js';
import { isSameOrigin } from '../features/auth/middleware.js';
import type { CloseCode, PermissionDeniedReason } from '../../shared/collab/close-codes.js';

export const COLLAB_PATH_PREFIX = '/ws/';
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export type Permission = { writable: boolean; reason: PermissionDeniedReason | null };

export type Admission =
  | { ok: true; documentId: string; user: SessionUser; token: string; permission: Permission }
  | { ok: false; code: CloseCode; documentId: string | null };

/** True for upgrade requests the collaboration server answers (`/ws/...`). */
export function isCollabRequest(url: string | undefined): boolean {
  return !!url && url.startsWith(COLLAB_PATH_PREFIX);
}

/** Decides whether the upgrade request may join its document, and whether it may write. */
export function admit(deps: AppDeps, policy: Policy, req: IncomingMessage): Admission {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const rawId = decodeSafely(url.pathname.slice(COLLAB_PATH_PREFIX.length));
  const documentId = rawId !== null && DOCUMENT_ID.test(rawId) ? rawId : null;

  const queryToken = url.searchParams.get('token');
  const bearer = req.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  const token = queryToken ?? bearer ?? cookie;
  if (!token) return { ok: false, code: 4401, documentId };
  if (!queryToken && !bearer) {
    // Cookie-authenticated: checked before the session so a foreign page learns nothing about it.
    const origin = header(req, 'origin');
    const secFetchSite = header(req, 'sec-fetch-site');
    if (!isSameOrigin(deps, { origin, secFetchSite, host: req.headers.host }, url.href)) return { ok: false, code: 4403, documentId };
  }
  const session = resolveSession(deps, token);
  if (!session) return { ok: false, code: 4401, documentId };
  if (!documentId || !policy.documentContext(documentId)) return { ok: false, code: 4404, documentId };
  if (!policy.can(session.user, 'document.read', { documentId })) return { ok: false, code: 4403, documentId };
  return { ok: true, documentId, user: session.user, token, permission: writePermission(policy, session.user, documentId) };
}

/** Whether `user` may write the document now, and the reason to show when not. */
export function writePermission(policy: Policy, user: SessionUser, documentId: string): Permission {
  if (policy.can(user, 'document.write', { documentId })) return { writable: true, reason: null };
  return { writable: false, reason: policy.documentContext(documentId)?.locked ? 'locked' : 'read_only' };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readCookie(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeSafely(part.slice(eq + 1).trim());
  }
  return null;
}

function decodeSafely(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
