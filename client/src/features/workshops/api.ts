/**
 * Séances API (server/features/workshops): queries, the live state cache and the actions. Every action answers with
 * the caller's view of the new state; it replaces the cached one only if its revision is newer (an event may have
 * brought a fresher state meanwhile).
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateSeanceInput, SeanceListItemDto, SeanceSummaryDto, SeanceViewDto, SeanceStateDto, UpdateSeanceInput } from '../../../../shared/workshops/types.js';
import type { Role } from '../../../../shared/auth/roles.js';
import { newerState } from '../../../../shared/workshops/live.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;

/** A person who may be invited (has access to the project). */
export type InvitableDto = { id: string; name: string; role: Role; communeId: string | null; communeName: string | null };

/** Query keys of the séances feature. */
export const wsKeys = {
  list: (projectId: string) => ['projects', projectId, 'seances'] as const,
  invitables: (projectId: string) => ['projects', projectId, 'seances', 'invitables'] as const,
  detail: (seanceId: string) => ['seances', seanceId] as const,
  summary: (seanceId: string) => ['seances', seanceId, 'summary'] as const,
};

export const wsQ = {
  list: (projectId: string) =>
    queryOptions({ queryKey: wsKeys.list(projectId), queryFn: ({ signal }) => apiGet<SeanceListItemDto[]>(`/projects/${enc(projectId)}/seances`, signal) }),
  invitables: (projectId: string) =>
    queryOptions({ queryKey: wsKeys.invitables(projectId), queryFn: ({ signal }) => apiGet<InvitableDto[]>(`/projects/${enc(projectId)}/seances/invitables`, signal), staleTime: 60_000 }),
  detail: (seanceId: string) =>
    queryOptions({ queryKey: wsKeys.detail(seanceId), queryFn: ({ signal }) => apiGet<SeanceViewDto>(`/seances/${enc(seanceId)}`, signal) }),
  summary: (seanceId: string) =>
    queryOptions({ queryKey: wsKeys.summary(seanceId), queryFn: ({ signal }) => apiGet<SeanceSummaryDto>(`/seances/${enc(seanceId)}/summary`, signal) }),
};

/** Puts a state in the cache if it is newer than the cached one; keeps the caller's votes when it has none. */
export function storeState(queryClient: QueryClient, state: SeanceStateDto | SeanceViewDto): void {
  queryClient.setQueryData<SeanceViewDto>(wsKeys.detail(state.id), (old) => {
    if (!newerState(old, state) && old) return 'myVotes' in state ? { ...old, myVotes: state.myVotes } : old;
    return { ...state, myVotes: 'myVotes' in state ? state.myVotes : (old?.myVotes ?? {}) };
  });
}

/** Paths of the séance's files. */
export const seanceFiles = (seanceId: string) => ({
  ics: `/api/seances/${enc(seanceId)}/agenda.ics`,
  agenda: (format: 'docx' | 'pdf') => `/api/seances/${enc(seanceId)}/agenda?format=${format}`,
  summary: (format: 'docx' | 'pdf') => `/api/seances/${enc(seanceId)}/summary/export?format=${format}`,
});

/**
 * One action on a séance: `act.mutate({ method, path, body })` with `path` relative to `/seances/:id`. Each panel
 * uses its own so that it shows its own error.
 */
export function useSeanceAction(seanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown }) =>
      apiRequest<SeanceViewDto>(method, `/seances/${enc(seanceId)}${path}`, body),
    onSuccess: (view) => storeState(queryClient, view),
  });
}

/** Create and edit a séance. */
export function useSeanceMutations(projectId: string) {
  const queryClient = useQueryClient();
  const done = async (view: SeanceViewDto) => {
    storeState(queryClient, view);
    await queryClient.invalidateQueries({ queryKey: wsKeys.list(projectId) });
  };
  const create = useMutation({
    mutationFn: (input: CreateSeanceInput) => apiRequest<SeanceViewDto>('POST', `/projects/${enc(projectId)}/seances`, input),
    onSuccess: done,
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateSeanceInput }) => apiRequest<SeanceViewDto>('PATCH', `/seances/${enc(id)}`, input),
    onSuccess: done,
  });
  return { create, update };
}
