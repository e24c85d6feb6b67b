import { useQueries, useQuery } from '@tanstack/react-query';
import type { CommuneDto, PartnerDto } from '../../../../shared/api/types.js';
import { q } from '../../api/queries';

/**
 * Communes and partners of every territory, for the admin forms and to name what an account is attached to.
 * Territories are few (one EPCI, sometimes a Pays), so loading them all is cheap.
 */
export function useTerritoryDirectory() {
  const territories = useQuery(q.territories());
  const ids = territories.data?.map((t) => t.id) ?? [];
  const communes = useQueries({ queries: ids.map((id) => q.communes(id)) });
  const partners = useQueries({ queries: ids.map((id) => q.partners(id)) });
  return {
    territories,
    communes: communes.flatMap((r) => r.data ?? []) as CommuneDto[],
    partners: partners.flatMap((r) => r.data ?? []) as PartnerDto[],
  };
}

/** Map from commune or partner id to its name. */
export function useAttachmentNames(): Map<string, string> {
  const { communes, partners } = useTerritoryDirectory();
  return new Map([...communes, ...partners].map((x) => [x.id, x.name]));
}
