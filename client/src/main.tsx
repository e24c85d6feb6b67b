import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { routes } from './app/router';
import { preloadRoute } from './app/preloadRoute';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root introuvable dans index.html');

/** Longest wait for the page chunks before rendering anyway (the shell then shows its spinner). */
const PRELOAD_TIMEOUT_MS = 3000;

// The chunks of the page being opened (a document under a project under the shell) are fetched in parallel first:
// rendering at once would discover them one by one, each behind a Suspense fallback (see lazyPage).
void Promise.race([preloadRoute(routes, window.location.pathname), new Promise((resolve) => setTimeout(resolve, PRELOAD_TIMEOUT_MS))]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
