/** Queries and mutations of the versions panel (react-query, through the app's fetch wrapper). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../../api/http';
import type { RestoreResultDto, VersionDetailDto, VersionDiffDto, VersionDto } from '../../../../../shared/versions/types.js';

export const versionKeys = {
  all: (documentId: string) => ['documents', documentId, 'versions'] as const,
  one: (documentId: string, versionId: string) => ['documents', documentId, 'versions', versionId] as const,
  diff: (documentId: string, versionId: string) => ['documents', documentId, 'versions', versionId, 'diff'] as const,
};

const base = (documentId: string) => `/documents/${encodeURIComponent(documentId)}/versions`;

export const versionQueries = {
  list: (documentId: string) =>
    queryOptions({ queryKey: versionKeys.all(documentId), queryFn: ({ signal }) => apiGet<VersionDto[]>(base(documentId), signal) }),
  /** A version never changes: its content is cached for good. */
  one: (documentId: string, versionId: string) =>
    queryOptions({
      queryKey: versionKeys.one(documentId, versionId),
      queryFn: ({ signal }) => apiGet<VersionDetailDto>(`${base(documentId)}/${encodeURIComponent(versionId)}`, signal),
      staleTime: Infinity,
    }),
  /** Compared with the live text, so always refetched when opened again. */
  diff: (documentId: string, versionId: string) =>
    queryOptions({
      queryKey: versionKeys.diff(documentId, versionId),
      queryFn: ({ signal }) => apiGet<VersionDiffDto>(`${base(documentId)}/${encodeURIComponent(versionId)}/diff`, signal),
      staleTime: 0,
    }),
};

export function useCreateVersion(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => apiRequest<VersionDto>('POST', base(documentId), { label }),
    onSuccess: () => client.invalidateQueries({ queryKey: versionKeys.all(documentId) }),
  });
}

export function useRestoreVersion(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => apiRequest<RestoreResultDto>('POST', `${base(documentId)}/${encodeURIComponent(versionId)}/restore`),
    onSuccess: () => client.invalidateQueries({ queryKey: versionKeys.all(documentId) }),
  });
}
