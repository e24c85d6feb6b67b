/**
 * Helpers so every feature router is an OpenAPIHono whose routes are documented and validated the same way:
 * validation failures become `400 validation_error` with the zod issues as details.
 */
import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { badRequest } from './errors.js';
import '../../shared/validation/french-errors.js';

/** A new feature router with the shared validation hook. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const first = issues[0];
        throw badRequest(
          first ? `Donnée invalide${first.path ? ` (${first.path})` : ''} : ${first.message}` : 'Requête invalide.',
          issues,
        );
      }
    },
  });
}

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

const errorContent = { content: { 'application/json': { schema: ErrorSchema } } };

/** The error responses every authenticated route may give. */
export const ERROR_RESPONSES = {
  400: { ...errorContent, description: 'Donnée invalide' },
  401: { ...errorContent, description: 'Non connecté·e' },
  403: { ...errorContent, description: 'Action non autorisée' },
  404: { ...errorContent, description: 'Ressource introuvable' },
} as const;

/** A JSON success response with an (optionally loose) schema. */
export function jsonResponse(description: string, schema: z.ZodType = z.any()) {
  return { content: { 'application/json': { schema } }, description };
}

/** A required JSON body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

/** Security requirement for signed-in routes: the session cookie or a Bearer token. */
export const SIGNED_IN: RouteConfig['security'] = [{ Bearer: [] }, { Cookie: [] }];

/** A path parameter holding an opaque id. */
export const idParam = (name: string) =>
  z.string().min(1).max(64).openapi({ param: { name, in: 'path' }, example: 'mx3k2p0a1b2c3d4e5f6' });

export { z };
