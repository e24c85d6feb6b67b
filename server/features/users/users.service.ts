import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import { users, invitations, communes, partners } from '../../db/schema/index.js';
import { newId, newToken, hashToken } from '../../lib/ids.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { COMMUNE_ROLES, type Role } from '../../../shared/auth/roles.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../auth/password.js';
import { revokeAllSessions } from '../auth/sessions.js';

type Ctx = { user: SessionUser; requestId?: string };
const INVITATION_TTL_DAYS = 14;

export type InviteInput = { email: string; name: string; role: Role; communeId?: string | null; partnerId?: string | null; title?: string | null };

/** Checks the role's attachments: communal roles need a commune, partners a partner organisation. */
function checkAttachments(deps: AppDeps, input: Pick<InviteInput, 'role' | 'communeId' | 'partnerId'>) {
  if (COMMUNE_ROLES.includes(input.role)) {
    if (!input.communeId) throw badRequest('Un rôle communal exige une commune.', undefined, 'commune_required');
    if (!deps.db.select().from(communes).where(eq(communes.id, input.communeId)).get()) throw badRequest('Commune inconnue.', undefined, 'unknown_commune');
  } else if (input.communeId) throw badRequest("Seuls les rôles communaux sont rattachés à une commune.", undefined, 'commune_not_allowed');
  if (input.role === 'partenaire') {
    if (!input.partnerId) throw badRequest('Un·e partenaire est rattaché·e à un organisme partenaire.', undefined, 'partner_required');
    if (!deps.db.select().from(partners).where(eq(partners.id, input.partnerId)).get()) throw badRequest('Partenaire inconnu.', undefined, 'unknown_partner');
  } else if (input.partnerId) throw badRequest('Seul le rôle partenaire est rattaché à un organisme.', undefined, 'partner_not_allowed');
}

/** Creates the account (without password) and an invitation whose link is shown to the administrator once. */
export function invite(deps: AppDeps, input: InviteInput, ctx: Ctx): { userId: string; token: string; expiresAt: string } {
  const email = input.email.toLowerCase();
  if (deps.db.select().from(users).where(eq(users.email, email)).get()) throw conflict('Un compte existe déjà pour cette adresse.', undefined, 'email_taken');
  checkAttachments(deps, input);
  const now = deps.clock.now();
  const userId = newId('usr_');
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86400_000).toISOString();
  deps.db.transaction((tx) => {
    tx.insert(users).values({ id: userId, email, name: input.name, role: input.role, title: input.title ?? null, communeId: input.communeId ?? null, partnerId: input.partnerId ?? null, passwordHash: null, createdAt: now.toISOString() }).run();
    tx.insert(invitations).values({ id: newId('inv_'), userId, tokenHash: hashToken(token), createdBy: ctx.user.id, createdAt: now.toISOString(), expiresAt }).run();
    recordAudit(tx, { at: now.toISOString(), userId: ctx.user.id, action: 'user.invited', targetType: 'user', targetId: userId, after: { email, role: input.role, communeId: input.communeId ?? null, partnerId: input.partnerId ?? null }, requestId: ctx.requestId });
  });
  return { userId, token, expiresAt };
}

function openInvitation(deps: AppDeps, token: string) {
  const row = deps.db
    .select({ inv: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt)))
    .get();
  if (!row || row.inv.expiresAt <= deps.clock.now().toISOString()) throw notFound('Invitation inconnue, expirée ou déjà utilisée.', 'invitation_not_found');
  return row;
}

export function describeInvitation(deps: AppDeps, token: string) {
  const { user } = openInvitation(deps, token);
  return { email: user.email, name: user.name };
}

/** Sets the invitee's password (policy: 12 characters at least) and consumes the invitation. */
export async function acceptInvitation(deps: AppDeps, token: string, password: string): Promise<string> {
  if (password.length < PASSWORD_MIN_LENGTH) throw badRequest(`Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`, undefined, 'weak_password');
  const { inv, user } = openInvitation(deps, token);
  const hash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    const res = tx.update(invitations).set({ acceptedAt: now }).where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt))).run();
    if (res.changes !== 1) throw notFound('Invitation déjà utilisée.', 'invitation_not_found');
    tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { at: now, userId: user.id, action: 'user.invitation_accepted', targetType: 'user', targetId: user.id });
  });
  return user.id;
}

export function listUsers(deps: AppDeps) {
  return deps.db.select().from(users).orderBy(asc(users.name)).all();
}

/** Changes a user's role (and attachments); every session of that user is revoked so rights apply at once. */
export function changeRole(deps: AppDeps, userId: string, input: Pick<InviteInput, 'role' | 'communeId' | 'partnerId'>, ctx: Ctx) {
  const before = deps.db.select().from(users).where(eq(users.id, userId)).get();
  if (!before) throw notFound('Utilisateur·rice introuvable.', 'user_not_found');
  checkAttachments(deps, input);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    tx.update(users).set({ role: input.role, communeId: input.communeId ?? null, partnerId: input.partnerId ?? null }).where(eq(users.id, userId)).run();
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'user.role_changed', targetType: 'user', targetId: userId, before: { role: before.role, communeId: before.communeId, partnerId: before.partnerId }, after: input, requestId: ctx.requestId });
  });
  revokeAllSessions(deps, userId);
  return deps.db.select().from(users).where(eq(users.id, userId)).get()!;
}
