import { randomBytes, createHash } from 'node:crypto';

/** Opaque, URL-safe, sortable-enough ids (time prefix keeps B-tree inserts local). */
export function newId(prefix = ''): string {
  const time = Date.now().toString(36).padStart(9, '0');
  return `${prefix}${time}${randomBytes(8).toString('base64url')}`;
}

/** A secret token (sessions, invitations): 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, so the database never holds a usable secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
