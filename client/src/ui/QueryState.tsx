import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Spinner } from './Spinner';
import { ErrorMessage } from './ErrorMessage';

/**
 * Renders the three states of a query the same way everywhere: spinner while loading, the server's message with a
 * retry button on error, and `children(data)` once loaded.
 */
export function QueryState<T>({
  query,
  loadingLabel,
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Spinner label={loadingLabel} />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
