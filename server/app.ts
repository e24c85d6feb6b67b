import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { jsonResponse, z } from './lib/openapi.js';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppDeps, AppEnv } from './context.js';
import { AppError, tooLarge, type ErrorBody } from './lib/errors.js';
import { redactUrl } from './lib/logger.js';
import { createPolicy, type Policy } from './policies/index.js';
import { requestId, authenticate, csrf } from './features/auth/middleware.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { territoryRoutes } from './features/territory/territory.routes.js';
import { projectRoutes } from './features/projects/projects.routes.js';
import { userRoutes } from './features/users/users.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { diagnosticRoutes } from './features/diagnostic/diagnostic.routes.js';
import { IMPORT_BODY_LIMIT } from './features/diagnostic/diagnostic.io.routes.js';
import { projectTransferRoutes, PROJECT_IMPORT_BODY_LIMIT } from './features/project-transfer/transfer.routes.js';
import { unicodeGuard } from './lib/unicode-guard.js';
import { HTTPException } from 'hono/http-exception';
import { DOCS_PAGE, DOCS_SCRIPT } from './features/system/docs-page.js';
import { programmeRoutes } from './features/programmes/programmes.routes.js';
import { notificationRoutes } from './features/notifications/notifications.routes.js';

export type FeatureMount = (api: OpenAPIHono<AppEnv>, deps: AppDeps, policy: Policy) => void;

/** Features mounted under /api; later issues append theirs here. */
const FEATURES: FeatureMount[] = [
  (api, deps) => api.route('/', authRoutes(deps)),
  (api, deps, policy) => api.route('/', territoryRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', projectRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', userRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', auditRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', diagnosticRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', projectTransferRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', programmeRoutes(deps, policy)),
  (api, deps, policy) => api.route('/', notificationRoutes(deps, policy)),
];

/** JSON API body limit: large imports go through dedicated routes with their own limit. */
const API_BODY_LIMIT = 1024 * 1024;
/** Routes with their own (larger) body limit, applied here, before anything reads the body. */
const OWN_BODY_LIMITS = [IMPORT_BODY_LIMIT, PROJECT_IMPORT_BODY_LIMIT];

/**
 * Builds the Hono app: middlewares, every feature's router under /api, OpenAPI, the static client.
 * `extraMounts` lets the collaboration server add its routes (SSE, documents) with the same deps and policy.
 */
export function createApp(deps: AppDeps, extraMounts: FeatureMount[] = []) {
  const policy = createPolicy(deps.db);
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // TipTap carets and React position elements with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
    }),
  );
  const defaultLimit = bodyLimit({ maxSize: API_BODY_LIMIT, onError: () => { throw tooLarge(); } });
  app.use('/api/*', (c, next) => (OWN_BODY_LIMITS.find((l) => l.path.test(c.req.path))?.middleware ?? defaultLimit)(c, next));
  app.use('*', authenticate(deps));
  app.use('/api/*', csrf(deps));
  app.use('/api/*', unicodeGuard());

  const api = new OpenAPIHono<AppEnv>();
  api.openapi(
    createRoute({ method: 'get', path: '/health', summary: 'État du service', responses: { 200: jsonResponse('En service', z.object({ ok: z.literal(true) })) } }),
    (c) => c.json({ ok: true as const }, 200),
  );
  for (const mount of [...FEATURES, ...extraMounts]) mount(api, deps, policy);
  api.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'Cookie', { type: 'apiKey', in: 'cookie', name: 'mutualab_session' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'API Mutualab', version: '1.0.0', description: 'Délibération collaborative pour la mutualisation des services entre communes.' },
    servers: [{ url: '/api' }],
  });
  api.get('/docs', (c) => c.html(DOCS_PAGE));
  api.get('/docs.js', (c) => c.body(DOCS_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.route('/api', api);

  app.notFound((c) => {
    const body: ErrorBody = { error: { code: 'not_found', message: `Aucune route ${c.req.method} ${new URL(c.req.url).pathname}.` } };
    return c.json(body, 404);
  });

  app.onError((err, c) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } };
      return c.json(body, err.status, err.headers);
    }
    // Malformed JSON bodies surface as SyntaxError or HTTPException(400) from the validator: a client error, not a bug.
    if (err instanceof SyntaxError || (err instanceof HTTPException && err.status === 400)) {
      return c.json({ error: { code: 'malformed_json', message: 'Le corps de la requête n’est pas un JSON valide.' } }, 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const known: Record<number, [string, string]> = {
        413: ['payload_too_large', 'Requête trop volumineuse.'],
        415: ['unsupported_media_type', 'Type de contenu non pris en charge : envoyez du JSON (application/json).'],
      };
      const [code, message] = known[err.status] ?? ['bad_request', 'Requête invalide.'];
      return c.json({ error: { code, message } }, err.status);
    }
    deps.logger.error('unhandled error', { requestId: c.get('requestId'), url: redactUrl(c.req.url), error: String(err), stack: (err as Error).stack });
    return c.json({ error: { code: 'internal_error', message: `Erreur interne (référence ${c.get('requestId')}).` } }, 500);
  });

  mountClient(app, deps);
  return { app, policy };
}

/** Serves the built client and falls back to index.html for client-side routes. */
function mountClient(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const dist = resolve(deps.env.CLIENT_DIST);
  const indexFile = join(dist, 'index.html');
  // Mounted only when the client is built (tests of the API run without it). Asset names carry a content hash, so a
  // browser may keep them for a year; the build wrote Brotli and gzip copies, sent to browsers that accept them.
  if (existsSync(dist)) {
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root: dist, precompressed: true }));
  }
  // A missing asset (an old chunk asked for by a tab opened before a deployment) is a 404, never index.html: served
  // as a script, the page would fail to load, and cached for a year it would keep failing.
  app.all('/assets/*', (c) => c.json({ error: { code: 'not_found', message: 'Fichier introuvable.' } }, 404));
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path.startsWith('/ws/')) return next();
    if (!existsSync(indexFile)) {
      return c.text('Le client n’est pas construit : lancez `npm run build` (ou `npm start`).', 503);
    }
    return c.html(readFileSync(indexFile, 'utf8'));
  });
}
