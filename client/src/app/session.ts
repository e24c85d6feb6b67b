import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useState } from 'react';
import type { MeDto } from '../../../shared/api/types.js';
import { api } from '../api/endpoints';
import { isUnauthenticated } from '../api/errors';
import { q } from '../api/queries';
import { clearLocalDocuments } from '../collab/local';

/**
 * The signed-in user, or undefined when nobody is (401) or while loading. Never retries a 401: that answer is final
 * until the user signs in.
 */
export function useOptionalMe(): { me: MeDto | undefined; query: UseQueryResult<MeDto, Error> } {
  const query = useQuery({ ...q.me(), retry: false });
  // A cached user whose session just ended still sits in `data`: the 401 wins.
  const me = isUnauthenticated(query.error) ? undefined : query.data;
  return { me, query };
}

/** The signed-in user, for pages rendered inside the auth guard (which guarantees it is loaded). */
export function useMe(): MeDto {
  const { me } = useOptionalMe();
  if (!me) throw new Error('useMe() utilisé hors de la zone connectée');
  return me;
}

/**
 * Logout: revoke the session on the server, forget every cached answer (they belong to the previous user), then go
 * to the login page. Goes there even if the server call failed: the user asked to leave.
 */
export function useLogout(): { logout: () => Promise<void>; pending: boolean } {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const logout = async () => {
    setPending(true);
    try {
      await api.logout();
    } catch {
      // Already signed out (401) or server down: the cookie is useless to us either way.
    } finally {
      queryClient.clear();
      setPending(false);
      navigate('/connexion', { replace: true });
      // Offline replicas of documents belong to this user: drop them (deletion waits for open editors to close).
      void clearLocalDocuments();
    }
  };
  return { logout, pending };
}

/**
 * The territory to link from the navigation: the user's own (commune or partner) or, for EPCI-wide roles, the first
 * territory they can see. Undefined until known.
 */
export function useHomeTerritoryId(me: MeDto | undefined): string | undefined {
  const territories = useQuery({ ...q.territories(), enabled: !!me && !me.territoryId });
  return me?.territoryId ?? territories.data?.[0]?.id;
}
