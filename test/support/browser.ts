/**
 * Browser launcher for the e2e suites: playwright-core driving the system Chromium (no downloaded browsers here).
 * `e2eDescribe` skips a suite when no Chromium is installed; the global setup already says so loudly and fails the
 * run when E2E_REQUIRED=1.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { findChromium } from './browser-path.js';
import { launchBrowser } from './chromium.js';
import { startServer, type ServerProcess } from './server-process.js';

export { CHROMIUM_ARGS, launchBrowser } from './chromium.js';

/** `describe` when a browser is available, `describe.skip` otherwise. */
export const e2eDescribe = findChromium() ? describe : describe.skip;

/**
 * The real server (child process, demo mode) and a headless Chromium for one browser suite: started before its tests,
 * stopped after them. Use inside `e2eDescribe`: `const suite = browserSuite();` then `suite.browser`, `suite.server`.
 */
export function browserSuite(options: { shotsDir?: string } = {}): { readonly server: ServerProcess; readonly browser: Browser } {
  const suite = {} as { server: ServerProcess; browser: Browser };
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
    if (options.shotsDir) mkdirSync(options.shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
