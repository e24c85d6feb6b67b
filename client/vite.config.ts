import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** Folder of this config: Vite's root is the client folder, the build lands in `<repo>/dist/client`. */
const clientRoot = fileURLToPath(new URL('.', import.meta.url));
/** Where `vite` (dev) forwards /api and /ws; override with MUTUALAB_API_URL when the server runs elsewhere. */
const API_TARGET = process.env.MUTUALAB_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  build: {
    // The server serves this folder statically and falls back to index.html for client routes.
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Routes are split with React.lazy; keep an eye on the initial chunk.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The framework every page needs, in one long-cached chunk. Listed by name on purpose: a catch-all
          // /node_modules/ group would pull heavy libraries used by one lazy page (editor, Yjs) into the initial load.
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|cookie|set-cookie-parser)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // The client imports pure modules from ../shared: let the dev server read the whole repo.
    fs: { allow: ['..'] },
    // changeOrigin stays false: the server's CSRF check compares the browser's Origin with the Host it receives.
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/ws': { target: API_TARGET, ws: true, changeOrigin: false },
    },
  },
});
