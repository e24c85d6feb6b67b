/**
 * Official territory data from `@etalab/decoupage-administratif` (INSEE/DGCL): EPCI by SIREN with their member
 * communes, and any commune by INSEE code. The files are read on each (rare, administrative) look-up and not kept:
 * the communes file holds ~35,000 entries, tens of megabytes once parsed, that a running server does not need.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** Parses one data file of the package without leaving it in the module cache. */
function readData<T>(name: string): T {
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}`), 'utf8')) as T;
}

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

/** The EPCI with this SIREN, or null. Populations are the *population municipale* of the official census. */
export function findEpci(siren: string): OfficialEpci | null {
  const raw = readData<RawEpci[]>('epci.json').find((e) => e.code === siren);
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
  const raw = readData<RawCommune[]>('communes.json').find((c) => c.code === inseeCode && c.type === 'commune-actuelle');
  if (!raw) return null;
  return { inseeCode: raw.code, siren: raw.siren ?? null, name: raw.nom, population: raw.population ?? null };
}
