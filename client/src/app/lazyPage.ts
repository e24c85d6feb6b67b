import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/**
 * `React.lazy` for a named export: each page is its own chunk, so the initial JavaScript holds only the shell.
 * Example: `lazyPage(() => import('../features/home/HomePage'), 'HomePage')`.
 */
export function lazyPage<M extends Record<K, AnyComponent>, K extends string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
