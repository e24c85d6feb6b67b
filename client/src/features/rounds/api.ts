/**
 * Rounds and programmes communaux API (server/features/rounds, server/features/programmes): queries keyed under the
 * project so that live events and mutations refresh exactly what they change.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoundInput, ExtendRoundInput, PositionBody, RemindNowDto, RoundDetailDto, RoundSummaryDto, SynthesisDto } from '../../../../shared/rounds/api.js';
import type { CreateProgrammeActionInput, ProgrammeActionDto, UpdateProgrammeActionInput } from '../../../../shared/rounds/programme.js';
import type { ScenarioListDto } from '../../../../shared/scenarios/api.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;

/** Query keys: a project's rounds and programmes live under the project. */
export const roundKeys = {
  all: (projectId: string) => ['projects', projectId, 'rounds'] as const,
  list: (projectId: string) => ['projects', projectId, 'rounds', 'list'] as const,
  detail: (projectId: string, roundId: string) => ['projects', projectId, 'rounds', roundId] as const,
  synthesis: (projectId: string, roundId: string) => ['projects', projectId, 'rounds', roundId, 'synthesis'] as const,
  programmes: (projectId: string) => ['projects', projectId, 'programmes'] as const,
  scenarios: (projectId: string) => ['projects', projectId, 'rounds', 'scenario-choices'] as const,
};

/** Query options: `useQuery(roundQ.detail(projectId, roundId))`. */
export const roundQ = {
  list: (projectId: string) =>
    queryOptions({ queryKey: roundKeys.list(projectId), queryFn: ({ signal }) => apiGet<RoundSummaryDto[]>(`/projects/${enc(projectId)}/rounds`, signal) }),
  detail: (projectId: string, roundId: string) =>
    queryOptions({ queryKey: roundKeys.detail(projectId, roundId), queryFn: ({ signal }) => apiGet<RoundDetailDto>(`/rounds/${enc(roundId)}`, signal) }),
  synthesis: (projectId: string, roundId: string) =>
    queryOptions({ queryKey: roundKeys.synthesis(projectId, roundId), queryFn: ({ signal }) => apiGet<SynthesisDto>(`/rounds/${enc(roundId)}/synthesis`, signal) }),
  programmes: (projectId: string) =>
    queryOptions({ queryKey: roundKeys.programmes(projectId), queryFn: ({ signal }) => apiGet<ProgrammeActionDto[]>(`/projects/${enc(projectId)}/programmes`, signal) }),
  /** The project's scenarios, as choices for a round's scope (none when the scenarios feature says nothing). */
  scenarios: (projectId: string) =>
    queryOptions({
      queryKey: roundKeys.scenarios(projectId),
      queryFn: async ({ signal }) => (await apiGet<ScenarioListDto>(`/projects/${enc(projectId)}/scenarios`, signal)).scenarios.map((s) => ({ id: s.id, title: s.title })),
    }),
};

/** Download links (the browser sends the session cookie). */
export const roundFiles = {
  csv: (roundId: string) => `/api/rounds/${enc(roundId)}/positions.csv`,
  document: (documentId: string, format: 'docx' | 'pdf') => `/api/documents/${enc(documentId)}/export?format=${format}`,
};

/** Mutations on rounds; each success refreshes the project's rounds. */
export function useRoundMutations(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: roundKeys.all(projectId) });
  return {
    create: useMutation({ mutationFn: (body: CreateRoundInput) => apiRequest<RoundDetailDto>('POST', `/projects/${enc(projectId)}/rounds`, body), onSuccess: refresh }),
    open: useMutation({ mutationFn: (roundId: string) => apiRequest<RoundDetailDto>('POST', `/rounds/${enc(roundId)}/open`), onSuccess: refresh }),
    close: useMutation({ mutationFn: (roundId: string) => apiRequest<RoundDetailDto>('POST', `/rounds/${enc(roundId)}/close`), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (roundId: string) => apiRequest<void>('DELETE', `/rounds/${enc(roundId)}`), onSuccess: refresh }),
    extend: useMutation({
      mutationFn: ({ roundId, body }: { roundId: string; body: ExtendRoundInput }) => apiRequest<RoundDetailDto>('POST', `/rounds/${enc(roundId)}/extend`, body),
      onSuccess: refresh,
    }),
    remind: useMutation({ mutationFn: (roundId: string) => apiRequest<RemindNowDto>('POST', `/rounds/${enc(roundId)}/reminders`), onSuccess: refresh }),
    generate: useMutation({ mutationFn: (roundId: string) => apiRequest<{ documentId: string }>('POST', `/rounds/${enc(roundId)}/synthesis`), onSuccess: refresh }),
    position: useMutation({
      mutationFn: ({ roundId, communeId, body }: { roundId: string; communeId: string; body: PositionBody }) =>
        apiRequest<RoundDetailDto>('PUT', `/rounds/${enc(roundId)}/positions/${enc(communeId)}`, body),
      onSuccess: (detail) => {
        queryClient.setQueryData(roundKeys.detail(projectId, detail.id), detail);
        return refresh();
      },
    }),
  };
}

/** Mutations on programme actions; each success refreshes the project's programmes (and rounds, which name them). */
export function useProgrammeMutations(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: roundKeys.programmes(projectId) });
    await queryClient.invalidateQueries({ queryKey: roundKeys.all(projectId) });
  };
  return {
    create: useMutation({
      mutationFn: ({ communeId, body }: { communeId: string; body: CreateProgrammeActionInput }) =>
        apiRequest<ProgrammeActionDto>('POST', `/projects/${enc(projectId)}/communes/${enc(communeId)}/programme`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateProgrammeActionInput }) => apiRequest<ProgrammeActionDto>('PATCH', `/programme-actions/${enc(id)}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => apiRequest<void>('DELETE', `/programme-actions/${enc(id)}`), onSuccess: refresh }),
  };
}
