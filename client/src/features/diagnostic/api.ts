/**
 * The diagnostic's API calls and query options. Every key starts with `['projects', id, 'diagnostic']` so that one
 * invalidation (a live `diagnostic.changed` event, a mutation) refreshes everything the diagnostic shows.
 */
import { queryOptions } from '@tanstack/react-query';
import type { SectionKey, BoardSection } from '../../../../shared/diagnostic/sections.js';
import type { SectionRecords, DiagnosticOverviewDto, MissionDto, BoardRowDto, ImportPreviewDto, ImportCommitDto } from '../../../../shared/diagnostic/types.js';
import type { IndicatorsResult } from '../../../../shared/diagnostic/indicators.js';
import type { OverlapRow } from '../../../../shared/diagnostic/overlap.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;
const base = (projectId: string) => `/projects/${enc(projectId)}/diagnostic`;

export type UsageFlow = { serviceCommuneId: string; residence: string; unit: string | null; units: number };
export type IndicatorsDto = IndicatorsResult & { flows: UsageFlow[] };

export const diagKeys = {
  all: (projectId: string) => ['projects', projectId, 'diagnostic'] as const,
  overview: (projectId: string) => ['projects', projectId, 'diagnostic', 'overview'] as const,
  indicators: (projectId: string) => ['projects', projectId, 'diagnostic', 'indicators'] as const,
  overlap: (projectId: string) => ['projects', projectId, 'diagnostic', 'overlap'] as const,
  section: (projectId: string, section: SectionKey) => ['projects', projectId, 'diagnostic', 'section', section] as const,
};

export const diagApi = {
  overview: (projectId: string, s?: AbortSignal) => apiGet<DiagnosticOverviewDto>(base(projectId), s),
  indicators: (projectId: string, s?: AbortSignal) => apiGet<IndicatorsDto>(`${base(projectId)}/indicators`, s),
  overlap: (projectId: string, s?: AbortSignal) => apiGet<OverlapRow[]>(`${base(projectId)}/overlap`, s),
  list: <S extends SectionKey>(projectId: string, section: S, s?: AbortSignal) => apiGet<SectionRecords[S][]>(`${base(projectId)}/${section}`, s),
  create: <S extends SectionKey>(projectId: string, section: S, body: Record<string, unknown>) =>
    apiRequest<SectionRecords[S]>('POST', `${base(projectId)}/${section}`, body),
  update: <S extends SectionKey>(projectId: string, section: S, id: string, body: Record<string, unknown>) =>
    apiRequest<SectionRecords[S]>('PATCH', `${base(projectId)}/${section}/${enc(id)}`, body),
  remove: (projectId: string, section: SectionKey, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${section}/${enc(id)}`),
  addMission: (projectId: string, label: string, description?: string) => apiRequest<MissionDto>('POST', `${base(projectId)}/missions`, { label, description }),
  removeMission: (projectId: string, key: string) => apiRequest<void>('DELETE', `${base(projectId)}/missions/${enc(key)}`),
  submit: (projectId: string, communeId: string, section: BoardSection) =>
    apiRequest<BoardRowDto>('POST', `${base(projectId)}/completeness/${enc(communeId)}/${section}/submit`, {}),
  review: (projectId: string, communeId: string, section: BoardSection, decision: 'valide' | 'a_revoir', comment?: string) =>
    apiRequest<BoardRowDto>('POST', `${base(projectId)}/completeness/${enc(communeId)}/${section}/review`, { decision, ...(comment ? { comment } : {}) }),
  exportUrl: (projectId: string, section: SectionKey | 'indicateurs' | 'tout', format: 'csv' | 'xlsx') => `/api${base(projectId)}/export?section=${section}&format=${format}`,
  templateUrl: (projectId: string, section: SectionKey, format: 'csv' | 'xlsx') => `/api${base(projectId)}/template?section=${section}&format=${format}`,
  importUrl: (projectId: string, step: 'preview' | 'commit') => `/api${base(projectId)}/import/${step}`,
};

export type { ImportPreviewDto, ImportCommitDto };

export const diagQ = {
  overview: (projectId: string) => queryOptions({ queryKey: diagKeys.overview(projectId), queryFn: ({ signal }) => diagApi.overview(projectId, signal) }),
  indicators: (projectId: string) => queryOptions({ queryKey: diagKeys.indicators(projectId), queryFn: ({ signal }) => diagApi.indicators(projectId, signal) }),
  overlap: (projectId: string) => queryOptions({ queryKey: diagKeys.overlap(projectId), queryFn: ({ signal }) => diagApi.overlap(projectId, signal) }),
  section: <S extends SectionKey>(projectId: string, section: S) =>
    queryOptions({ queryKey: diagKeys.section(projectId, section), queryFn: ({ signal }) => diagApi.list(projectId, section, signal) }),
};
