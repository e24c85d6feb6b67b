/**
 * Page chunks of a deep link are fetched together before the first render, and a preloaded page renders without
 * suspending (no Suspense fallback, hence no React 19 reveal delay). Rendered with react-dom/server: a lazy page that
 * is not loaded shows the fallback there, a loaded one its content.
 */
import { describe, it, expect, vi } from 'vitest';
import { createElement, Suspense, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../client/src/app/lazyPage';
import { preloadRoute } from '../../client/src/app/preloadRoute';

const page = (text: string) => {
  const load = vi.fn(async () => ({ Page: () => createElement('p', null, text) }));
  return { load, component: lazyPage(load, 'Page') };
};
const inSuspense = (element: ReactElement) => renderToString(createElement(Suspense, { fallback: createElement('i', null, 'chargement') }, element));

describe('lazyPage', () => {
  it('renders its fallback until loaded, then its content without suspending', async () => {
    const { load, component } = page('Document');
    expect(inSuspense(createElement(component))).toContain('chargement');
    await component.preload();
    await component.preload();
    expect(load).toHaveBeenCalledTimes(1);
    const fresh = page('Convention');
    await fresh.component.preload(); // preloaded before its very first render
    expect(inSuspense(createElement(fresh.component))).toContain('Convention');
    expect(inSuspense(createElement(fresh.component))).not.toContain('chargement');
  });

  it('tries a failed download again', async () => {
    let attempts = 0;
    const flaky = lazyPage(async () => {
      attempts++;
      if (attempts === 1) throw new Error('réseau coupé');
      return { Page: () => createElement('p', null, 'Séance') };
    }, 'Page');
    await expect(flaky.preload()).rejects.toThrow('réseau coupé');
    await flaky.preload();
    expect(attempts).toBe(2);
    expect(inSuspense(createElement(flaky))).toContain('Séance');
  });
});

describe('preloadRoute', () => {
  const shell = page('Coquille');
  const project = page('Projet');
  const documents = page('Documents');
  const editor = page('Éditeur');
  const admin = page('Administration');
  const routes: RouteObject[] = [
    {
      element: createElement(shell.component),
      children: [
        {
          path: '/projets/:projectId',
          element: createElement(project.component),
          children: [{ path: 'documents/*', element: createElement(documents.component), handle: { subPages: [editor.component] } }],
        },
        { path: '/admin', element: createElement(admin.component) },
      ],
    },
  ];
  const calls = () => [shell, project, documents, editor, admin].map((p) => p.load.mock.calls.length);

  it('fetches the chain of a section, its sub-pages only for a deeper path, nothing of other routes', async () => {
    await preloadRoute(routes, '/projets/p1/documents');
    expect(calls()).toEqual([1, 1, 1, 0, 0]);
    await preloadRoute(routes, '/projets/p1/documents/doc_1');
    expect(calls()).toEqual([1, 1, 1, 1, 0]);
    await preloadRoute(routes, '/inconnu');
    expect(calls()).toEqual([1, 1, 1, 1, 0]);
  });

  it('never rejects when a chunk fails', async () => {
    const broken = lazyPage<{ Page: () => null }, 'Page'>(() => Promise.reject(new Error('404')), 'Page');
    await expect(preloadRoute([{ path: '/x', element: createElement(broken) }], '/x')).resolves.toBeUndefined();
  });
});
