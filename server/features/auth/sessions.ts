import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import { sessions, users } from '../../db/schema/index.js';
import { hashToken, newToken } from '../../lib/ids.js';
import type { Role } from '../../../shared/auth/roles.js';

export const SESSION_COOKIE = 'mutualab_session';

type SessionListener = (userId: string) => void;
const revocationListeners = new Set<SessionListener>();

/** Lets the collaboration server close the sockets of a user whose sessions were revoked (logout, role change). */
export function onSessionsRevoked(listener: SessionListener): () => void {
  revocationListeners.add(listener);
  return () => revocationListeners.delete(listener);
}

/** Creates a session and returns its token (shown once: the database only keeps its hash). */
export function createSession(deps: AppDeps, userId: string): { token: string; expiresAt: Date } {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.env.SESSION_TTL_HOURS * 3600_000);
  deps.db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
    .run();
  return { token, expiresAt };
}

/** Resolves a token to its user, or null when unknown, expired, revoked or the account is disabled. */
export function resolveSession(deps: AppDeps, token: string | undefined | null): { user: SessionUser; tokenHash: string } | null {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row = deps.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .get();
  if (!row) return null;
  if (row.session.expiresAt <= deps.clock.now().toISOString()) return null;
  if (row.user.disabledAt) return null;
  const u = row.user;
  return {
    tokenHash,
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role as Role,
      communeId: u.communeId,
      partnerId: u.partnerId,
      title: u.title,
    },
  };
}

/** Revokes one session (logout). */
export function revokeSession(deps: AppDeps, tokenHash: string, userId: string): void {
  deps.db.update(sessions).set({ revokedAt: deps.clock.now().toISOString() }).where(eq(sessions.tokenHash, tokenHash)).run();
  for (const l of revocationListeners) l(userId);
}

/** Revokes every session of a user (role change, account disabled). */
export function revokeAllSessions(deps: AppDeps, userId: string): void {
  deps.db
    .update(sessions)
    .set({ revokedAt: deps.clock.now().toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
  for (const l of revocationListeners) l(userId);
}
