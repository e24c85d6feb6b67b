/**
 * Scenario 7, physical floors: the loopback WebSocket round trip (echo server, ping-pong, one frame in flight) and
 * the many-rooms load through a bytes-only relay (no Yjs on the server). Our overhead = ours − relay.
 *
 * Not the workshop load: its carets make a relay melt down. A stock y-websocket client re-broadcasts every awareness
 * update it receives (y-websocket 3.1.0 `_awarenessUpdateHandler` has no origin check); a Yjs server applies the
 * echo and drops it (same clock), a relay forwards it to the whole room: 60 × 59 × 59 messages per caret round.
 */
import WebSocket from 'ws';
import { startFloor } from '../servers.js';
import { measureLoad, type LoadShape } from './load.js';
import type { LoadResult } from '../loadgen.js';
import { nowMs, round, summarize } from '../util.js';
import type { ScenarioReport } from '../report.js';

/** Round trips of a 32-byte binary frame, one at a time, for `seconds`. */
async function echoRtt(seconds: number): Promise<ReturnType<typeof summarize>> {
  const srv = await startFloor('echo');
  const ws = new WebSocket(srv.wsUrl);
  await new Promise((r) => ws.once('open', r));
  const rtts: number[] = [];
  const payload = Buffer.alloc(32, 7);
  const end = nowMs() + seconds * 1000;
  try {
    while (nowMs() < end) {
      const t0 = nowMs();
      await new Promise<void>((resolve) => {
        ws.once('message', () => resolve());
        ws.send(payload);
      });
      rtts.push(nowMs() - t0);
    }
  } finally {
    ws.terminate();
    await srv.stop();
  }
  return summarize(Float64Array.from(rtts));
}

/** Runs scenario 7; `ours` are the many-rooms medians (same shape) to compute the overhead above the relay. */
export async function floorsScenario(opts: { echoSeconds: number; shape: LoadShape | null; ours: Record<string, LoadResult> }, log: (s: string) => void): Promise<ScenarioReport> {
  const echo = await echoRtt(opts.echoSeconds);
  log(`  echo RTT p50 ${echo.p50} ms, p99 ${echo.p99} ms (${echo.n} round trips)`);
  const relay = opts.shape ? (await measureLoad(['relay'], opts.shape, 1, {}, log)).relay.median : null;
  const rows: ScenarioReport['rows'] = [
    { metric: 'ws echo round trip p50 (ms)', values: [echo.p50, null, null, null] },
    { metric: 'ws echo round trip p99 (ms)', values: [echo.p99, null, null, null] },
    { metric: 'ws echo round trip max (ms)', values: [echo.max, null, null, null] },
  ];
  if (relay) {
    for (const [label, key] of [['p50', 'p50'], ['p99', 'p99'], ['p99.9', 'p999']] as const) {
      const base = relay.latency[key];
      const over = (name: string) => (opts.ours[name] && base !== null && opts.ours[name].latency[key] !== null ? round(opts.ours[name].latency[key]! - base, 2) : null);
      rows.push({ metric: `many-rooms latency ${label} (ms)`, values: [base, opts.ours.mutualab?.latency[key] ?? null, over('mutualab'), over('reference')] });
    }
    rows.push({ metric: 'relay: lost / server CPU % / generator lag p99 (ms)', values: [`${relay.lost} / ${relay.server.cpuPercent} / ${relay.generatorLagP99Ms}`, null, null, null] });
  }
  return {
    id: '7-floors',
    title: '7. Floors: loopback round trip and bytes-only relay',
    notes: [
      `Echo: ${echo.n} sequential round trips of a 32-byte binary frame (ws ${opts.echoSeconds} s).`,
      'Relay: the many-rooms load (same clients, rates and durations as scenario 2) through a server that forwards each sync frame (awareness frames dropped) to the other sockets of the room with no Yjs; clients wait for "connected" instead of "synced" since the relay never answers sync step 1 itself. One run.',
      'Overhead columns: server latency minus relay latency at the same percentile (scenario 2 median runs). Not measured on the workshop load: stock clients echo every awareness update they receive, which a Yjs server drops and a relay multiplies.',
    ],
    columns: ['floor', 'mutualab', 'mutualab − floor', 'reference − floor'],
    rows,
    cdf: relay ? { relay: relay.cdf, ...Object.fromEntries(Object.entries(opts.ours).map(([k, v]) => [k, v.cdf])) } : undefined,
    data: { echo, relay: relay ? { ...relay, cdf: undefined } : null },
  };
}
