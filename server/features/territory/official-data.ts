/**
 * Official territory data from `@etalab/decoupage-administratif` (INSEE/DGCL): EPCI by SIREN with their member
 * communes, and any commune by INSEE code. Loaded lazily once (the communes file is large) and indexed.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type OfficialEpci = {
  siren: string;
  name: string;
  nature: string;
  fiscalRegime: 'FPU' | 'FA';
  members: OfficialCommune[];
};

export type OfficialCommune = { inseeCode: string; siren: string | null; name: string; population: number | null };

type RawEpci = {
  code: string;
  nom: string;
  type: string;
  modeFinancement: string;
  membres: { code: string; siren?: string; nom: string; populationMunicipale?: number }[];
};
type RawCommune = { code: string; nom: string; type: string; siren?: string; population?: number };

let epciIndex: Map<string, RawEpci> | null = null;
let communeIndex: Map<string, RawCommune> | null = null;

/** The EPCI with this SIREN, or null. Populations are the *population municipale* of the official census. */
export function findEpci(siren: string): OfficialEpci | null {
  epciIndex ??= new Map((require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[]).map((e) => [e.code, e]));
  const raw = epciIndex.get(siren);
  if (!raw) return null;
  return {
    siren: raw.code,
    name: raw.nom,
    nature: raw.type,
    fiscalRegime: raw.modeFinancement === 'FPU' ? 'FPU' : 'FA',
    members: raw.membres.map((m) => ({
      inseeCode: m.code,
      siren: m.siren ?? null,
      name: m.nom,
      population: m.populationMunicipale ?? null,
    })),
  };
}

/** A current commune by INSEE code (delegated/associated communes are not accepted), or null. */
export function findCommune(inseeCode: string): OfficialCommune | null {
  communeIndex ??= new Map(
    (require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[])
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => [c.code, c]),
  );
  const raw = communeIndex.get(inseeCode);
  if (!raw) return null;
  return { inseeCode: raw.code, siren: raw.siren ?? null, name: raw.nom, population: raw.population ?? null };
}
