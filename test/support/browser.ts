/**
 * Browser launcher for the e2e suites: playwright-core driving the system Chromium (no downloaded browsers here).
 * `e2eDescribe` skips a suite when no Chromium is installed; the global setup already says so loudly and fails the
 * run when E2E_REQUIRED=1.
 */
import { describe } from 'vitest';
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

/** Launches a headless Chromium; throws when none is installed (guard suites with `e2eDescribe`). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium introuvable (/usr/bin/chromium ou CHROMIUM_PATH).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** `describe` when a browser is available, `describe.skip` otherwise. */
export const e2eDescribe = findChromium() ? describe : describe.skip;
