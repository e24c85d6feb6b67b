import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { communes, partners } from './territory.js';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  /** Free title shown next to the role, e.g. « Vice-présidente déléguée à la jeunesse ». */
  title: text('title'),
  communeId: text('commune_id').references(() => communes.id),
  partnerId: text('partner_id').references(() => partners.id),
  /** scrypt hash `scrypt$N$r$p$salt$hash`; null until an invitation is accepted. */
  passwordHash: text('password_hash'),
  createdAt: text('created_at').notNull(),
  disabledAt: text('disabled_at'),
});

/** Server-side sessions; the token itself is never stored, only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Invitations sent by an administrator; the link carries a token whose SHA-256 is stored. */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  acceptedAt: text('accepted_at'),
});
