/**
 * Launching the system Chromium with playwright-core, without vitest: shared by the e2e suites (`browser.ts`) and the
 * benchmark's client scenario, which runs outside the test runner.
 */
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './browser-path.js';

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

/** Launches a headless Chromium; throws when none is installed. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium introuvable (/usr/bin/chromium ou CHROMIUM_PATH).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
