/**
 * The scenarios' API calls and query options. Every key starts with `['projects', id, 'scenarios']` so that one
 * invalidation (a live `scenario.*` event, a mutation) refreshes the list, the details and the comparison.
 */
import { queryOptions } from '@tanstack/react-query';
import type {
  ArbitrationDto, ScenarioComparisonDto, ScenarioDetailDto, ScenarioDto, ScenarioInputsDto, ScenarioListDto, ScenarioStatusEventDto,
} from '../../../../shared/scenarios/api.js';
import type { ArbitrationInput, ScenarioInput } from '../../../../shared/scenarios/schemas.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;

export const scnKeys = {
  all: (projectId: string) => ['projects', projectId, 'scenarios'] as const,
  list: (projectId: string) => ['projects', projectId, 'scenarios', 'list'] as const,
  inputs: (projectId: string) => ['projects', projectId, 'scenarios', 'inputs'] as const,
  detail: (projectId: string, id: string) => ['projects', projectId, 'scenarios', 'detail', id] as const,
  history: (projectId: string, id: string) => ['projects', projectId, 'scenarios', 'history', id] as const,
  compare: (projectId: string, ids: string[]) => ['projects', projectId, 'scenarios', 'compare', ids.join(',')] as const,
  arbitrations: (projectId: string) => ['projects', projectId, 'scenarios', 'arbitrations'] as const,
  rounds: (projectId: string) => ['projects', projectId, 'scenarios', 'rounds'] as const,
};

/** A round as the arbitration dialog lists it (from the rounds feature). */
export type RoundRef = { id: string; title: string; status: string };

export const scnApi = {
  list: (projectId: string, s?: AbortSignal) => apiGet<ScenarioListDto>(`/projects/${enc(projectId)}/scenarios`, s),
  inputs: (projectId: string, s?: AbortSignal) => apiGet<ScenarioInputsDto>(`/projects/${enc(projectId)}/scenario-inputs`, s),
  detail: (id: string, s?: AbortSignal) => apiGet<ScenarioDetailDto>(`/scenarios/${enc(id)}`, s),
  history: (id: string, s?: AbortSignal) => apiGet<ScenarioStatusEventDto[]>(`/scenarios/${enc(id)}/history`, s),
  compare: (projectId: string, ids: string[], s?: AbortSignal) => apiGet<ScenarioComparisonDto>(`/projects/${enc(projectId)}/scenarios/compare?ids=${ids.map(enc).join(',')}`, s),
  exportUrl: (projectId: string, ids: string[], format: 'xlsx' | 'pdf') => `/api/projects/${enc(projectId)}/scenarios/compare/export?ids=${ids.map(enc).join(',')}&format=${format}`,
  arbitrations: (projectId: string, s?: AbortSignal) => apiGet<ArbitrationDto[]>(`/projects/${enc(projectId)}/arbitrations`, s),
  /** The project's rounds; an empty list if the rounds feature is unavailable (the link is optional). */
  rounds: async (projectId: string, s?: AbortSignal): Promise<RoundRef[]> => {
    try {
      const out = await apiGet<unknown>(`/projects/${enc(projectId)}/rounds`, s);
      const list = Array.isArray(out) ? out : Array.isArray((out as { rounds?: unknown })?.rounds) ? (out as { rounds: unknown[] }).rounds : [];
      return (list as RoundRef[]).filter((r) => r && typeof r.id === 'string' && r.status !== 'brouillon');
    } catch (err) {
      if (err instanceof DOMException) throw err;
      return [];
    }
  },
  create: (projectId: string, body: ScenarioInput) => apiRequest<ScenarioDto>('POST', `/projects/${enc(projectId)}/scenarios`, body),
  update: (id: string, body: ScenarioInput & { revision: number }) => apiRequest<ScenarioDto>('PUT', `/scenarios/${enc(id)}`, body),
  ensureDocument: (id: string) => apiRequest<ScenarioDto>('POST', `/scenarios/${enc(id)}/document`),
  remove: (id: string) => apiRequest<void>('DELETE', `/scenarios/${enc(id)}`),
  setStatus: (id: string, status: 'brouillon' | 'presente', revision: number) => apiRequest<ScenarioDto>('POST', `/scenarios/${enc(id)}/status`, { status, revision }),
  arbitrate: (projectId: string, body: ArbitrationInput) => apiRequest<ArbitrationDto>('POST', `/projects/${enc(projectId)}/arbitrations`, body),
};

export const scnQ = {
  list: (projectId: string) => queryOptions({ queryKey: scnKeys.list(projectId), queryFn: ({ signal }) => scnApi.list(projectId, signal) }),
  inputs: (projectId: string) => queryOptions({ queryKey: scnKeys.inputs(projectId), queryFn: ({ signal }) => scnApi.inputs(projectId, signal) }),
  detail: (projectId: string, id: string) => queryOptions({ queryKey: scnKeys.detail(projectId, id), queryFn: ({ signal }) => scnApi.detail(id, signal) }),
  history: (projectId: string, id: string) => queryOptions({ queryKey: scnKeys.history(projectId, id), queryFn: ({ signal }) => scnApi.history(id, signal) }),
  compare: (projectId: string, ids: string[]) => queryOptions({ queryKey: scnKeys.compare(projectId, ids), queryFn: ({ signal }) => scnApi.compare(projectId, ids, signal), enabled: ids.length >= 2 }),
  arbitrations: (projectId: string) => queryOptions({ queryKey: scnKeys.arbitrations(projectId), queryFn: ({ signal }) => scnApi.arbitrations(projectId, signal) }),
  rounds: (projectId: string) => queryOptions({ queryKey: scnKeys.rounds(projectId), queryFn: ({ signal }) => scnApi.rounds(projectId, signal) }),
};
