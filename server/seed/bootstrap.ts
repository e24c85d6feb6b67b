import { eq, like, and, isNull, isNotNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../context.js';
import { users } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../features/auth/password.js';
import { seedDemo } from './demo.js';

const DEMO_DOMAIN = '%@demo.mutualab.fr';

/**
 * First-start data. Demo mode: seed the demo on an empty database and make sure demo accounts are enabled.
 * Otherwise: demo accounts (if a demo database is reused) are disabled — no known passwords outside demo mode —
 * and an administrator is created from ADMIN_EMAIL/ADMIN_PASSWORD or with a one-time random password.
 * Returns lines to print at start-up.
 */
export async function bootstrap(deps: AppDeps): Promise<string[]> {
  const now = deps.clock.now().toISOString();
  if (deps.env.DEMO) {
    const seeded = await seedDemo(deps);
    deps.db.update(users).set({ disabledAt: null }).where(and(like(users.email, DEMO_DOMAIN), isNotNull(users.disabledAt))).run();
    return seeded ? ['Démo du Pays de Fayence créée.'] : [];
  }
  deps.db.update(users).set({ disabledAt: now }).where(and(like(users.email, DEMO_DOMAIN), isNull(users.disabledAt))).run();
  const admin = deps.db.select().from(users).where(and(eq(users.role, 'administrateur'), isNull(users.disabledAt))).get();
  if (admin) return [];
  const email = deps.env.ADMIN_EMAIL ?? 'admin@mutualab.local';
  const password = deps.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  deps.db.insert(users).values({ id: newId('usr_'), email, name: 'Administrateur·rice', role: 'administrateur', passwordHash: await hashPassword(password), createdAt: now }).run();
  return deps.env.ADMIN_PASSWORD
    ? [`Administrateur·rice créé·e : ${email}`]
    : [`Administrateur·rice créé·e : ${email}`, `Mot de passe à usage unique (affiché une seule fois) : ${password}`];
}
