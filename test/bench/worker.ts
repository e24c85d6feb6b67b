/**
 * Load-generator worker thread: real `WebsocketProvider` clients (y-websocket 3.1.0, `ws`, no BroadcastChannel),
 * an open-loop schedule, and receivers that time every probe. Started by `loadgen.ts` through `spawnTsWorker`.
 *
 * Each edit is ONE transaction: a few characters inserted into a paragraph of the `default` XmlFragment (what
 * TipTap edits) plus a probe: key `sender:seq`, value the scheduled time, in the `probes` Y.Map. One key per probe
 * (not one per sender) because a server may merge several updates into one broadcast: a per-sender key would only
 * show the last probe and count the others as lost. A map rather than an array because `YMapEvent.keysChanged` costs
 * O(changes) while `YArrayEvent.changes` walks the whole array: with a growing array the generator, not the server,
 * became the bottleneck.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { LAG_RESOLUTION_MS, lagMs, nowMs } from './util.js';

/** What `loadgen.ts` passes to each worker. */
export type WorkerInput = {
  url: string;
  params: Record<string, string>;
  /** `id` is global (unique across workers): it is the probe's sender. */
  clients: { id: number; room: string }[];
  editsPerSec: number;
  caretsPerSec: number;
  /** `synced` for Yjs servers; `connected` for the bytes-only relay, which never answers sync step 1 itself. */
  waitFor: 'synced' | 'connected';
};

/** Schedule sent by the main thread once every worker is connected (monotonic ms, see `nowMs`). */
export type Go = { type: 'go'; startAt: number; measureFrom: number; measureTo: number; endAt: number };

/** What a worker reports at the end. Latencies are transferred, not copied. */
export type WorkerResult = {
  type: 'result';
  latencies: Float64Array;
  sentByRoom: Record<string, number>;
  deliveredByRoom: Record<string, number>;
  duplicates: number;
  editsSent: number;
  deliveriesSeen: number;
  lagP99Ms: number;
  lagMaxMs: number;
  closes: Record<string, number>;
};

type Client = {
  id: number;
  room: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  probes: Y.Map<number>;
  seq: number;
  nextEdit: number;
  nextCaret: number;
  seen: Set<number>;
};

const input = workerData as WorkerInput;
const port = parentPort!;
// Every provider adds a process 'exit' listener (y-websocket in Node): hundreds per worker are expected here.
process.setMaxListeners(0);
const clients: Client[] = [];
const latencies: number[] = [];
const sentByRoom: Record<string, number> = {};
const deliveredByRoom: Record<string, number> = {};
const closes: Record<string, number> = {};
let duplicates = 0;
let destroying = false;
let editsSent = 0;
let deliveriesSeen = 0;
let window = { from: Infinity, to: Infinity };

const rand = (n: number) => Math.floor(Math.random() * n);
const word = () => Array.from({ length: 2 + rand(5) }, () => String.fromCharCode(97 + rand(26))).join('') + ' ';

/** A paragraph's text to type into (creating the first paragraph when the document has none). */
function paragraphText(doc: Y.Doc, create: boolean): Y.XmlText | null {
  const frag = doc.getXmlFragment('default');
  const para = frag.length ? frag.get(rand(frag.length)) : null;
  if (para instanceof Y.XmlElement && para.get(0) instanceof Y.XmlText) return para.get(0) as Y.XmlText;
  if (!create) return null;
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText()]);
  frag.insert(frag.length, [p]);
  return p.get(0) as Y.XmlText;
}

function edit(c: Client, scheduled: number): void {
  c.doc.transact(() => {
    const text = paragraphText(c.doc, true)!;
    text.insert(rand(text.length + 1), word());
    c.probes.set(`${c.id}:${c.seq++}`, scheduled);
  });
  editsSent++;
  if (scheduled >= window.from && scheduled < window.to) sentByRoom[c.room] = (sentByRoom[c.room] ?? 0) + 1;
}

function caret(c: Client): void {
  const text = paragraphText(c.doc, false);
  if (!text) return;
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, rand(text.length + 1)));
  c.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
}

function connect(spec: { id: number; room: string }): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(input.url, spec.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: input.params,
  });
  const c: Client = { id: spec.id, room: spec.room, doc, provider, probes: doc.getMap('probes'), seq: 0, nextEdit: 0, nextCaret: 0, seen: new Set() };
  clients.push(c);
  provider.on('connection-close', (ev) => {
    if (destroying) return; // our own shutdown, not the server's doing
    const code = String(ev?.code ?? 'none');
    closes[code] = (closes[code] ?? 0) + 1;
  });
  c.probes.observe((event, tr) => {
    if (tr.local) return;
    const now = nowMs();
    for (const key of event.keysChanged) {
      const sep = key.indexOf(':');
      const sender = Number(key.slice(0, sep));
      if (sender === c.id) continue;
      const t = c.probes.get(key);
      if (t === undefined) continue;
      deliveriesSeen++;
      if (t < window.from || t >= window.to) continue;
      const id = sender * 1e6 + Number(key.slice(sep + 1));
      if (c.seen.has(id)) {
        duplicates++;
        continue;
      }
      c.seen.add(id);
      latencies.push(now - t);
      deliveredByRoom[c.room] = (deliveredByRoom[c.room] ?? 0) + 1;
    }
  });
  return new Promise((resolve) => {
    if (input.waitFor === 'synced') provider.once('sync', () => resolve());
    else provider.on('status', (e) => e.status === 'connected' && resolve());
  });
}

async function connectAll(): Promise<number> {
  // Batches: a thousand simultaneous handshakes would measure the accept queue, not the steady state.
  let failed = 0;
  for (let i = 0; i < input.clients.length; i += 25) {
    const batch = input.clients.slice(i, i + 25).map((s) => Promise.race([connect(s).then(() => 0), new Promise<number>((r) => setTimeout(() => r(1), 30_000))]));
    failed += (await Promise.all(batch)).reduce((a, b) => a + b, 0);
  }
  return failed;
}

function run(go: Go): void {
  window = { from: go.measureFrom, to: go.measureTo };
  const editEvery = input.editsPerSec > 0 ? 1000 / input.editsPerSec : Infinity;
  const caretEvery = input.caretsPerSec > 0 ? 1000 / input.caretsPerSec : Infinity;
  // Random phases: clients of a room must not all fire on the same millisecond.
  for (const c of clients) {
    c.nextEdit = go.startAt + Math.random() * Math.min(editEvery, 1000);
    c.nextCaret = go.startAt + Math.random() * Math.min(caretEvery, 1000);
  }
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  setTimeout(() => lag.enable(), Math.max(0, go.measureFrom - nowMs()));
  // Open loop: an edit is due at its scheduled time whatever happened before; if the loop is late it catches up and
  // the lateness shows in the latency (measured from the scheduled time), instead of silently lowering the load.
  const tick = () => {
    const now = nowMs();
    let soonest = Infinity;
    for (const c of clients) {
      while (c.nextEdit <= now && c.nextEdit < go.measureTo) {
        edit(c, c.nextEdit);
        c.nextEdit += editEvery;
      }
      while (c.nextCaret <= now && c.nextCaret < go.measureTo) {
        caret(c);
        c.nextCaret += caretEvery;
      }
      soonest = Math.min(soonest, c.nextEdit < go.measureTo ? c.nextEdit : Infinity, c.nextCaret < go.measureTo ? c.nextCaret : Infinity);
    }
    if (soonest < Infinity) setTimeout(tick, Math.max(0, soonest - nowMs()));
    else lag.disable();
  };
  setTimeout(tick, Math.max(0, go.startAt - nowMs()));
  setTimeout(() => {
    lag.disable();
    const result: WorkerResult = {
      type: 'result',
      latencies: Float64Array.from(latencies),
      sentByRoom,
      deliveredByRoom,
      duplicates,
      editsSent,
      deliveriesSeen,
      lagP99Ms: lagMs(lag.count ? lag.percentile(99) : 0),
      lagMaxMs: lagMs(lag.count ? lag.max : 0),
      closes,
    };
    destroying = true;
    for (const c of clients) c.provider.destroy();
    port.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
  }, Math.max(0, go.endAt - nowMs()));
}

port.on('message', (msg: Go | { type: 'close' }) => {
  if (msg.type === 'go') run(msg);
  else {
    destroying = true;
    for (const c of clients) c.provider.destroy();
    port.postMessage({ type: 'closed' });
  }
});

void connectAll().then((failed) => port.postMessage({ type: 'connected', failed }));
