/**
 * Browser launcher for the e2e suites: playwright-core driving the system Chromium (no downloaded browsers here).
 * `e2eDescribe` skips a suite when no Chromium is installed; the global setup already says so loudly and fails the
 * run when E2E_REQUIRED=1.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './browser-path.js';
import { startServer, type ServerProcess } from './server-process.js';

/** Flags known to work as root in this container (see stack.md). `launch()` refuses --user-data-dir. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches a headless Chromium; throws when none is installed (guard suites with `e2eDescribe`). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium introuvable (/usr/bin/chromium ou CHROMIUM_PATH).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

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
