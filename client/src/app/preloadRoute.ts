import { isValidElement } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import { isPreloadable, type PreloadablePage } from './lazyPage';

/** `handle` of a route whose page routes deeper paths itself (`documents/*`): the lazy pages of those paths. */
export type SubPagesHandle = { subPages: PreloadablePage[] };

/**
 * Fetches, all at once, the page chunks that `pathname` will render: every lazy page of the matching routes, and
 * the sub-pages of a section when the path goes below it (a document, a séance). Resolves when they are loaded;
 * never rejects (a chunk that failed is fetched again, and reported, when React renders it).
 */
export async function preloadRoute(routes: RouteObject[], pathname: string): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const match of matchRoutes(routes, pathname) ?? []) {
    const element = match.route.element;
    if (isValidElement(element) && isPreloadable(element.type)) pending.push(element.type.preload());
    const handle = match.route.handle as Partial<SubPagesHandle> | undefined;
    if (handle?.subPages && match.params['*']) pending.push(...handle.subPages.map((page) => page.preload()));
  }
  await Promise.allSettled(pending);
}
