import { createRoute } from '@hono/zod-openapi';
import { sql, eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { createRouter, jsonBody, jsonResponse, ERROR_RESPONSES, SIGNED_IN, idParam, z } from '../../lib/openapi.js';
import { communes } from '../../db/schema/index.js';
import * as service from './territory.service.js';
import type { CommuneDto, PartnerDto, TerritoryDto } from '../../../shared/api/types.js';

type TerritoryRow = ReturnType<typeof service.getTerritory>;
type CommuneRow = ReturnType<typeof service.listCommunes>[number];

function presentTerritory(deps: AppDeps, t: TerritoryRow): TerritoryDto {
  const stats = deps.db
    .select({ population: sql<number>`coalesce(sum(${communes.population}), 0)`, count: sql<number>`count(*)` })
    .from(communes)
    .where(sql`${communes.territoryId} = ${t.id} and ${communes.member} = 1`)
    .get()!;
  return { id: t.id, siren: t.siren, name: t.name, nature: t.nature, fiscalRegime: t.fiscalRegime as 'FPU' | 'FA', population: stats.population, memberCount: stats.count };
}

export function presentCommune(c: CommuneRow): CommuneDto {
  return { id: c.id, inseeCode: c.inseeCode, ...(c.siren ? { siren: c.siren } : {}), name: c.name, population: c.population, member: c.member };
}

const presentPartner = (p: { id: string; name: string; kind: string }): PartnerDto => ({ id: p.id, name: p.name, kind: p.kind });

const territoryParams = z.object({ territoryId: idParam('territoryId') });

/** Territories from official data, their communes (members and outside) and partner organisations. */
export function territoryRoutes(deps: AppDeps, policy: Policy) {
  const router = createRouter();
  const common = { security: SIGNED_IN, tags: ['Territoire'] };

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/territories', summary: 'Lister les territoires', responses: { 200: jsonResponse('Territoires'), 401: ERROR_RESPONSES[401] } }),
    (c) => {
      policy.authorize(c.get('user'), 'territory.read');
      return c.json(service.listTerritories(deps).map((t) => presentTerritory(deps, t)), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/territories',
      summary: "Créer un territoire à partir du SIREN d'un EPCI (référentiel officiel)",
      request: jsonBody(z.object({ siren: z.string().trim().regex(/^\d{9}$/, 'Le SIREN compte 9 chiffres').openapi({ example: '200004802' }) })),
      responses: { 201: jsonResponse('Territoire créé'), ...ERROR_RESPONSES, 409: jsonResponse('Territoire déjà présent') },
    }),
    (c) => {
      const user = c.get('user');
      policy.authorize(user, 'territory.manage');
      const t = service.createTerritoryFromSiren(deps, c.req.valid('json').siren, { userId: user!.id, requestId: c.get('requestId') });
      return c.json(presentTerritory(deps, t), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/territories/{territoryId}', summary: 'Un territoire', request: { params: territoryParams }, responses: { 200: jsonResponse('Territoire'), ...ERROR_RESPONSES } }),
    (c) => {
      policy.authorize(c.get('user'), 'territory.read');
      return c.json(presentTerritory(deps, service.getTerritory(deps, c.req.valid("param").territoryId)), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/territories/{territoryId}/communes',
      summary: 'Communes du territoire (membres et hors EPCI)',
      request: { params: territoryParams },
      responses: { 200: jsonResponse('Communes'), ...ERROR_RESPONSES },
    }),
    (c) => {
      policy.authorize(c.get('user'), 'territory.read');
      const { territoryId } = c.req.valid('param');
      service.getTerritory(deps, territoryId);
      return c.json(service.listCommunes(deps, territoryId).map(presentCommune), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/territories/{territoryId}/communes',
      summary: 'Ajouter une commune hors EPCI par son code INSEE',
      request: { params: territoryParams, ...jsonBody(z.object({ inseeCode: z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, 'Le code INSEE compte 5 caractères') })) },
      responses: { 201: jsonResponse('Commune ajoutée'), ...ERROR_RESPONSES, 409: jsonResponse('Commune déjà présente') },
    }),
    (c) => {
      const user = c.get('user');
      policy.authorize(user, 'territory.manage');
      const row = service.addOutsideCommune(deps, c.req.valid('param').territoryId, c.req.valid('json').inseeCode, { userId: user!.id, requestId: c.get('requestId') });
      return c.json(presentCommune(row), 201);
    },
  );

  router.openapi(
    createRoute({ ...common, method: 'get', path: '/territories/{territoryId}/partners', summary: 'Partenaires du territoire', request: { params: territoryParams }, responses: { 200: jsonResponse('Partenaires'), ...ERROR_RESPONSES } }),
    (c) => {
      policy.authorize(c.get('user'), 'territory.read');
      const { territoryId } = c.req.valid('param');
      service.getTerritory(deps, territoryId);
      return c.json(service.listPartners(deps, territoryId).map(presentPartner), 200);
    },
  );

  router.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/territories/{territoryId}/partners',
      summary: 'Ajouter un partenaire (CAF, conseil départemental…)',
      request: {
        params: territoryParams,
        ...jsonBody(z.object({ name: z.string().trim().min(2, 'Nom trop court').max(120), kind: z.enum(['caf', 'departement', 'msa', 'region', 'etat', 'autre']) })),
      },
      responses: { 201: jsonResponse('Partenaire ajouté'), ...ERROR_RESPONSES },
    }),
    (c) => {
      const user = c.get('user');
      policy.authorize(user, 'territory.manage');
      const row = service.addPartner(deps, c.req.valid('param').territoryId, c.req.valid('json'), { userId: user!.id, requestId: c.get('requestId') });
      return c.json(presentPartner(row), 201);
    },
  );

  return router;
}

/** Used by other features to check a commune belongs to a territory. */
export function communeInTerritory(deps: AppDeps, communeId: string, territoryId: string): boolean {
  const row = deps.db.select({ t: communes.territoryId }).from(communes).where(eq(communes.id, communeId)).get();
  return row?.t === territoryId;
}
