import { Navigate, Outlet, useLocation } from 'react-router';
import { isUnauthenticated } from '../api/errors';
import { Spinner } from '../ui/Spinner';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useOptionalMe } from './session';

/** Guard of the signed-in area: a 401 from `/api/me` sends the user to /connexion, remembering where they were going. */
export function RequireAuth() {
  const location = useLocation();
  const { me, query } = useOptionalMe();
  if (isUnauthenticated(query.error)) {
    return <Navigate to="/connexion" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me) return <Outlet />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <Spinner />;
}
