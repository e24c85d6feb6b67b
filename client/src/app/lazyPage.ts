import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/** A lazy page whose chunk can be fetched before React renders it (see `preloadRoute`). */
export type PreloadablePage<C extends AnyComponent = AnyComponent> = LazyExoticComponent<C> & { preload(): Promise<void> };

/**
 * `React.lazy` for a named export: each page is its own chunk, so the initial JavaScript holds only the shell.
 * Example: `lazyPage(() => import('../features/home/HomePage'), 'HomePage')`.
 *
 * Once the chunk is loaded (by `preload()` or an earlier render), the page renders without suspending: React gets a
 * thenable that resolves synchronously. That matters because React 19 keeps a Suspense fallback on screen at least
 * 300 ms, and a deep link (a document under a project under the shell) chained three of them: ~600 ms of spinner
 * for chunks that arrive in 20 ms on a good line.
 */
export function lazyPage<M extends Record<K, AnyComponent>, K extends string>(load: () => Promise<M>, name: K): PreloadablePage<M[K]> {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  const fetchChunk = (): Promise<M> =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (err: unknown) => {
        loading = undefined; // a failed download (network) is tried again on the next render
        throw err;
      },
    ));
  const page = lazy(() => {
    const module = loaded;
    if (module) return { then: (resolve: (m: { default: M[K] }) => void) => resolve({ default: module[name] }) } as Promise<{ default: M[K] }>;
    return fetchChunk().then((module) => ({ default: module[name] }));
  });
  return Object.assign(page, { preload: () => fetchChunk().then(() => undefined) });
}

/** True for a component made by `lazyPage`. */
export function isPreloadable(type: unknown): type is PreloadablePage {
  return typeof type === 'object' && type !== null && typeof (type as { preload?: unknown }).preload === 'function';
}
