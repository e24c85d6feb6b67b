import type { UserDto } from '../../../shared/api/types.js';
import type { Role } from '../../../shared/auth/roles.js';

type UserRow = { id: string; email: string; name: string; role: string; communeId?: string | null; partnerId?: string | null; title?: string | null };

/** The public shape of a user (never the password hash). */
export function presentUser(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    ...(u.communeId ? { communeId: u.communeId } : {}),
    ...(u.partnerId ? { partnerId: u.partnerId } : {}),
    ...(u.title ? { title: u.title } : {}),
  };
}
