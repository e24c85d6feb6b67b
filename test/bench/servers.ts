/**
 * Servers under test as child processes, one at a time, pinned to core 0: Mutualab (`server/index.ts`), the
 * reference `@y/websocket-server`, and the floor servers of `floors-server.ts`. Once the benchmark pinned its load
 * generator (`pinGenerator`), each server's event loop also gets real-time priority on that core (see SHARING), so
 * the generator never delays the server it measures.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './util.js';

/** Repository root (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** True when `taskset` exists, i.e. processes can be pinned to cores. */
export const CAN_PIN = (() => {
  if (cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** True when the server can be given real-time priority (`chrt -f`, root or CAP_SYS_NICE). */
const CAN_RT = (() => {
  if (process.env.BENCH_RT === '0') return false;
  try {
    execFileSync('chrt', ['-f', '10', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * How server and generator share the machine.
 * - `rt`: the server alone on core 0 under SCHED_FIFO, so it runs whenever it has work: no generator thread can delay
 *   it. The generator's threads may use every core, core 0 included, but only the time the server leaves idle there.
 *   On a 2-core machine a 60-client room of stock clients needs more than one core for the generator (its garbage
 *   collector alone pauses it ~100 ms on one core), so this is how the generator stops being the bottleneck.
 * - `split`: server on core 0, generator on the other cores (no chrt permission).
 */
export const SHARING: 'rt' | 'split' = CAN_RT ? 'rt' : 'split';

/** Cores of the load generator (see SHARING). */
export const GENERATOR_CPUS = SHARING === 'rt' ? `0-${cpus().length - 1}` : cpus().length > 2 ? `1-${cpus().length - 1}` : '1';

/** Set by `pinGenerator`: servers started afterwards get real-time priority (never in `npm test`'s smoke run). */
let rtServers = false;

/**
 * With SHARING `rt`, gives the server's main thread (tid = pid) real-time priority once it is ready. Only the main
 * thread: the event loop is what latency depends on, and a whole process under SCHED_FIFO at one priority never
 * time-slices its own threads (Mutualab's start, with tsx's loader thread, then never completed).
 */
function raisePriority(pid: number): void {
  if (rtServers) execFileSync('chrt', ['-f', '-p', '10', String(pid)], { stdio: 'ignore' });
}

/**
 * Pins every thread of this process (and the threads it will create) to the generator's cores, and turns on the
 * servers' priority when SHARING is `rt`. Returns the cores, or null without taskset or with a single core.
 */
export function pinGenerator(): string | null {
  if (!CAN_PIN || cpus().length < 2) return null;
  rtServers = SHARING === 'rt';
  execFileSync('taskset', ['-a', '-p', '-c', GENERATOR_CPUS, String(process.pid)], { stdio: 'ignore' });
  return GENERATOR_CPUS;
}

/** A running server child. `pid` is the Node process itself (taskset execs, node is started without a wrapper). */
export type ServerHandle = {
  name: string;
  pid: number;
  port: number;
  /** Base WebSocket URL; a y-websocket client appends `/<room>`. */
  wsUrl: string;
  httpUrl: string;
  output(): string;
  /**
   * The server's own event-loop delay over a window (`lag-probe.mjs`, preloaded): `start()` at the window's start,
   * `stop()` at its end resolves with p50/p99/max in ms (null if the probe did not answer within 2 s).
   */
  lagWindow(): { stop(): Promise<ServerLag | null> };
  /** SIGTERM (graceful: Mutualab flushes rooms) and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
};

/** Event-loop delay of a server over a measured window (ms). */
export type ServerLag = { p50: number; p99: number; max: number };

/** Preloaded into every server child: its event-loop delay, reported on SIGUSR2 (see the file). */
const LAG_PROBE = ['--import', new URL('./lag-probe.mjs', import.meta.url).href];

/** Servers started and not exited yet: killed when the harness exits, even on a crash (no orphan on core 0). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

type Spec = { name: string; args: string[]; env: Record<string, string>; ready: RegExp; port: number; wsPath: string };

/** Spawns `node <args>` pinned to core 0 and resolves when its output matches `ready`. */
async function spawnServer(spec: Spec): Promise<ServerHandle> {
  const nodeArgs = [...LAG_PROBE, ...spec.args];
  const cmd = CAN_PIN ? 'taskset' : process.execPath;
  const args = CAN_PIN ? ['-c', '0', process.execPath, ...nodeArgs] : nodeArgs;
  const child: ChildProcess = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let log = '';
  let port = spec.port;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.name} did not start in 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = spec.ready.exec(log);
      if (m) {
        if (m[1]) port = Number(m[1]);
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited (${code}) before ready:\n${log}`));
    });
  });
  raisePriority(child.pid!);
  // Keep only the tail of the log: a long run must not grow the harness's memory.
  child.stdout!.on('data', () => (log = log.slice(-20_000)));
  let lagReply: ((lag: ServerLag) => void) | null = null;
  let stderrLine = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderrLine += chunk.toString();
    for (let nl = stderrLine.indexOf('\n'); nl >= 0; nl = stderrLine.indexOf('\n')) {
      const line = stderrLine.slice(0, nl);
      stderrLine = stderrLine.slice(nl + 1);
      if (line.startsWith('BENCH_LAG ') && lagReply) lagReply(JSON.parse(line.slice('BENCH_LAG '.length)) as ServerLag);
    }
    log = log.slice(-20_000);
  });
  const lagWindow = () => {
    child.kill('SIGUSR2');
    return {
      stop: () =>
        new Promise<ServerLag | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), 2000);
          lagReply = (lag) => {
            clearTimeout(timer);
            lagReply = null;
            resolve(lag);
          };
          child.kill('SIGUSR2');
        }),
    };
  };
  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill(signal);
    });
  return {
    name: spec.name,
    pid: child.pid!,
    port,
    wsUrl: `ws://127.0.0.1:${port}${spec.wsPath}`,
    httpUrl: `http://127.0.0.1:${port}`,
    output: () => log,
    lagWindow,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
  };
}

/** The reference server, in memory (YPERSISTENCE unset = its default), as its own bin script runs it. */
export async function startReference(): Promise<ServerHandle> {
  const port = await freePort();
  const env: Record<string, string> = { HOST: '127.0.0.1', PORT: String(port) };
  const bin = join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
  return spawnServer({ name: 'reference', args: [bin], env, ready: /running at/, port, wsPath: '' });
}

/** Options of a Mutualab instance. */
export type MutualabOptions = { dbPath: string; env?: Record<string, string>; nodeArgs?: string[] };

/**
 * Mutualab as `node --import tsx server/index.ts` (what `tsx server/index.ts` does, minus the wrapper process that
 * would hide the server's pid from /proc sampling).
 */
export function startMutualab(opts: MutualabOptions): Promise<ServerHandle> {
  const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: opts.dbPath, DEMO: '1', LOG_LEVEL: 'warn', MUTUALAB_READY_LINE: '1', ...opts.env };
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'];
  return spawnServer({ name: 'mutualab', args, env, ready: /MUTUALAB_READY port=(\d+)/, port: 0, wsPath: '/ws' });
}

/** The floor servers (`echo`: answers every frame; `relay`: forwards bytes to the other sockets of the room). */
export function startFloor(kind: 'echo' | 'relay'): Promise<ServerHandle> {
  const args = ['--import', 'tsx', 'test/bench/floors-server.ts', kind];
  return spawnServer({ name: kind, args, env: {}, ready: /FLOOR_READY port=(\d+)/, port: 0, wsPath: '' });
}

/** True when the Mutualab collaboration server exists in this checkout. */
export function mutualabCollabPresent(): boolean {
  return existsSync(join(ROOT, 'server/collab/index.ts'));
}
