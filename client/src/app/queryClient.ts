import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthenticated } from '../api/errors';
import { keys } from '../api/queries';

/**
 * The app's QueryClient. Two decisions live here:
 * - 4xx answers are not retried: the server said no, asking again will not change its mind;
 * - a 401 on any request means the session ended (expired, revoked, role changed): we refresh `me`, whose 401 makes
 *   the auth guard send the user to the login page.
 */
export function createQueryClient(): QueryClient {
  let client: QueryClient;
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (isUnauthenticated(error) && key?.[0] !== keys.me[0]) void client.invalidateQueries({ queryKey: keys.me });
  };
  client = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
  return client;
}
