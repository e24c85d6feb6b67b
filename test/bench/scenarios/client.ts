/**
 * Scenario 8, the client in a real browser (the system Chromium, headless, driven by playwright-core) against a
 * Mutualab server started as in the other scenarios, with the built client (`npm run build` first when missing).
 *
 * - Initial JavaScript: every script Chromium fetched on a first visit with an empty cache, to show the sign-in page
 *   then « Mes projets ». Bytes on the wire (the server sends the build's Brotli copies) and gzip -9 sizes (the unit of
 *   the target). The editor, Yjs and the charts are lazy chunks: listed apart, when a document opens.
 * - Page open → editor synced: from the navigation to a document (the page's time origin) until its text is on
 *   screen AND the status reads « Enregistré » (the provider synced with the server). First open in a new signed-in
 *   context (editor chunks not cached yet), then repeat opens in that context. Two documents: a short note and a
 *   convention-sized one (the editing trace's final text as paragraphs; CC BY 4.0, see TRACE_ATTRIBUTION).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { findChromium } from '../../support/browser-path.js';
import { launchBrowser } from '../../support/chromium.js';
import { CONTEXT_OPTIONS } from '../../support/editor-page.js';
import { demoProjectId, freshDatabase, insertDocuments, writeSnapshot } from '../mutualab-db.js';
import { ROOT, startMutualab } from '../servers.js';
import { loadTrace } from '../trace.js';
import { median, round } from '../util.js';
import { TRACE_ATTRIBUTION, type ScenarioReport } from '../report.js';

const VP = 'vp@demo.mutualab.fr';
const DOCS = { note: 'bench_client_note', convention: 'bench_client_conv' } as const;

/** A TipTap-shaped document (paragraphs in the `default` XmlFragment) and the text its last paragraph ends with. */
function paragraphsDoc(paragraphs: string[]): { state: Uint8Array; marker: string; bytes: number } {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').push(
    paragraphs.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  const last = paragraphs[paragraphs.length - 1];
  return { state: Y.encodeStateAsUpdate(doc), marker: last.slice(-40), bytes: paragraphs.reduce((n, p) => n + p.length, 0) };
}

function documents() {
  const paragraphs = loadTrace()
    .finalText.split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    note: paragraphsDoc(paragraphs.slice(0, 4)),
    convention: { ...paragraphsDoc(paragraphs), paragraphs: paragraphs.length },
  };
}

type Script = { url: string; wireBytes: number; gzipBytes: number };

/** Scripts fetched by `page` from now on (call before navigating), with their on-the-wire and gzip -9 sizes. */
function recordScripts(page: Page): () => Promise<Script[]> {
  const pending: Promise<Script>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res.body().then(async (body) => {
        const sizes = await res.request().sizes();
        return { url: new URL(res.url()).pathname, wireBytes: sizes.responseBodySize, gzipBytes: gzipSync(body, { level: 9 }).byteLength };
      }),
    );
  });
  return () => Promise.all(pending);
}

/** Opens a document and returns ms from the navigation's start to text shown + status « saved ». */
async function openDocument(page: Page, url: string, marker: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (m) => {
      const status = document.querySelector<HTMLElement>('[data-testid="connection-status"]')?.dataset.status;
      const text = document.querySelector('.ProseMirror')?.textContent ?? '';
      return status === 'saved' && text.includes(m) ? performance.now() : false;
    },
    marker,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

const kb = (bytes: number) => round(bytes / 1024, 1);

/** Runs scenario 8; without Chromium, a report that says so. */
export async function clientScenario(opts: { repeats: number }, log: (s: string) => void): Promise<ScenarioReport> {
  const base = { id: '8-client', title: '8. Client in headless Chromium: initial JavaScript and page open → editor synced', columns: ['value', 'target'] };
  if (!findChromium()) {
    log('  (no Chromium: scenario 8 skipped)');
    return { ...base, notes: ['Skipped: no Chromium found (/usr/bin/chromium or CHROMIUM_PATH).'], rows: [] };
  }
  if (!existsSync(join(ROOT, 'dist/client/index.html'))) {
    log('  building the client (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const docs = documents();
  const dbPath = await freshDatabase();
  insertDocuments(dbPath, Object.values(DOCS));
  writeSnapshot(dbPath, DOCS.note, docs.note.state);
  writeSnapshot(dbPath, DOCS.convention, docs.convention.state);
  const projectId = demoProjectId(dbPath);
  const server = await startMutualab({ dbPath });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    // Initial JavaScript: a first visit, empty cache.
    const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: server.httpUrl });
    const shell = await context.newPage();
    const scripts = recordScripts(shell);
    await shell.goto('/connexion');
    await shell.getByTestId(`demo-login-${VP}`).click();
    await shell.getByRole('heading', { level: 1, name: 'Mes projets' }).waitFor();
    await shell.waitForLoadState('networkidle');
    const initial = await scripts();

    const url = (id: string) => `/projets/${projectId}/documents/${id}`;
    const lazyScripts = recordScripts(shell);
    const firstOpen = { note: await openDocument(shell, url(DOCS.note), docs.note.marker), convention: 0 };
    const lazy = await lazyScripts();
    firstOpen.convention = await openDocument(shell, url(DOCS.convention), docs.convention.marker);
    const repeat: Record<keyof typeof DOCS, number[]> = { note: [], convention: [] };
    for (let i = 0; i < opts.repeats; i++) {
      for (const name of ['note', 'convention'] as const) {
        await shell.goto('/'); // leave the editor: the next open builds it again, from the browser cache
        await shell.getByRole('heading', { level: 1, name: 'Mes projets' }).waitFor();
        repeat[name].push(await openDocument(shell, url(DOCS[name]), docs[name].marker));
      }
    }
    await context.close();

    const sum = (list: Script[], key: 'wireBytes' | 'gzipBytes') => list.reduce((n, s) => n + s[key], 0);
    log(`  initial JS ${kb(sum(initial, 'gzipBytes'))} kB gzip; open note ${round(firstOpen.note, 0)} ms first, ${round(median(repeat.note), 0)} ms repeat; convention ${round(firstOpen.convention, 0)} / ${round(median(repeat.convention), 0)} ms`);
    return {
      ...base,
      notes: [
        `Initial JavaScript: ${initial.length} scripts fetched for the sign-in page and « Mes projets » (${initial.map((s) => s.url.replace('/assets/', '')).join(', ')}).`,
        `Loaded when the first document opens (editor, Yjs, collaboration): ${lazy.length} scripts, ${kb(sum(lazy, 'gzipBytes'))} kB gzip.`,
        `Documents: a note of ${docs.note.bytes} characters, and a convention-sized document of ${docs.convention.paragraphs} paragraphs, ${docs.convention.bytes} characters (snapshot ${kb(docs.convention.state.byteLength)} kB), both stored compacted.`,
        'Page open → editor synced: from the navigation start (performance.now() origin) until the last paragraph is on screen and the status is « Enregistré ». First open: the note is opened first, editor chunks not cached yet (the first open of the convention then finds them cached, its room still cold on the server); repeat: median of the later opens in the same context, after going back to « Mes projets ».',
        `Chromium ${browser.version()}, headless; server on core 0 as in the other scenarios.`,
        TRACE_ATTRIBUTION,
      ],
      rows: [
        { metric: 'initial JavaScript, gzip -9 (kB)', values: [kb(sum(initial, 'gzipBytes')), '≤ 400'] },
        { metric: 'initial JavaScript on the wire, Brotli (kB)', values: [kb(sum(initial, 'wireBytes')), '–'] },
        { metric: 'editor chunks loaded on first open, gzip -9 (kB)', values: [kb(sum(lazy, 'gzipBytes')), '–'] },
        { metric: 'note: page open → editor synced, first open (ms)', values: [round(firstOpen.note, 0), '≤ 1000'] },
        { metric: `note: page open → editor synced, repeat, median of ${opts.repeats} (ms)`, values: [round(median(repeat.note), 0), '≤ 1000'] },
        { metric: 'convention-sized: page open → editor synced, first open (ms)', values: [round(firstOpen.convention, 0), '≤ 1000'] },
        { metric: `convention-sized: page open → editor synced, repeat, median of ${opts.repeats} (ms)`, values: [round(median(repeat.convention), 0), '≤ 1000'] },
      ],
      data: { initial, lazy, firstOpen, repeat },
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}
