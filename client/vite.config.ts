import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Folder of this config: Vite's root is the client folder, the build lands in `<repo>/dist/client`. */
const clientRoot = fileURLToPath(new URL('.', import.meta.url));
/** Where `vite` (dev) forwards /api and /ws; override with MUTUALAB_API_URL when the server runs elsewhere. */
const API_TARGET = process.env.MUTUALAB_API_URL ?? 'http://localhost:3000';

/**
 * Writes `<file>.br` and `<file>.gz` beside every script and stylesheet of the build, at the strongest levels: the
 * server sends them as they are (`serveStatic({ precompressed: true })`), so no request pays for compression and a
 * mayor on a rural line downloads about a quarter of the bytes.
 */
function precompress(): Plugin {
  return {
    name: 'mutualab-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const path = join(options.dir!, name);
        const bytes = readFileSync(path);
        if (bytes.byteLength < 1024) continue; // not worth a second request header's worth of savings
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
        const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength };
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params }));
      }
    },
  };
}

export default defineConfig({
  root: clientRoot,
  plugins: [react(), precompress()],
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
