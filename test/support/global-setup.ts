import { findChromium } from './browser-path.js';

/** Says loudly, once, whether the browser suite will run (contracts of DEVELOPERS.md). */
export default function setup() {
  const chromium = findChromium();
  if (!chromium) {
    const banner = '!'.repeat(78);
    if (process.env.E2E_REQUIRED === '1') {
      throw new Error('E2E_REQUIRED=1 mais aucun Chromium trouvé (/usr/bin/chromium ou CHROMIUM_PATH).');
    }
    console.warn(`\n${banner}\n!! Navigateur introuvable : la suite e2e est IGNORÉE.\n!! Installez chromium (apt-get install -y chromium) ou définissez CHROMIUM_PATH.\n${banner}\n`);
  }
}
