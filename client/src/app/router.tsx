import { createBrowserRouter, type RouteObject } from 'react-router';
import { Shell } from './Shell';
import { RequireAuth } from './RequireAuth';
import { NotFoundPage } from './NotFoundPage';
import { lazyPage } from './lazyPage';
import { PROJECT_SECTIONS } from '../features/projects/sections';
import type { SubPagesHandle } from './preloadRoute';

// Pages are lazy chunks; the shell, the guard and the route table stay in the initial bundle.
const LoginPage = lazyPage(() => import('../features/auth/LoginPage'), 'LoginPage');
const InvitationPage = lazyPage(() => import('../features/auth/InvitationPage'), 'InvitationPage');
const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage');
const TerritoryPage = lazyPage(() => import('../features/territory/TerritoryPage'), 'TerritoryPage');
const ProjectLayout = lazyPage(() => import('../features/projects/ProjectLayout'), 'ProjectLayout');
const ProjectOverview = lazyPage(() => import('../features/projects/ProjectOverview'), 'ProjectOverview');
const SectionPlaceholder = lazyPage(() => import('../features/projects/SectionPlaceholder'), 'SectionPlaceholder');
const AdminPage = lazyPage(() => import('../features/admin/AdminPage'), 'AdminPage');
const NotificationsPage = lazyPage(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');

/**
 * The route table (French paths). Project sections come from `PROJECT_SECTIONS`: a section gets its own page by
 * setting `page` there; until then it shows an honest « pas encore ouverte » placeholder.
 */
export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { path: '/connexion', element: <LoginPage /> },
      { path: '/invitation/:token', element: <InvitationPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/territoire/:territoryId', element: <TerritoryPage /> },
          {
            path: '/projets/:projectId',
            element: <ProjectLayout />,
            children: [
              { index: true, element: <ProjectOverview /> },
              ...PROJECT_SECTIONS.map((section) => ({
                // An open section may have sub-pages (`diagnostic/communes/:id`): it routes them itself.
                path: section.page ? `${section.path}/*` : section.path,
                element: section.page ? <section.page /> : <SectionPlaceholder section={section.key} />,
                handle: section.subPages ? ({ subPages: section.subPages } satisfies SubPagesHandle) : undefined,
              })),
            ],
          },
          { path: '/admin', element: <AdminPage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The browser router of the app (history API, French paths). */
export const router = createBrowserRouter(routes);
