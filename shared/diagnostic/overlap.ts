/**
 * The overlap matrix missions × communes: who provides what, where services overlap (several communes provide the
 * same mission) and where a need is not covered. Built from the needs questionnaire, completed by the missions the
 * existing services declare when a commune has not answered for a mission.
 */
import type { Existence, PoolingWish, Priority } from './vocab.js';

export type OverlapInput = {
  missions: { key: string; label: string }[];
  communes: { id: string }[];
  besoins: {
    communeId: string;
    missionKey: string;
    existing: Existence | null;
    unmetNeed: boolean | null;
    poolingWish: PoolingWish | null;
    priority: Priority | null;
  }[];
  services: { communeId: string; missions: string[] | null }[];
};

export type OverlapCell = {
  communeId: string;
  /** What exists in the commune for this mission; null when nobody said. */
  existing: Existence | null;
  /** Where `existing` comes from: the questionnaire, or the missions of the commune's services. */
  source: 'besoins' | 'services' | null;
  unmetNeed: boolean | null;
  poolingWish: PoolingWish | null;
  priority: Priority | null;
};

export type OverlapRow = {
  missionKey: string;
  label: string;
  cells: OverlapCell[];
  /** Communes where the mission exists, fully or partly. */
  providers: number;
  /** Communes that expressed an unmet need. */
  unmet: number;
  /** Communes wishing to pool this mission. */
  wishPooling: number;
  /** Communes with no information on this mission. */
  unknown: number;
  /** Two or more communes provide it: a candidate for pooling. */
  overlap: boolean;
  /** At least one commune has an unmet need: something is missing. */
  gap: boolean;
};

/** Builds the matrix; rows follow the mission order, cells the commune order. */
export function buildOverlapMatrix(input: OverlapInput): OverlapRow[] {
  return input.missions.map((mission) => {
    const cells: OverlapCell[] = input.communes.map((c) => {
      const answer = input.besoins.find((b) => b.communeId === c.id && b.missionKey === mission.key);
      const viaServices = input.services.some((s) => s.communeId === c.id && (s.missions ?? []).includes(mission.key));
      const existing = answer?.existing ?? (viaServices ? 'oui' : null);
      return {
        communeId: c.id,
        existing,
        source: answer?.existing ? 'besoins' : viaServices ? 'services' : null,
        unmetNeed: answer?.unmetNeed ?? null,
        poolingWish: answer?.poolingWish ?? null,
        priority: answer?.priority ?? null,
      };
    });
    const providers = cells.filter((x) => x.existing === 'oui' || x.existing === 'partiel').length;
    const unmet = cells.filter((x) => x.unmetNeed === true).length;
    return {
      missionKey: mission.key,
      label: mission.label,
      cells,
      providers,
      unmet,
      wishPooling: cells.filter((x) => x.poolingWish === 'oui').length,
      unknown: cells.filter((x) => x.existing === null && x.unmetNeed === null).length,
      overlap: providers >= 2,
      gap: unmet > 0,
    };
  });
}
