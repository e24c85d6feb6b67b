/**
 * Scenario 3, real session replay: the editing trace (259,778 edits; CC BY 4.0, Martin Kleppmann and Alastair R.
 * Beresford, automerge-perf) as one-character transactions through a stock client; time until an observer has the
 * exact final text; then, for Mutualab, a cold open after a server restart (the reference keeps documents in memory
 * only, so a restart loses them: it has no cold open to compare).
 */
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../loadgen.js';
import { openClient } from '../client.js';
import { openTarget, type TargetName } from '../targets.js';
import { startMutualab } from '../servers.js';
import { login } from '../mutualab-db.js';
import { loadTrace, plainText, textAfter, traceText } from '../trace.js';
import { sampleProcess, type ProcWindow } from '../proc.js';
import { median, nowMs, ratio, round } from '../util.js';
import { TRACE_ATTRIBUTION, type ScenarioReport } from '../report.js';

type ReplayResult = { edits: number; completeMs: number | null; sentMs: number | null; closes: unknown[]; server: ProcWindow; warmOpenMs: number; coldOpenMs: number | null; coldOpenTextOk: boolean | null };

const next = (w: Worker, type: string, timeoutMs: number) =>
  new Promise<any>((resolve) => {
    const t = setTimeout(() => resolve(null), timeoutMs);
    w.on('message', (m) => m.type === type && (clearTimeout(t), resolve(m)));
  });

async function replayOnce(name: TargetName, edits: number, rate: number, timeoutMs: number, repeats: number, env?: Record<string, string>): Promise<ReplayResult> {
  const room = 'bench_replay_0000';
  const target = await openTarget(name, [room], { env });
  const expected = textAfter(loadTrace().edits, edits);
  try {
    const mk = (role: 'writer' | 'observer') => spawnTsWorker(new URL('../replay-worker.ts', import.meta.url), { role, url: target.url, room, params: target.params, edits, chunk: 200, rate });
    const observer = mk('observer');
    await next(observer, 'ready', 30_000);
    const writer = mk('writer');
    const closes: unknown[] = [];
    writer.on('message', (m) => m.type === 'closed' && closes.push(m));
    await next(writer, 'ready', 30_000);
    const sampler = sampleProcess(target.server.pid);
    const t0 = nowMs();
    const sent = next(writer, 'sent', timeoutMs);
    // A 44xx close stops a stock client for good: the observer can never complete, so do not wait for the timeout.
    const fatal = new Promise<null>((resolve) => writer.on('message', (m) => m.type === 'closed' && m.code >= 4400 && m.code < 4500 && resolve(null)));
    const done = Promise.race([next(observer, 'done', timeoutMs), fatal]);
    writer.postMessage('go');
    const [s, d] = await Promise.all([sent, done]);
    const server = sampler.stop();
    await Promise.all([writer.terminate(), observer.terminate()]);
    // Warm open: a new client while the room is loaded (both servers have this one).
    const warm = await openClient(target.url, room, target.params);
    warm.close();
    let coldOpenMs: number | null = null;
    let coldOpenTextOk: boolean | null = null;
    if (name === 'mutualab' && target.dbPath) {
      const opens: number[] = [];
      await target.close();
      for (let i = 0; i < repeats; i++) {
        const srv = await startMutualab({ dbPath: target.dbPath, env });
        try {
          const token = await login(srv.httpUrl);
          const c = await openClient(srv.wsUrl, room, { token });
          opens.push(c.syncedMs);
          const t = traceText(c.doc);
          coldOpenTextOk = (coldOpenTextOk ?? true) && !!t && plainText(t) === expected;
          c.close();
        } finally {
          await srv.stop();
        }
      }
      coldOpenMs = round(median(opens), 1);
    }
    return { edits, completeMs: d ? round(d.at - t0, 0) : null, sentMs: s ? round(s.ms, 0) : null, closes, server, warmOpenMs: round(warm.syncedMs, 1)!, coldOpenMs, coldOpenTextOk };
  } finally {
    await target.close();
  }
}

/** Runs the replay against each target and returns the report. */
export async function replayScenario(
  targets: TargetName[],
  /** `env`: extra environment of the Mutualab server (e.g. a higher per-connection message limit). */
  opts: { id: string; edits: number; rate: number; timeoutMs: number; repeats: number; env?: Record<string, string> },
  log: (s: string) => void,
): Promise<ScenarioReport> {
  const res: Record<string, ReplayResult> = {};
  for (const name of targets) {
    res[name] = await replayOnce(name, opts.edits, opts.rate, opts.timeoutMs, opts.repeats, name === 'mutualab' ? opts.env : undefined);
    log(`  ${name}: observer complete ${res[name].completeMs} ms, closes ${JSON.stringify(res[name].closes)}, cold open ${res[name].coldOpenMs} ms`);
  }
  const names = Object.keys(res);
  const both = names.includes('mutualab') && names.includes('reference');
  // Ratios only when both replays completed: a replay cut short (4429) leaves a smaller document, not comparable.
  const comparable = both && res.mutualab.completeMs !== null && res.reference.completeMs !== null;
  const row = (metric: string, get: (r: ReplayResult) => number | string | null, withRatio = true) => ({
    metric,
    values: [...names.map((n) => get(res[n])), ...(both ? [withRatio && comparable ? ratio(get(res.mutualab) as number, get(res.reference) as number) : null] : [])],
  });
  return {
    id: opts.id,
    title: `3. Real session replay (${opts.edits.toLocaleString('en')} one-character transactions, ${opts.rate ? `paced at ${opts.rate}/s` : 'full speed'})${opts.env ? `, Mutualab with ${Object.entries(opts.env).map(([k, v]) => `\`${k}=${v}\``).join(' ')}` : ''}`,
    notes: [
      TRACE_ATTRIBUTION,
      `Writer and observer are stock WebsocketProvider clients in two worker threads; ${opts.rate ? `edits follow an open-loop schedule of ${opts.rate}/s` : 'edits are applied 200 per event-loop turn, as fast as the client produces them'}.`, 'Reference server: in memory, so it has no cold open after restart (–).', 'Cold open: median of repeated restarts of the server on the same database file.',
    ],
    columns: [...names, ...(both ? ['mutualab / reference'] : [])],
    rows: [
      row('observer has the exact text (ms)', (r) => r.completeMs),
      row('writer finished sending (ms)', (r) => r.sentMs),
      ...(opts.rate ? [row('observer complete after the last edit was due (ms)', (r) => (r.completeMs === null ? null : round(r.completeMs - ((opts.edits - 1) / opts.rate) * 1000, 0)))] : []),
      row('server CPU % during replay', (r) => r.server.cpuPercent),
      row('server RSS max (MB)', (r) => r.server.rssMaxMB),
      row('close codes seen by the writer', (r) => (r.closes.length ? JSON.stringify(r.closes) : 'none'), false),
      row('open while loaded: time to synced (ms)', (r) => r.warmOpenMs),
      row('cold open after restart: time to synced (ms)', (r) => r.coldOpenMs, false),
      row('cold open text equals final text', (r) => (r.coldOpenTextOk === null ? null : r.completeMs === null ? 'n/a: replay cut short' : r.coldOpenTextOk ? 'yes' : 'NO'), false),
      row('other processes CPU % (noise)', (r) => r.server.backgroundCpuPercent, false),
    ],
    data: res,
  };
}
