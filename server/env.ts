import { z } from 'zod';

/** Configuration, parsed once at boot; a bad value stops the process with a readable message. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/mutualab.db'),
  /** Demo mode seeds the Pays de Fayence demo on an empty database and enables one-click logins. */
  DEMO: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD doit faire au moins 12 caractères').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Live events (the SSE replay log) older than this are deleted; a returning client refetches anyway. */
  EVENTS_RETENTION_HOURS: z.coerce.number().positive().default(48),
  /** Public origin when behind a proxy (used for CSRF and Secure cookies), e.g. https://mutualab.example.fr */
  PUBLIC_ORIGIN: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CLIENT_DIST: z.string().default('./dist/client'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses process.env (or a given record); throws an Error listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  }
  return parsed.data;
}
