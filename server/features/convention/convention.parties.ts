/**
 * The councils that deliberate on a convention, by the instrument's rule (`INSTRUMENT_DEFS[…].requirements`):
 * the conseil communautaire when the EPCI is a party (or the rule needs it), the conseil municipal of each commune
 * of the perimeter, the other parties' assemblies; a transfer of competence concerns every member commune.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { DbLike } from '../../db/client.js';
import { communes, territories } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { INSTRUMENT_DEFS } from '../../../shared/scenarios/instruments.js';
import type { ScenarioDto } from '../../../shared/scenarios/api.js';
import { conventionRepo } from './convention.repo.js';

type Party = { bodyKind: 'epci' | 'commune' | 'autre'; communeId: string | null; name: string; body: string };

/** The deliberating parties of the convention generated from `scenario`. */
export function conventionParties(deps: AppDeps, territoryId: string, scenario: ScenarioDto): Party[] {
  const territory = deps.db.select().from(territories).where(eq(territories.id, territoryId)).get()!;
  const rule = INSTRUMENT_DEFS[scenario.instrument].requirements.deliberation;
  const parties: Party[] = [];
  if (scenario.epciParty || rule !== 'chaque_conseil') {
    parties.push({ bodyKind: 'epci', communeId: null, name: territory.name, body: `Conseil communautaire — ${territory.name}` });
  }
  const perimeter =
    rule === 'majorite_qualifiee'
      ? deps.db.select({ id: communes.id, name: communes.name }).from(communes).where(and(eq(communes.territoryId, territoryId), eq(communes.member, true))).orderBy(asc(communes.name)).all()
      : scenario.communes.map((c) => ({ id: c.communeId, name: c.name }));
  for (const c of perimeter) parties.push({ bodyKind: 'commune', communeId: c.id, name: c.name, body: `Conseil municipal — ${c.name}` });
  for (const o of scenario.otherParties) parties.push({ bodyKind: 'autre', communeId: null, name: o.name, body: `Assemblée délibérante — ${o.name}` });
  return parties;
}

/** Writes one `prevue` deliberation per party (of the convention, or of an avenant). */
export function insertDeliberations(db: DbLike, projectId: string, avenantId: string | null, parties: readonly Party[], now: string): void {
  parties.forEach((p, position) =>
    conventionRepo.insertDeliberation(db, { id: newId('dlb_'), projectId, avenantId, bodyKind: p.bodyKind, communeId: p.communeId, name: p.name, body: p.body, position, state: 'prevue', createdAt: now, updatedAt: now }),
  );
}

export type { Party };
