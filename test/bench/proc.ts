/**
 * Server-side resource figures read from /proc (Linux): CPU time and resident memory of a child process, sampled
 * from outside so the measurement costs the server nothing.
 */
import { readFileSync } from 'node:fs';
import { nowMs } from './util.js';

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux that Node supports in practice. */
const CLK_TCK = 100;

/** utime + stime of the process (all threads), in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Resident set size now (VmRSS) and its high-water mark (VmHWM), in bytes. */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU time spent by the whole machine outside idle/iowait, in seconds (first line of /proc/stat). */
export function machineBusySeconds(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / CLK_TCK;
}

/**
 * What a sampler reports for a window. `backgroundCpuPercent` is the CPU used by neither the server nor this
 * process (other jobs on the machine): when it is high, the figures are contaminated, and the report says so.
 */
export type ProcWindow = { cpuPercent: number; rssEndMB: number; rssMaxMB: number; generatorCpuPercent: number; backgroundCpuPercent: number };

/**
 * Samples a process every `everyMs` from now until `stop()`: CPU % over the window (100 % = one core) and the
 * largest RSS seen. Polling (not VmHWM) because the high-water mark would include the process's past.
 */
export function sampleProcess(pid: number, everyMs = 250): { stop(): ProcWindow } {
  const cpu0 = cpuSeconds(pid);
  const self0 = process.cpuUsage();
  const machine0 = machineBusySeconds();
  const t0 = nowMs();
  let rssMax = memory(pid).rss;
  const timer = setInterval(() => {
    try {
      rssMax = Math.max(rssMax, memory(pid).rss);
    } catch {
      // The process exited: keep the last figures.
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const rss = memory(pid).rss;
      const elapsed = (nowMs() - t0) / 1000;
      const pct = (s: number) => Math.round((s / elapsed) * 1000) / 10;
      const server = cpuSeconds(pid) - cpu0;
      const self = process.cpuUsage(self0);
      const generator = (self.user + self.system) / 1e6;
      const background = Math.max(0, machineBusySeconds() - machine0 - server - generator);
      return { cpuPercent: pct(server), rssEndMB: mb(rss), rssMaxMB: mb(Math.max(rssMax, rss)), generatorCpuPercent: pct(generator), backgroundCpuPercent: pct(background) };
    },
  };
}

/** Bytes to MB with one decimal. */
export function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
