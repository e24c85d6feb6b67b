/**
 * Scenario 3 threads: a `writer` replays the editing trace as one-character transactions through a stock client;
 * an `observer` (another thread, so the writer's work does not delay its clock) reports when its copy holds exactly
 * the expected text. Trace: CC BY 4.0, Martin Kleppmann and Alastair R. Beresford (automerge-perf).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openClient } from './client.js';
import { applyEdit, ensureTraceText, loadTrace, plainText, textAfter, traceText } from './trace.js';
import { nowMs } from './util.js';

/**
 * Input of a replay thread. `edits`: how many edits of the trace to replay; `chunk`: edits per event-loop turn;
 * `rate`: edits per second on an open-loop schedule (0 = as fast as the client can produce them).
 */
export type ReplayInput = { role: 'writer' | 'observer'; url: string; room: string; params: Record<string, string>; edits: number; chunk: number; rate: number };

const input = workerData as ReplayInput;
const port = parentPort!;
process.setMaxListeners(0);

async function writer(): Promise<void> {
  const { edits } = loadTrace();
  const client = await openClient(input.url, input.room, input.params);
  client.provider.on('connection-close', (ev) => port.postMessage({ type: 'closed', code: ev?.code ?? null, at: done }));
  let done = 0;
  port.postMessage({ type: 'ready' });
  await new Promise((r) => port.once('message', r));
  const t0 = nowMs();
  const text = ensureTraceText(client.doc);
  // Chunks per turn: the socket gets to flush between them, as it would between a typist's keystrokes.
  while (done < input.edits) {
    // Paced: every edit whose scheduled time has come (open loop); unpaced: the next chunk.
    const due = input.rate > 0 ? Math.floor(((nowMs() - t0) * input.rate) / 1000) + 1 : done + input.chunk;
    const end = Math.min(input.edits, due);
    for (; done < end; done++) applyEdit(client.doc, text, edits[done]);
    if (input.rate > 0) await new Promise((r) => setTimeout(r, 1));
    else await new Promise((r) => setImmediate(r));
  }
  const ws = client.provider.ws as unknown as { bufferedAmount: number } | null;
  while (ws && ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 1));
  port.postMessage({ type: 'sent', ms: nowMs() - t0 });
}

async function observer(): Promise<void> {
  const expected = textAfter(loadTrace().edits, input.edits);
  const client = await openClient(input.url, input.room, input.params);
  port.postMessage({ type: 'ready' });
  // Checked on a timer, not on every update: comparing 100 kB strings 260,000 times would make the observer the
  // bottleneck. The length (O(1)) gates the full comparison.
  const timer = setInterval(() => {
    const text = traceText(client.doc);
    if (text && text.length === expected.length && plainText(text) === expected) {
      clearInterval(timer);
      port.postMessage({ type: 'done', at: nowMs() });
      client.close();
    }
  }, 5);
}

void (input.role === 'writer' ? writer() : observer());
