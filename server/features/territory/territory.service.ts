import { and, eq, asc, desc } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { territories, communes, partners } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { findEpci, findCommune } from './official-data.js';

type Ctx = { userId: string; requestId?: string };

/** Creates a territory and its member communes from an EPCI SIREN, in one transaction. */
export function createTerritoryFromSiren(deps: AppDeps, siren: string, ctx: Ctx) {
  const epci = findEpci(siren);
  if (!epci) throw badRequest(`Aucun EPCI ne porte le SIREN ${siren} dans le référentiel officiel.`, undefined, 'unknown_siren');
  const existing = deps.db.select().from(territories).where(eq(territories.siren, siren)).get();
  if (existing) throw conflict(`Le territoire « ${epci.name} » existe déjà.`, { territoryId: existing.id }, 'territory_exists');
  const now = deps.clock.now().toISOString();
  const id = newId('ter_');
  deps.db.transaction((tx) => {
    tx.insert(territories).values({ id, siren, name: epci.name, nature: epci.nature, fiscalRegime: epci.fiscalRegime, createdAt: now }).run();
    for (const m of epci.members) {
      tx.insert(communes)
        .values({ id: newId('com_'), territoryId: id, inseeCode: m.inseeCode, siren: m.siren, name: m.name, population: m.population, member: true, createdAt: now })
        .run();
    }
    recordAudit(tx, { at: now, userId: ctx.userId, action: 'territory.created', targetType: 'territory', targetId: id, after: { siren, name: epci.name, communes: epci.members.length }, requestId: ctx.requestId });
  });
  return getTerritory(deps, id);
}

/** Adds a commune from outside the EPCI (progressive membership, e.g. a neighbouring commune). */
export function addOutsideCommune(deps: AppDeps, territoryId: string, inseeCode: string, ctx: Ctx) {
  getTerritory(deps, territoryId);
  const official = findCommune(inseeCode);
  if (!official) throw badRequest(`Aucune commune ne porte le code INSEE ${inseeCode}.`, undefined, 'unknown_insee_code');
  const existing = deps.db.select().from(communes).where(and(eq(communes.territoryId, territoryId), eq(communes.inseeCode, inseeCode))).get();
  if (existing) throw conflict(`La commune ${existing.name} fait déjà partie du territoire.`, undefined, 'commune_exists');
  const now = deps.clock.now().toISOString();
  const id = newId('com_');
  deps.db.transaction((tx) => {
    tx.insert(communes)
      .values({ id, territoryId, inseeCode, siren: official.siren, name: official.name, population: official.population, member: false, createdAt: now })
      .run();
    recordAudit(tx, { at: now, userId: ctx.userId, action: 'territory.outside_commune_added', targetType: 'commune', targetId: id, after: { inseeCode, name: official.name }, requestId: ctx.requestId });
  });
  return deps.db.select().from(communes).where(eq(communes.id, id)).get()!;
}

export function addPartner(deps: AppDeps, territoryId: string, input: { name: string; kind: string }, ctx: Ctx) {
  getTerritory(deps, territoryId);
  const now = deps.clock.now().toISOString();
  const id = newId('par_');
  deps.db.transaction((tx) => {
    tx.insert(partners).values({ id, territoryId, name: input.name, kind: input.kind, createdAt: now }).run();
    recordAudit(tx, { at: now, userId: ctx.userId, action: 'territory.partner_added', targetType: 'partner', targetId: id, after: input, requestId: ctx.requestId });
  });
  return deps.db.select().from(partners).where(eq(partners.id, id)).get()!;
}

export function getTerritory(deps: AppDeps, territoryId: string) {
  const t = deps.db.select().from(territories).where(eq(territories.id, territoryId)).get();
  if (!t) throw notFound('Territoire introuvable.', 'territory_not_found');
  return t;
}

export function listTerritories(deps: AppDeps) {
  return deps.db.select().from(territories).orderBy(asc(territories.name)).all();
}

/** Member communes first (largest first), then outside communes. */
export function listCommunes(deps: AppDeps, territoryId: string) {
  return deps.db
    .select()
    .from(communes)
    .where(eq(communes.territoryId, territoryId))
    .orderBy(desc(communes.member), desc(communes.population), asc(communes.name))
    .all();
}

export function listPartners(deps: AppDeps, territoryId: string) {
  return deps.db.select().from(partners).where(eq(partners.territoryId, territoryId)).orderBy(asc(partners.name)).all();
}
